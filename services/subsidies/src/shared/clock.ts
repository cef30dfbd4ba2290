import { swissDay, type LocalDate } from './local-date.js';

/** The time source of the shell (the domain never reads a clock); tests replace it. */
export abstract class Clock {
  abstract now(): Date;

  today(): LocalDate {
    return swissDay(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
