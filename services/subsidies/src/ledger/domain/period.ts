import type { LocalDate } from '../../shared/local-date.js';

/** Months per claim period: the year divides into equal periods (S15). Quarterly by default. */
export const PERIOD_MONTHS = [1, 2, 3, 4, 6, 12] as const;
export type PeriodMonths = (typeof PERIOD_MONTHS)[number];

export interface Period {
  /** `2027-Q1` (quarters), `2027-H1` (halves), `2027` (year), `2027-M03` (months), `2027-P2` (two or four months). */
  readonly label: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export function isPeriodMonths(value: unknown): value is PeriodMonths {
  return typeof value === 'number' && (PERIOD_MONTHS as readonly number[]).includes(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

function label(year: number, index: number, months: PeriodMonths): string {
  switch (months) {
    case 12:
      return String(year);
    case 6:
      return `${year}-H${index}`;
    case 3:
      return `${year}-Q${index}`;
    case 1:
      return `${year}-M${pad(index)}`;
    default:
      return `${year}-P${index}`;
  }
}

/** The claim period a day falls in, given the year's period length. */
export function periodOf(day: LocalDate, months: PeriodMonths): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const index = Math.floor((month - 1) / months) + 1;
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    label: label(year, index, months),
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

/** Every period of a year that has ended before `today` (a claim run drafts these). */
export function closedPeriods(year: number, months: PeriodMonths, today: LocalDate): Period[] {
  const out: Period[] = [];
  for (let m = 1; m <= 12; m += months) {
    const p = periodOf(`${year}-${pad(m)}-01`, months);
    if (p.to < today) out.push(p);
  }
  return out;
}
