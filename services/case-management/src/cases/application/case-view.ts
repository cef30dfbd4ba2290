import { deadlineStatus, type CaseState, type HistoryEntry, type LocalDate } from '../domain/index.js';
import type { HumanRole } from '../../shared/caller.js';
import type { CaseNames } from '../infrastructure/case-columns.js';
import type { WorkListRow } from '../infrastructure/work-list.query.js';

/** One line of the work list. AGS gets no names (pseudonymous coordination view). */
export interface WorkListItem {
  id: string;
  municipality: number;
  phase: CaseState['phase'];
  status: CaseState['status'];
  person: { personRef: string; officialName: string; firstName: string } | null;
  householdRef: string | null;
  /** The earliest date the IB has to act on (first information or an agreement review), null if none. */
  due: LocalDate | null;
  dueKind: 'first-information' | 'agreement-review' | null;
  overdue: boolean;
  firstInformationDue: LocalDate | null;
  firstInformationDeadline: 'pending' | 'suspended' | 'met';
  registrationDate: LocalDate;
  openedAt: string;
  nationality: { bfsCode: number; iso2: string | null };
  language: string | null;
  /** The Sozialregion a hand-over was requested from or the case is at. */
  sozialregion: string | null;
}

export function workListItem(r: WorkListRow, role: HumanRole, today: LocalDate): WorkListItem {
  return {
    id: r.id,
    municipality: r.municipality,
    phase: r.phase,
    status: r.status,
    person: role === 'ags' ? null : { personRef: r.personRef, officialName: r.officialName, firstName: r.firstName },
    householdRef: role === 'ags' ? null : r.householdRef,
    due: r.nextDue,
    dueKind: r.nextDueKind,
    overdue: r.nextDue !== null && r.nextDue < today,
    firstInformationDue: r.firstInformationDue,
    firstInformationDeadline: r.deadlineState,
    registrationDate: r.registrationDate,
    openedAt: r.openedAt,
    nationality: { bfsCode: r.nationalityBfs, iso2: r.nationalityIso2 },
    language: r.language,
    sozialregion: r.sozialregion,
  };
}

export interface HouseholdMember {
  id: string;
  officialName: string;
  firstName: string;
  phase: CaseState['phase'];
  status: CaseState['status'];
  firstInformation: 'pending' | 'completed' | 'refused';
}

export interface CaseDetailExtras {
  names: CaseNames;
  history: readonly HistoryEntry[];
  household: HouseholdMember[];
  reminders: { due: string; remindedAt: string; source: string }[];
  today: LocalDate;
}

/**
 * The case as each role may see it (need-to-know, R22/R25):
 * - IB (`gemeinde`) and Migrationsamt (reported cases only): everything, with the history;
 * - Sozialregion (handed-over cases, read only): no Art. 58a Abs. 2 health circumstances, reports as
 *   status only, history as who/when/what without details;
 * - AGS: no names and no case contents beyond phase, status, deadline and hand-over; history without details.
 */
export function caseDetail(state: CaseState, role: HumanRole, x: CaseDetailExtras): Record<string, unknown> {
  const deadline = { ...state.firstInformationDeadline, status: deadlineStatus(state.firstInformationDeadline, x.today) };
  const head = {
    id: state.caseId,
    version: state.version,
    municipality: state.municipality,
    status: state.status,
    phase: state.phase,
    atSozialregion: state.status === 'at-sozialregion' ? state.handover?.sozialregionId ?? null : null,
    handover: state.handover,
    registrationDate: state.registrationDate,
    arrivalDate: state.arrivalDate,
    openedAt: state.openedAt,
    firstInformationDeadline: deadline,
    closure: state.closure,
  };
  const bareHistory = x.history.map(({ seq, at, role: r, action }) => ({ seq, at, role: r, action }));
  if (role === 'ags') {
    return { ...head, person: null, subject: { nationality: state.subject.nationality, euEfta: state.subject.euEfta }, history: bareHistory };
  }
  const person = { ...state.subject, officialName: x.names.officialName, firstName: x.names.firstName };
  const full = {
    ...head,
    person,
    firstInformation: state.firstInformation,
    referrals: state.referrals,
    integrationTalks: state.integrationTalks,
    abs2Considerations: state.abs2Considerations,
    agreements: state.agreements,
    reports: state.reports,
    pastHandovers: state.pastHandovers,
    transfers: state.transfers,
    household: x.household,
    reminders: x.reminders,
  };
  if (role === 'sozialregion') {
    return {
      ...full,
      integrationTalks: state.integrationTalks.map(({ abs2: _abs2, notes: _notes, ...talk }) => talk),
      abs2Considerations: [],
      reports: state.reports.map((r) => ({ reportId: r.reportId, reportedOn: r.reportedOn, status: r.status })),
      history: bareHistory,
    };
  }
  return { ...full, history: x.history };
}
