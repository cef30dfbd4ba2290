import type { Role } from './actor.js';
import type { CasePhase, CaseStatus } from './case-phase.js';
import { CaseClosedError, RoleNotAllowedError, TransitionRefusedError } from './case.errors.js';
import type { RuleId } from './rule-ids.js';

/** Every command the `Case` aggregate accepts after it was opened. */
export type CaseCommand =
  | 'recordFirstInformation'
  | 'recordFirstInformationNoShow'
  | 'recordFirstInformationRefusal'
  | 'makeReferral'
  | 'updateReferralStatus'
  | 'holdIntegrationTalk'
  | 'recordAbs2Consideration'
  | 'concludeAgreement'
  | 'reviewAgreement'
  | 'reportToMigrationsamt'
  | 'recordMigrationsamtReview'
  | 'recordMigrationsamtDecision'
  | 'requestDfpaHandover'
  | 'acceptDfpaHandover'
  | 'rejectDfpaHandover'
  | 'returnFromDfpa'
  | 'recordDfpaProgress'
  | 'transfer'
  | 'changePermit'
  | 'correctSubject'
  | 'recordFamilyOfSwiss'
  | 'suspendDeadline'
  | 'resumeDeadline'
  | 'extendDeadline'
  | 'closeFromRegister'
  | 'closeByOfficer';

/**
 * One row of the state machine: in which statuses and phases a command may run, which roles may run
 * it, where it leads, and the further guards the command checks (documentation; each guard is coded in
 * the command and tested). `rule` is named when the status or phase refuses, `roleRule` when the role does.
 */
export interface TransitionRow {
  readonly statuses: readonly CaseStatus[];
  readonly phases: readonly CasePhase[];
  readonly roles: readonly Role[];
  readonly rule: RuleId;
  readonly roleRule: RuleId;
  readonly to: string;
  readonly guards: readonly string[];
}

const IB_HOLDS: readonly CaseStatus[] = ['open', 'dfpa-handover-requested'];
const LIVE: readonly CaseStatus[] = ['open', 'dfpa-handover-requested', 'at-sozialregion'];
const ANY_PHASE: readonly CasePhase[] = ['informieren', 'foerdern', 'fordern', 'sanktionieren'];
const AFTER_INFO: readonly CasePhase[] = ['foerdern', 'fordern', 'sanktionieren'];
const DEMANDING: readonly CasePhase[] = ['fordern', 'sanktionieren'];
const IB: readonly Role[] = ['gemeinde'];
const REGISTER: readonly Role[] = ['system', 'gemeinde', 'ags'];
const DFPA_SIDE: readonly Role[] = ['system', 'sozialregion'];

