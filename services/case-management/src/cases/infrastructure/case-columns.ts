import { addDays, type CaseState, type LocalDate } from '../domain/index.js';
import { searchName, sortName } from '../../shared/names.js';

/** The names the case row carries for the work list (copied from the person store). */
export interface CaseNames {
  readonly officialName: string;
  readonly firstName: string;
}

export type DeadlineColumnState = 'pending' | 'suspended' | 'met';
export type DueKind = 'first-information' | 'agreement-review';

/** The queryable columns of a case row, derived from the state on every write (never edited on their own). */
export interface CaseColumns {
  status: string;
  phase: string;
  municipality: number;
  householdRef: string | null;
  firstInformationDue: LocalDate | null;
  deadlineState: DeadlineColumnState;
  nextDue: LocalDate | null;
  nextDueKind: DueKind | null;
  reminderOn: LocalDate | null;
  nationalityBfs: number;
  nationalityIso2: string | null;
  euEfta: boolean;
  language: string | null;
  reported: boolean;
  handoverSozialregion: string | null;
}

/**
 * Work-list columns from the state. `nextDue` is the earliest open date the IB has to act on: the
 * first-information deadline while it runs (not while suspended) or the review date of an agreement not
 * yet reviewed. `reminderOn` is when the first-information reminder is due (lead days before the due date).
 */
export function caseColumns(s: CaseState, reminderLeadDays: number): CaseColumns {
  const d = s.firstInformationDeadline;
  const deadlineState: DeadlineColumnState = d.metOn ? 'met' : d.suspension ? 'suspended' : 'pending';
  const live = s.status !== 'closed';
  const dues: { on: LocalDate; kind: DueKind }[] = [];
  if (live && deadlineState === 'pending') dues.push({ on: d.due, kind: 'first-information' });
  if (live) for (const a of s.agreements) if (!a.review) dues.push({ on: a.reviewOn, kind: 'agreement-review' });
  dues.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const next = dues[0];
  return {
    status: s.status,
    phase: s.phase,
    municipality: s.municipality,
    householdRef: s.subject.householdRef,
    firstInformationDue: deadlineState === 'met' ? null : d.due,
    deadlineState,
    nextDue: next?.on ?? null,
    nextDueKind: next?.kind ?? null,
    reminderOn: live && deadlineState === 'pending' ? addDays(d.due, -reminderLeadDays) : null,
    nationalityBfs: s.subject.nationality.bfsCode,
    nationalityIso2: s.subject.nationality.iso2,
    euEfta: s.subject.euEfta,
    language: s.subject.language,
    reported: s.reports.length > 0,
    handoverSozialregion: s.handover?.sozialregionId ?? null,
  };
}

/** Parameters $n.. of the column list below, in order. */
export function columnValues(c: CaseColumns): unknown[] {
  return [
    c.status,
    c.phase,
    c.municipality,
    c.householdRef,
    c.firstInformationDue,
    c.deadlineState,
    c.nextDue ?? 'infinity',
    c.nextDueKind,
    c.reminderOn,
    c.nationalityBfs,
    c.nationalityIso2,
    c.euEfta,
    c.language,
    c.reported,
    c.handoverSozialregion,
  ];
}

export const COLUMN_NAMES = [
  'status',
  'phase',
  'municipality',
  'household_ref',
  'first_information_due',
  'deadline_state',
  'next_due',
  'next_due_kind',
  'reminder_on',
  'nationality_bfs',
  'nationality_iso2',
  'eu_efta',
  'language',
  'reported',
  'handover_sozialregion',
] as const;

export function nameValues(names: CaseNames): [string, string, string, string] {
  return [
    names.officialName,
    names.firstName,
    sortName(names.officialName, names.firstName),
    searchName(names.officialName, names.firstName),
  ];
}
