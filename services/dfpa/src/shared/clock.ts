import { swissDay, type LocalDate } from '@si/kernel';

/** The time source of the shell (the domain never reads a clock); tests replace it to move days. */
export abstract class Clock {
  abstract now(): Date;

  /** Today in Solothurn: deadlines and "overdue" are Swiss calendar days. */
  today(): LocalDate {
    return swissDay(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