/** The state machine table (README.md renders it). `open` itself is `Case.open`, from person.arrived.v1. */
export const TRANSITIONS: Readonly<Record<CaseCommand, TransitionRow>> = {
  recordFirstInformation: {
    statuses: IB_HOLDS,
    phases: ['informieren', 'foerdern'],
    roles: IB,
    rule: 'R1',
    roleRule: 'R1',
    to: 'phase → foerdern; deadline met',
    guards: [
      'first information not yet completed (R1)',
      'talk covers the three VIntA Art. 8 topics (R2)',
      'interpreter used ⇒ language (R2)',
      'CEFR levels (R9)',
      'date not in the future (CM7)',
    ],
  },
  recordFirstInformationNoShow: {
    statuses: IB_HOLDS,
    phases: ['informieren'],
    roles: IB,
    rule: 'R1',
    roleRule: 'R1',
    to: 'unchanged (attempt counted, re-invitation noted)',
    guards: ['re-invitation not before the missed date (CM7)'],
  },
  recordFirstInformationRefusal: {
    statuses: IB_HOLDS,
    phases: ['informieren'],
    roles: IB,
    rule: 'R1',
    roleRule: 'R1',
    to: 'phase → foerdern; deadline met (refused)',
    guards: ['note required (CM7)'],
  },
  makeReferral: {
    statuses: IB_HOLDS,
    phases: AFTER_INFO,
    roles: IB,
    rule: 'R1',
    roleRule: 'R3',
    to: 'unchanged (referral proposed)',
    guards: ['target: offer id, VIntA Art. 4 structure or free text (R3)', 'referral id unique (CM7)'],
  },
  updateReferralStatus: {
    statuses: IB_HOLDS,
    phases: AFTER_INFO,
    roles: ['gemeinde', 'system'],
    rule: 'R1',
    roleRule: 'R3',
    to: 'unchanged (referral status)',
    guards: ['referral exists (CM7)', 'allowed referral status step (CM2)'],
  },
  holdIntegrationTalk: {
    statuses: IB_HOLDS,
    phases: AFTER_INFO,
    roles: IB,
    rule: 'R31',
    roleRule: 'R31',
    to: 'phase → fordern (never back)',
    guards: ['assessment along Art. 58a a–d (R4)', 'Abs. 2 consideration recorded (R4)', 'human actor (R31)'],
  },
  recordAbs2Consideration: {
    statuses: IB_HOLDS,
    phases: DEMANDING,
    roles: IB,
    rule: 'R4',
    roleRule: 'R4',
    to: 'unchanged',
    guards: ['assessment text required (R4)'],
  },
  concludeAgreement: {
    statuses: IB_HOLDS,
    phases: DEMANDING,
    roles: IB,
    rule: 'R28',
    roleRule: 'R28',
    to: 'unchanged (municipal agreement, not binding)',
    guards: [
      'goals, measures, deadlines, financing, review date (R5)',
      'review date after conclusion (R5)',
      'integration talk held before (R28)',
    ],
  },
  reviewAgreement: {
    statuses: IB_HOLDS,
    phases: DEMANDING,
    roles: IB,
    rule: 'R28',
    roleRule: 'R28',
    to: 'unchanged (agreement reviewed)',
    guards: ['agreement exists and not yet reviewed (CM7)', 'reasons required (R5)', 'not before conclusion (CM7)'],
  },
  reportToMigrationsamt: {
    statuses: IB_HOLDS,
    phases: DEMANDING,
    roles: IB,
    rule: 'R31',
    roleRule: 'R8',
    to: 'phase → sanktionieren; report open',
    guards: [
      'no report open (CM2)',
      'documented reason (R8)',
      'agreement-not-fulfilled ⇒ that agreement reviewed partly/not fulfilled (R8)',
      'Abs. 2 considered (R4)',
      'disclosure data set logged (R8)',
    ],
  },
  recordMigrationsamtReview: {
    statuses: LIVE,
    phases: ['sanktionieren'],
    roles: ['migrationsamt'],
    rule: 'R6',
    roleRule: 'R6',
    to: 'report under review',
    guards: ['a report is open and not decided (R6)'],
  },
  recordMigrationsamtDecision: {
    statuses: LIVE,
    phases: ['sanktionieren'],
    roles: ['migrationsamt'],
    rule: 'R6',
    roleRule: 'R6',
    to: 'report decided; decision flows back to the municipality',
    guards: ['review recorded before (R6)', 'binding agreement refused for EU/EFTA (R10) and family of Swiss (R5)'],
  },
  requestDfpaHandover: {
    statuses: ['open'],
    phases: ANY_PHASE,
    roles: ['gemeinde', 'ags'],
    rule: 'R16',
    roleRule: 'R16',
    to: 'status → dfpa-handover-requested',
    guards: ['target = Sozialregion of the case municipality (R16, R25)', 'reason required (CM7)'],
  },
  acceptDfpaHandover: {
    statuses: ['dfpa-handover-requested', 'at-sozialregion'],
    phases: ANY_PHASE,
    roles: DFPA_SIDE,
    rule: 'R16',
    roleRule: 'R25',
    to: 'status → at-sozialregion (repeat: no-op)',
    guards: ['same hand-over id and Sozialregion (R25)'],
  },
  rejectDfpaHandover: {
    statuses: ['dfpa-handover-requested'],
    phases: ANY_PHASE,
    roles: DFPA_SIDE,
    rule: 'R16',
    roleRule: 'R25',
    to: 'status → open',
    guards: ['same hand-over id and Sozialregion (R25)'],
  },
  returnFromDfpa: {
    statuses: ['at-sozialregion'],
    phases: ANY_PHASE,
    roles: DFPA_SIDE,
    rule: 'R16',
    roleRule: 'R25',
    to: 'status → open',
    guards: ['same hand-over id and Sozialregion (R25)'],
  },
  recordDfpaProgress: {
    statuses: ['at-sozialregion'],
    phases: ANY_PHASE,
    roles: DFPA_SIDE,
    rule: 'R16',
    roleRule: 'R25',
    to: 'coarse DFPA status (accepted → assessment-done → plan-active → closed; never back)',
    guards: ['DFPA case and Sozialregion of the accepted hand-over (R25)'],
  },
  transfer: {
    statuses: LIVE,
    phases: ANY_PHASE,
    roles: REGISTER,
    rule: 'CM5',
    roleRule: 'CM5',
    to: 'municipality → new BFS; pending first-information deadline restarts',
    guards: ['target is another Solothurn municipality (CM5)'],
  },
  changePermit: {
    statuses: LIVE,
    phases: ANY_PHASE,
    roles: REGISTER,
    rule: 'CM2',
    roleRule: 'R12',
    to: 'permit and EU/EFTA updated',
    guards: ['valid eCH-0006 code (R12)'],
  },
  correctSubject: {
    statuses: LIVE,
    phases: ANY_PHASE,
    roles: REGISTER,
    rule: 'CM2',
    roleRule: 'R10',
    to: 'nationality, sex, birth year and EU/EFTA updated',
    guards: ['BFS country code and plausible birth year', 'EU/EFTA from the permit, else from the nationality (R10)'],
  },
  recordFamilyOfSwiss: {
    statuses: LIVE,
    phases: ANY_PHASE,
    roles: ['gemeinde', 'migrationsamt', 'system'],
    rule: 'CM2',
    roleRule: 'R5',
    to: 'flag updated',
    guards: ['reason required (R5)'],
  },
  suspendDeadline: {
    statuses: IB_HOLDS,
    phases: ANY_PHASE,
    roles: ['gemeinde', 'ags'],
    rule: 'CM6',
    roleRule: 'CM6',
    to: 'deadline suspended',
    guards: ['deadline pending and not suspended (CM6)', 'reason required (CM6)'],
  },
  resumeDeadline: {
    statuses: IB_HOLDS,
    phases: ANY_PHASE,
    roles: ['gemeinde', 'ags'],
    rule: 'CM6',
    roleRule: 'CM6',
    to: 'due date moved by the suspended days',
    guards: ['deadline suspended (CM6)'],
  },
  extendDeadline: {
    statuses: IB_HOLDS,
    phases: ANY_PHASE,
    roles: ['gemeinde', 'ags'],
    rule: 'CM6',
    roleRule: 'CM6',
    to: 'due date later',
    guards: ['new due date after the current one (CM6)', 'reason required (CM6)'],
  },
  closeFromRegister: {
    statuses: LIVE,
    phases: ANY_PHASE,
    roles: REGISTER,
    rule: 'CM2',
    roleRule: 'CM5',
    to: 'status → closed (repeat: no-op)',
    guards: ['departure, naturalisation or death (CM5)'],
  },
  closeByOfficer: {
    statuses: IB_HOLDS,
    phases: ANY_PHASE,
    roles: IB,
    rule: 'CM2',
    roleRule: 'CM2',
    to: 'status → closed',
    guards: ['reason required (CM7)', 'no report open at the Migrationsamt (R6)'],
  },
};

