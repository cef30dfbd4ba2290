import { addDays, addMonths, daysBetween, type LocalDate } from './local-date.js';
import { CaseDomainError, InvalidCommandError } from './case.errors.js';

/** Default months from registration to first information (configurable per deployment). */
export const DEFAULT_FIRST_INFORMATION_MONTHS = 3;

/**
 * A legal or service deadline with its full story (the Open Zaak model: suspension and extension,
 * R13/R1). `due` is the effective due date the shell stores in PostgreSQL (indexed, for the BullMQ
 * reminder and the reconciliation sweep); the rest explains how it came about.
 */
export interface DeadlineState {
  readonly startedOn: LocalDate;
  readonly months: number;
  /** startedOn + months, before any suspension or extension. */
  readonly baseDue: LocalDate;
  readonly due: LocalDate;
  readonly suspension?: { readonly since: LocalDate; readonly reason: string };
  readonly suspensions: readonly {
    readonly from: LocalDate;
    readonly until: LocalDate;
    readonly days: number;
    readonly reason: string;
  }[];
  readonly extensions: readonly { readonly from: LocalDate; readonly to: LocalDate; readonly reason: string }[];
  /** Set once the duty is fulfilled (or refused); a met deadline sends no reminders. */
  readonly metOn?: LocalDate;
}

export type DeadlineStatus = 'met' | 'suspended' | 'pending' | 'overdue';

export function assertDeadlineMonths(months: number): void {
  if (!Number.isInteger(months) || months < 1 || months > 24) {
    throw new InvalidCommandError(
      'firstInformationMonths',
      'muss eine ganze Zahl von 1 bis 24 sein',
      'must be an integer from 1 to 24',
    );
  }
}

/** A deadline of `months` counted from `startedOn` (R13: the registration date). */
export function startDeadline(startedOn: LocalDate, months: number): DeadlineState {
  assertDeadlineMonths(months);
  const due = addMonths(startedOn, months);
  return { startedOn, months, baseDue: due, due, suspensions: [], extensions: [] };
}

function refuse(code: string, de: string, en: string): never {
  throw new CaseDomainError('CM6', code, { de, en }, 'conflict');
}

function assertOpen(d: DeadlineState): void {
  if (d.metOn) refuse('deadline-met', 'Die Frist ist bereits erfüllt.', 'The deadline is already met.');
}

/** Stops the clock from `since` (e.g. the person is abroad for months, or in hospital). */
export function suspendDeadline(d: DeadlineState, since: LocalDate, reason: string): DeadlineState {
  assertOpen(d);
  if (d.suspension)
    refuse('deadline-suspended', 'Die Frist ist bereits sistiert.', 'The deadline is already suspended.');
  if (since < d.startedOn)
    refuse(
      'deadline-suspension-before-start',
      'Die Sistierung kann nicht vor dem Fristbeginn liegen.',
      'A suspension cannot start before the deadline does.',
    );
  return { ...d, suspension: { since, reason } };
}

/** Restarts the clock; the due date moves by the days the deadline was suspended. */
export function resumeDeadline(d: DeadlineState, on: LocalDate): DeadlineState {
  if (!d.suspension)
    refuse('deadline-not-suspended', 'Die Frist ist nicht sistiert.', 'The deadline is not suspended.');
  if (on < d.suspension.since)
    refuse(
      'deadline-resume-before-suspension',
      'Die Wiederaufnahme liegt vor der Sistierung.',
      'Resumption lies before the suspension.',
    );
  const days = daysBetween(d.suspension.since, on);
  const { suspension, ...rest } = d;
  return {
    ...rest,
    due: addDays(d.due, days),
    suspensions: [...d.suspensions, { from: suspension.since, until: on, days, reason: suspension.reason }],
  };
}

/** Moves the due date later, never earlier (an earlier date would create overdue cases silently). */
export function extendDeadline(d: DeadlineState, to: LocalDate, reason: string): DeadlineState {
  assertOpen(d);
  if (to <= d.due)
    refuse(
      'deadline-not-later',
      `Die neue Frist muss nach dem ${d.due} liegen.`,
      `The new due date must be after ${d.due}.`,
    );
  return { ...d, due: to, extensions: [...d.extensions, { from: d.due, to, reason }] };
}

export function meetDeadline(d: DeadlineState, on: LocalDate): DeadlineState {
  return d.metOn ? d : { ...d, metOn: on };
}

/** Where the deadline stands on `today`; `overdue` from the day after `due`. */
export function deadlineStatus(d: DeadlineState, today: LocalDate): DeadlineStatus {
  if (d.metOn) return 'met';
  if (d.suspension) return 'suspended';
  return today > d.due ? 'overdue' : 'pending';
}
