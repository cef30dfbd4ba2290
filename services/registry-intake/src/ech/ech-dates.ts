/**
 * Dates as eCH sends them, reduced to what the events carry. xs:date may carry a time zone
 * (`1960-03-24+01:00`, `2020-01-01Z`, real INFOSTAR data): the calendar day is what the register meant, so the
 * zone is dropped, never converted.
 */
export function normaliseDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(-?\d{4,}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?\s*$/.exec(value);
  return m ? m[1] : undefined;
}

/** A date of birth of eCH-0044 `datePartiallyKnownType`: the day, only month and year, or only the year. */
export interface PartialDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, without time zone. */
  value: string;
  precision: 'day' | 'month' | 'year';
  year: number;
}

export function partialDate(kind: 'yearMonthDay' | 'yearMonth' | 'year', raw: string): PartialDate | undefined {
  const patterns = {
    yearMonthDay: /^\s*(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?\s*$/,
    yearMonth: /^\s*(\d{4})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?\s*$/,
    year: /^\s*(\d{4})(?:Z|[+-]\d{2}:\d{2})?\s*$/,
  } as const;
  const m = patterns[kind].exec(raw);
  if (!m) return undefined;
  const value = m
    .slice(1)
    .filter((part) => part !== undefined)
    .join('-');
  const precision = kind === 'yearMonthDay' ? 'day' : kind === 'yearMonth' ? 'month' : 'year';
  return { value, precision, year: Number(m[1]) };
}
