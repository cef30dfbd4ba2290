import { type LocalDate } from '@si/kernel';

/**
 * Working days in Solothurn: Monday to Friday without the public holidays the cantonal administration closes on
 * everywhere (New Year, Berchtoldstag, Good Friday, Easter Monday, Ascension, Whit Monday, 1 August, Christmas,
 * St Stephen). Local holidays (e.g. Corpus Christi in catholic municipalities) do not move a canton-wide deadline.
 */
function easterSunday(year: number): Date {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const shift = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

const holidayCache = new Map<number, Set<string>>();

export function publicHolidays(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    const easter = easterSunday(year);
    set = new Set([
      `${year}-01-01`,
      `${year}-01-02`,
      `${year}-08-01`,
      `${year}-12-25`,
      `${year}-12-26`,
      iso(shift(easter, -2)),
      iso(shift(easter, 1)),
      iso(shift(easter, 39)),
      iso(shift(easter, 50)),
    ]);
    holidayCache.set(year, set);
  }
  return set;
}

export function isWorkingDay(day: LocalDate): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = d.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !publicHolidays(d.getUTCFullYear()).has(day);
}

/** The day `n` working days after `from` (from itself does not count). */
export function addWorkingDays(from: LocalDate, n: number): LocalDate {
  let d = new Date(`${from}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d = shift(d, 1);
    if (isWorkingDay(iso(d) as LocalDate)) left -= 1;
  }
  return iso(d) as LocalDate;
}
