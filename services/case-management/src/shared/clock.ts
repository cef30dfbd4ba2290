import { swissDay, type LocalDate } from '@si/kernel';

/** The time source of the shell (the domain never reads a clock); tests may replace it. */
export abstract class Clock {
  private day?: { until: number; value: LocalDate };

  abstract now(): Date;

  /** ISO instant for command contexts and history entries. */
  instant(): string {
    return this.now().toISOString();
  }

  /** Today in Solothurn: business dates (deadlines, "overdue") are Swiss calendar days. */
  today(): LocalDate {
    // Formatting with Intl on every request shows in profiles; the day is kept for at most a minute of this clock's time.
    const now = this.now();
    const t = now.getTime();
    if (this.day && t < this.day.until && t >= this.day.until - 60_000) return this.day.value;
    const value = swissDay(now);
    this.day = { until: t - (t % 60_000) + 60_000, value };
    return value;
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
