/** A Swiss calendar day, `YYYY-MM-DD`. */
export type LocalDate = string;

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar day in ISO form (2027-02-30 is not one). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string' || !ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === value;
}

const SWISS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Zurich',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Solothurn at an instant. */
export function swissDay(instant: Date): LocalDate {
  return SWISS_DAY.format(instant);
}

export function addDays(day: LocalDate, days: number): LocalDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
