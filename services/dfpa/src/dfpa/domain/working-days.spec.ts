import type { LocalDate } from '@si/kernel';
import { addWorkingDays, isWorkingDay, publicHolidays } from './working-days.js';

const d = (s: string) => s as LocalDate;

describe('working days in Solothurn (the hand-over answer deadline)', () => {
  it('counts Monday to Friday: 10 working days from a Monday end on the Monday two weeks later', () => {
    expect(addWorkingDays(d('2027-03-01'), 10)).toBe('2027-03-15');
    expect(addWorkingDays(d('2027-03-05'), 1)).toBe('2027-03-08'); // Friday → Monday
  });

  it('skips the canton-wide holidays, Easter-dependent ones included', () => {
    expect([...publicHolidays(2027)].sort()).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-03-26',
      '2027-03-29',
      '2027-05-06',
      '2027-05-17',
      '2027-08-01',
      '2027-12-25',
      '2027-12-26',
    ]);
    expect(isWorkingDay(d('2027-03-26'))).toBe(false); // Good Friday
    expect(addWorkingDays(d('2027-03-25'), 1)).toBe('2027-03-30'); // Thursday before Easter → Tuesday after
    expect(addWorkingDays(d('2026-12-23'), 3)).toBe('2026-12-29'); // Thursday 24, Christmas Friday skipped, Monday 28, Tuesday 29
  });
});
