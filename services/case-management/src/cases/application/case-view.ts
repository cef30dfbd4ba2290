import {
  deadlineStatus,
  type CaseState,
  type CaseSubject,
  type HistoryEntry,
  type IntegrationTalk,
  type LocalDate,
  type MigrationsamtReport,
} from '../domain/index.js';
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

/** Says at compile time that every field of `T` is either shown or withheld: a new field fails the build until placed. */
type Placed<T, Shown extends keyof T, Withheld extends keyof T> = [Exclude<keyof T, Shown | Withheld>] extends [never]
  ? true
  : { unplaced: Exclude<keyof T, Shown | Withheld> };

/** The fields of `value` named in `keys` (an allow-list), as far as present. */
function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) if (key in value) picked[key] = value[key];
  return picked;
}

type DeadlineView = CaseState['firstInformationDeadline'] & { status: ReturnType<typeof deadlineStatus> };
type BareHistoryEntry = Pick<HistoryEntry, 'seq' | 'at' | 'role' | 'action'>;

/** What every role sees of a case it reaches: where the case stands, not what is in it. */
export interface CaseHeadView {
  id: string;
  version: number;
  municipality: number;
  status: CaseState['status'];
  phase: CaseState['phase'];
  atSozialregion: string | null;
  /** The Sozialregion of the current or last hand-over, and the coarse DFPA status (R25): never the assessment or plan. */
  sozialregion: string | null;
  dfpaStatus: string | null;
  handover: CaseState['handover'];
  registrationDate: LocalDate;
  arrivalDate: LocalDate | null;
  openedAt: string;
  firstInformationDeadline: DeadlineView;
  closure: CaseState['closure'];
}

/** AGS: no names and no case contents beyond phase, status, deadline, hand-over and what it counts by. */
export interface CaseDetailForAgs extends CaseHeadView {
  person: null;
  subject: Pick<CaseSubject, 'nationality' | 'euEfta'>;
  history: BareHistoryEntry[];
}

/** IB (`gemeinde`) and Migrationsamt (reported cases only): everything, with the full history. */
export interface CaseDetailForIb extends CaseHeadView {
  person: CaseSubject & CaseNames;
  firstInformation: CaseState['firstInformation'];
  referrals: CaseState['referrals'];
  integrationTalks: CaseState['integrationTalks'];
  abs2Considerations: CaseState['abs2Considerations'];
  agreements: CaseState['agreements'];
  reports: CaseState['reports'];
  pastHandovers: CaseState['pastHandovers'];
  transfers: CaseState['transfers'];
  household: HouseholdMember[];
  reminders: CaseDetailExtras['reminders'];
  history: readonly HistoryEntry[];
}

// The Sozialregion's allow-lists (R22, R25): what of the person, a talk and a report it reads.
const SOZIALREGION_PERSON = [
  'personRef',
  'householdRef',
  'nationality',
  'permit',
  'euEfta',
  'familyOfSwiss',
  'sex',
  'birthYear',
  'language',
] as const satisfies readonly (keyof CaseSubject)[];
const SOZIALREGION_TALK = [
  'talkId',
  'heldOn',
  'place',
  'interpreter',
  'durationMinutes',
  'assessment',
] as const satisfies readonly (keyof IntegrationTalk)[];
const SOZIALREGION_REPORT = [
  'reportId',
  'reportedOn',
  'status',
] as const satisfies readonly (keyof MigrationsamtReport)[];
export const sozialregionListsPlaceEveryField: [
  Placed<CaseSubject, (typeof SOZIALREGION_PERSON)[number], never>,
  // Health circumstances (Art. 58a Abs. 2) and the officer's notes stay with IB and Migrationsamt.
  Placed<IntegrationTalk, (typeof SOZIALREGION_TALK)[number], 'abs2' | 'notes'>,
  // The reason, the disclosed data set, the Migrationsamt's review and decision: status only.
  Placed<MigrationsamtReport, (typeof SOZIALREGION_REPORT)[number], 'reason' | 'disclosure' | 'review' | 'decision'>,
] = [true, true, true];

/** Sozialregion (handed-over cases, read only): no health circumstances, reports as status only, history without details. */
export interface CaseDetailForSozialregion extends Omit<
  CaseDetailForIb,
  'person' | 'integrationTalks' | 'abs2Considerations' | 'reports' | 'history'