/** The case fields the table looks at. */
export interface TransitionSubject {
  readonly status: CaseStatus;
  readonly phase: CasePhase;
  readonly sozialregionId?: string;
}

/** Throws the refusal the table names, or returns the row when the command may run. */
export function assertTransition(command: CaseCommand, subject: TransitionSubject, role: Role): TransitionRow {
  const row = TRANSITIONS[command];
  if (!row.roles.includes(role)) throw new RoleNotAllowedError(row.roleRule, command, role, row.roles);
  if (subject.status === 'closed') throw new CaseClosedError(command);
  if (!row.statuses.includes(subject.status)) {
    if (subject.status === 'at-sozialregion') {
      const region = subject.sozialregionId ?? '?';
      throw new TransitionRefusedError('R16', command, subject.status, subject.phase, {
        de: `Der Fall liegt bei der Sozialregion «${region}» (DFPA); «${command}» ist erst nach der Rückgabe möglich.`,
        en: `The case is at Sozialregion "${region}" (DFPA); "${command}" is possible only after it is returned.`,
      });
    }
    throw new TransitionRefusedError(row.rule, command, subject.status, subject.phase);
  }
  if (!row.phases.includes(subject.phase))
    throw new TransitionRefusedError(row.rule, command, subject.status, subject.phase);
  return row;
}
