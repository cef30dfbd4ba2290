import { swissToday } from '../i18n/format.js';

/** A period label the reporting service accepts: year, half-year, quarter or month (RP1). */
export const PERIOD = /^\d{4}(?:-(?:Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;

/** The period asked for, else the current year (what AGS looks at first). */
export function periodOr(raw: unknown, today = swissToday()): string {
  return typeof raw === 'string' && PERIOD.test(raw) ? raw : today.slice(0, 4);
}

export interface PeriodOption {
  value: string;
  /** Catalogue key and its parameters. */
  key: string;
  params: Record<string, string | number>;
}

/** This year and last: the year, its half-years, quarters and months, newest first. */
export function periodOptions(today = swissToday()): PeriodOption[] {
  const year = Number(today.slice(0, 4));
  const out: PeriodOption[] = [];
  for (const y of [year, year - 1]) {
    out.push({ value: String(y), key: 'reporting.period.year', params: { year: y } });
    for (const h of [1, 2]) out.push({ value: `${y}-H${h}`, key: 'reporting.period.half', params: { year: y, n: h } });
    for (const q of [1, 2, 3, 4])
      out.push({ value: `${y}-Q${q}`, key: 'reporting.period.quarter', params: { year: y, n: q } });
    for (let m = 1; m <= 12; m++) {
      const mm = String(m).padStart(2, '0');
      out.push({ value: `${y}-${mm}`, key: 'reporting.period.month', params: { year: y, month: mm } });
    }
  }
  return out;
}
