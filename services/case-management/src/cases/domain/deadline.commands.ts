import { requireDate, requireText } from './actor.js';
import type { Change } from './case-change.js';
import type { CaseState } from './case-state.js';
import { extendDeadline, resumeDeadline, suspendDeadline } from './deadline.js';
import type { LocalDate } from './local-date.js';

/** Suspension and extension of the first-information deadline, always with a reason (CM6). */
export function suspendFirstInformationDeadline(
  s: CaseState,
  input: { readonly since: LocalDate; readonly reason: string },
): Change {
  const reason = requireText('reason', input.reason, 'CM6');
  const since = requireDate('since', input.since);
  return {
    state: { ...s, firstInformationDeadline: suspendDeadline(s.firstInformationDeadline, since, reason) },
    action: 'deadline-suspended',
    reason,
    details: { deadline: 'first-information', since },
    events: [],
  };
}

export function resumeFirstInformationDeadline(s: CaseState, input: { readonly on: LocalDate }): Change {
  const on = requireDate('on', input.on);
  const deadline = resumeDeadline(s.firstInformationDeadline, on);
  return {
    state: { ...s, firstInformationDeadline: deadline },
    action: 'deadline-resumed',
    details: {
      deadline: 'first-information',
      on,
      due: deadline.due,
      suspendedDays: deadline.suspensions.at(-1)?.days ?? 0,
    },
    events: [],
  };
}

export function extendFirstInformationDeadline(
  s: CaseState,
  input: { readonly to: LocalDate; readonly reason: string },
): Change {
  const reason = requireText('reason', input.reason, 'CM6');
  const to = requireDate('to', input.to);
  return {
    state: { ...s, firstInformationDeadline: extendDeadline(s.firstInformationDeadline, to, reason) },
    action: 'deadline-extended',
    reason,
    details: { deadline: 'first-information', from: s.firstInformationDeadline.due, to },
    events: [],
  };
}
