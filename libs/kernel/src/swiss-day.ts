import type { LocalDate } from './local-date.js';

// Intl formatters are costly to build: one for the process. en-CA formats as YYYY-MM-DD.
const SWISS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Zurich',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day in Solothurn at `instant`: business dates (deadlines, "overdue", the day a rule version comes into
 * force) are Swiss days, not UTC days: 23:30 UTC on 31 March is already 1 April in Solothurn.
 */
export function swissDay(instant: Date = new Date()): LocalDate {
  return SWISS_DAY.format(instant) as LocalDate;
}
