import { swissDay } from '@si/kernel';

/** The time source of the shell; tests replace it to place "today" where their data is. */
export abstract class Clock {
  abstract now(): Date;

  instant(): string {
    return this.now().toISOString();
  }

  /** Today in Solothurn (deadlines and reminders are Swiss calendar days). */
  today(): string {
    return swissDay(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
