import { swissDay, type LocalDate } from '@si/kernel';

/** The time source of the shell (the domain never reads a clock); tests replace it. */
export abstract class Clock {
  abstract now(): Date;

  instant(): string {
    return this.now().toISOString();
  }

  /** Today in Solothurn: offers start, end and expire on Swiss calendar days. */
  today(): LocalDate {
    return swissDay(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
