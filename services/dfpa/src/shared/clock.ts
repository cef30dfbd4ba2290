import { swissDay, type LocalDate } from '@si/kernel';

/** The time source of the shell (the domain never reads a clock); tests replace it to move days. */
export abstract class Clock {
  private cached: { minute: number; day: LocalDate } | null = null;

  abstract now(): Date;

  /**
   * Today in Solothurn: deadlines and "overdue" are Swiss calendar days. Formatting a date in a time zone costs tens
   * of microseconds, which every list read paid; the Swiss day changes only on a whole UTC minute (the zone's offsets
   * are whole hours), so the day is kept per minute and is never stale.
   */
  today(): LocalDate {
    const minute = Math.floor(this.now().getTime() / 60_000);
    if (this.cached?.minute !== minute) this.cached = { minute, day: swissDay(new Date(minute * 60_000)) };
    return this.cached.day;
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