> {
  person: Pick<CaseSubject, (typeof SOZIALREGION_PERSON)[number]> & CaseNames;
  integrationTalks: Pick<IntegrationTalk, (typeof SOZIALREGION_TALK)[number]>[];
  abs2Considerations: [];
  reports: Pick<MigrationsamtReport, (typeof SOZIALREGION_REPORT)[number]>[];
  history: BareHistoryEntry[];
}

export type CaseDetailView = CaseDetailForIb | CaseDetailForSozialregion | CaseDetailForAgs;

// Every field of the case is in the head, in the IB view, or withheld from all (keys and the optimistic lock stay inside).
export const caseViewsPlaceEveryField: Placed<
  CaseState,
  | 'caseId'
  | 'subject'
  | Exclude<
      keyof CaseDetailForIb,
      'id' | 'person' | 'household' | 'reminders' | 'history' | 'atSozialregion' | 'sozialregion' | 'dfpaStatus'
    >,
  'arrivalKey' | 'arrivalEventId'
> = true;

/**
 * The case as each role may see it (need-to-know, R22/R25), one typed view per role:
 * - IB (`gemeinde`) and Migrationsamt (reported cases only): everything, with the history;
 * - Sozialregion (handed-over cases, read only): allow-lists of the person, the talks and the reports; history as
 *   who/when/what without details;
 * - AGS: no names and no case contents beyond phase, status, deadline and hand-over; history without details.
 */
export function caseDetail(state: CaseState, role: HumanRole, x: CaseDetailExtras): CaseDetailView {
  const head: CaseHeadView = {
    id: state.caseId,
    version: state.version,
    municipality: state.municipality,
    status: state.status,
    phase: state.phase,
    atSozialregion: state.status === 'at-sozialregion' ? (state.handover?.sozialregionId ?? null) : null,
    sozialregion: state.handover?.sozialregionId ?? null,
    dfpaStatus: dfpaStatusOf(state),
    handover: state.handover,
    registrationDate: state.registrationDate,
    arrivalDate: state.arrivalDate,
    openedAt: state.openedAt,
    firstInformationDeadline: {
      ...state.firstInformationDeadline,
      status: deadlineStatus(state.firstInformationDeadline, x.today),
    },
    closure: state.closure,
  };
  const bareHistory = x.history.map(({ seq, at, role: r, action }) => ({ seq, at, role: r, action }));
  const names: CaseNames = { officialName: x.names.officialName, firstName: x.names.firstName };
  if (role === 'ags') {
    return {
      ...head,
      person: null,
      subject: { nationality: state.subject.nationality, euEfta: state.subject.euEfta },
      history: bareHistory,
    } satisfies CaseDetailForAgs;
  }
  const contents = {
    firstInformation: state.firstInformation,
    referrals: state.referrals,
    agreements: state.agreements,
    pastHandovers: state.pastHandovers,
    transfers: state.transfers,
    household: x.household,
    reminders: x.reminders,
  };
  if (role === 'sozialregion') {
    return {
      ...head,
      ...contents,
      person: { ...pick(state.subject, SOZIALREGION_PERSON), ...names },
      integrationTalks: state.integrationTalks.map((talk) => pick(talk, SOZIALREGION_TALK)),
      abs2Considerations: [],
      reports: state.reports.map((report) => pick(report, SOZIALREGION_REPORT)),
      history: bareHistory,
    } satisfies CaseDetailForSozialregion;
  }
  return {
    ...head,
    ...contents,
    person: { ...state.subject, ...names },
    integrationTalks: state.integrationTalks,
    abs2Considerations: state.abs2Considerations,
    reports: state.reports,
    history: x.history,
  } satisfies CaseDetailForIb;
}

/**
 * The coarse DFPA status the officer sees (R25): requested, accepted, assessment-done, plan-active or closed while
 * the case is with the Sozialregion; returned or rejected once it is back; null if it was never handed over.
 */
function dfpaStatusOf(state: CaseState): string | null {
  if (state.handover)
    return state.handover.status === 'accepted' ? (state.handover.progress ?? 'accepted') : state.handover.status;
  return state.pastHandovers.at(-1)?.status ?? null;
}
