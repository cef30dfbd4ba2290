import { describe, expect, it } from '@jest/globals';
import { Case } from './case.js';
import { CaseDomainError } from './case.errors.js';
import { d, directory, ib, openCase, openInput, system } from './case.fixtures.js';
import { deadlineStatus, extendDeadline, resumeDeadline, startDeadline, suspendDeadline } from './deadline.js';
import { addDays, addMonths, daysBetween, isLocalDate } from './local-date.js';

describe('calendar arithmetic', () => {
  it('adds months and clamps to the end of shorter months', () => {
    expect(addMonths(d('2026-11-20'), 3)).toBe('2027-02-20');
    expect(addMonths(d('2026-11-30'), 3)).toBe('2027-02-28');
    expect(addMonths(d('2027-11-30'), 3)).toBe('2028-02-29');
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2026-12-15'), 14)).toBe('2028-02-15');
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01');
    expect(daysBetween(d('2027-01-05'), d('2027-03-06'))).toBe(60);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
  });
});

describe('first-information deadline (R1, R13, CM6)', () => {
  it('is the registration date plus the configured months (default 3)', () => {
    expect(openCase().state.firstInformationDeadline.due).toBe('2027-02-20');
    const six = Case.open(openInput(), directory, { firstInformationMonths: 6 }, system).case;
    expect(six.state.firstInformationDeadline.due).toBe('2027-05-20');
    expect(() => Case.open(openInput(), directory, { firstInformationMonths: 0 }, system)).toThrow(CaseDomainError);
  });

  it('is pending until due, overdue the day after', () => {
    const c = openCase();
    expect(c.firstInformationDeadlineStatus(d('2027-02-20'))).toBe('pending');
    expect(c.firstInformationDeadlineStatus(d('2027-02-21'))).toBe('overdue');
  });

  it('suspension stops the clock; resumption moves the due date by the suspended days', () => {
    const c = openCase();
    c.suspendFirstInformationDeadline({ since: d('2027-01-05'), reason: 'Längerer Auslandaufenthalt' }, ib);
    expect(c.firstInformationDeadlineStatus(d('2027-06-01'))).toBe('suspended');
    c.resumeFirstInformationDeadline({ on: d('2027-03-06') }, ib);
    expect(c.state.firstInformationDeadline.due).toBe('2027-04-21');
    expect(c.state.firstInformationDeadline.suspensions).toEqual([
      { from: '2027-01-05', until: '2027-03-06', days: 60, reason: 'Längerer Auslandaufenthalt' },
    ]);
    expect(c.history.at(-1)).toMatchObject({
      action: 'deadline-resumed',
      details: { due: '2027-04-21', suspendedDays: 60 },
    });
  });

  it('extension needs a reason and a later date', () => {
    const c = openCase();
    expect(() => c.extendFirstInformationDeadline({ to: d('2027-04-30'), reason: ' ' }, ib)).toThrow(
      expect.objectContaining({ ruleId: 'CM6' }),
    );
    expect(() => c.extendFirstInformationDeadline({ to: d('2027-02-01'), reason: 'früher' }, ib)).toThrow(
      expect.objectContaining({ ruleId: 'CM6', code: 'deadline-not-later' }),
    );
    c.extendFirstInformationDeadline({ to: d('2027-04-30'), reason: 'Dolmetscherin erst im April' }, ib);
    expect(c.state.firstInformationDeadline).toMatchObject({
      baseDue: '2027-02-20',
      due: '2027-04-30',
      extensions: [{ from: '2027-02-20', to: '2027-04-30', reason: 'Dolmetscherin erst im April' }],
    });
    expect(c.history.at(-1)).toMatchObject({ action: 'deadline-extended', reason: 'Dolmetscherin erst im April' });
  });

  it('refuses double suspension, resumption without suspension and resuming before the suspension', () => {
    const base = startDeadline(d('2026-11-20'), 3);
    expect(() => resumeDeadline(base, d('2027-01-01'))).toThrow(
      expect.objectContaining({ code: 'deadline-not-suspended' }),
    );
    const s = suspendDeadline(base, d('2027-01-05'), 'x');
    expect(() => suspendDeadline(s, d('2027-01-06'), 'y')).toThrow(
      expect.objectContaining({ code: 'deadline-suspended' }),
    );
    expect(() => resumeDeadline(s, d('2027-01-04'))).toThrow(
      expect.objectContaining({ code: 'deadline-resume-before-suspension' }),
    );
    expect(() => suspendDeadline(base, d('2026-11-19'), 'x')).toThrow(
      expect.objectContaining({ code: 'deadline-suspension-before-start' }),
    );
    expect(deadlineStatus(extendDeadline(base, d('2027-03-01'), 'r'), d('2027-03-01'))).toBe('pending');
  });
});
