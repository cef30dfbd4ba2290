import { Clock } from '../../src/shared/clock.js';

/** The real time, shifted by whole days on request: lets a test see deadlines pass. */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advanceDays(days: number): void {
    this.offsetMs += days * 86_400_000;
  }
}
