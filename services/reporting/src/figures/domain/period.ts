import { DomainError } from '@si/kernel';

/** A reporting period: a year, half-year, quarter or month, as the catalogue counts by event date. */
export interface Period {
  readonly label: string;
  readonly kind: 'year' | 'half-year' | 'quarter' | 'month';
  /** First day (inclusive). */
  readonly from: string;
  /** Last day (inclusive). */
  readonly to: string;
  /** First days of the months it spans. */
  readonly months: readonly string[];
  /** First day of its last month: the day areas are grouped by (the organisation model at the period's end). */
  readonly lastMonth: string;
}

export class PeriodError extends DomainError {
  constructor(value: string) {
    super(
      'RP1',
      'invalid-period',
      {
        de: `«${value}» ist keine Periode: erlaubt sind Jahr (2027), Halbjahr (2027-H1), Quartal (2027-Q1) oder Monat (2027-03).`,
        en: `"${value}" is not a period: use a year (2027), half-year (2027-H1), quarter (2027-Q1) or month (2027-03).`,
      },
      'unprocessable',
      { parameter: 'period', value },
    );
  }

  get rule(): string {
    return 'RP1: figures are asked for by year, half-year, quarter or month';
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function span(label: string, kind: Period['kind'], year: number, firstMonth: number, count: number): Period {
  const months = Array.from({ length: count }, (_, i) => `${year}-${pad(firstMonth + i)}-01`);
  const lastMonth = firstMonth + count - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    label,
    kind,
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
    months,
    lastMonth: `${year}-${pad(lastMonth)}-01`,
  };
}

export function parsePeriod(value: string): Period {
  const m = /^(\d{4})(?:-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/.exec(value ?? '');
  if (!m) throw new PeriodError(String(value));
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) throw new PeriodError(value);
  const part = m[2];
  if (!part) return span(value, 'year', year, 1, 12);
  if (part.startsWith('Q')) return span(value, 'quarter', year, (Number(part[1]) - 1) * 3 + 1, 3);
  if (part.startsWith('H')) return span(value, 'half-year', year, (Number(part[1]) - 1) * 6 + 1, 6);
  return span(value, 'month', year, Number(part), 1);
}

/** The period of the same kind one year earlier (year over year). */
export function previousYear(period: Period): Period {
  return parsePeriod(`${Number(period.label.slice(0, 4)) - 1}${period.label.slice(4)}`);
}
