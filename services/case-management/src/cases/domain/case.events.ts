import type { CasePhase, CaseStatus, CloseReason } from './case-phase.js';
import type { CaseState } from './case-state.js';
import type { Sex } from './case-subject.js';
import type { HandoverContact, HandoverPerson } from './dfpa-handover.js';
import type { CefrLevel, SupportNeed } from './first-information.js';
import type { FinancingSource, ReviewOutcome } from './integration-agreement.js';
import type { Art58aAssessment, Art58aCriterion } from './integration-talk.js';
import type { DecisionKind, MeasureKind, ReportReasonKind } from './migrationsamt-report.js';
import type { DisclosedPerson, MeasureCategory, ReferralStatus, RegularStructure } from './referral.js';
import type { PermitLetter } from './residence-permit.js';

/**
 * The events a command raises, shaped exactly like contracts/events/case/*.schema.json `data` (a
 * spec validates them). The shell writes each into the outbox with CloudEvents `type` = `type` and
 * `subject` = the case id, in the same transaction as the state.
 *
 * Pseudonymous events carry `personRef` and the counting attributes, never names or AHV numbers;
 * only `case.dfpa-handover-requested.v1` (consumer: dfpa) and `case.referral-disclosed.v1` (consumer: offers, only with
 * the person's consent) carry personal data.
 */
export interface CountingAttributes {
  readonly nationality: { readonly bfsCode: number; readonly iso2: string | null };
  readonly permitCode: string | null;
  readonly permitAusweis: PermitLetter | null;
  readonly euEfta: boolean;
  readonly familyOfSwiss: boolean;
  readonly sex: Sex;
  readonly birthYear: number;
  readonly language: string | null;
}

export interface CaseEventBase {
  readonly caseId: string;
  readonly personRef: string;
  readonly municipality: number;
  readonly attributes: CountingAttributes;
}

/** Arrays the schema requires to be non-empty (`minItems: 1`). */
export type NonEmpty<T> = [T, ...T[]];

/** Sorted distinct values of a list the domain already guarantees to be non-empty. */
export function distinctSorted<T extends string>(values: readonly T[]): NonEmpty<T> {
  const [head, ...rest] = [...new Set(values)].sort();
  if (head === undefined) throw new RangeError('expected at least one value');
  return [head, ...rest];
}

type Interp = { readonly used: boolean; readonly language: string | null };

export interface CaseOpenedData extends CaseEventBase {
  readonly householdRef: string | null;
  readonly registrationDate: string;
  readonly arrivalDate: string | null;
  readonly firstInformationDue: string;
  readonly openedAt: string;
}
export interface FirstInformationCompletedData extends CaseEventBase {
  readonly form: 'info-folder' | 'talk';
  readonly completedOn: string;
  readonly dueOn: string;
  readonly withinDeadline: boolean;
  readonly folderLanguage: string | null;
  readonly talk: null | {
    readonly talkId: string;
    readonly durationMinutes: number;
    readonly interpreter: Interp;
    readonly householdSize: number;
    readonly supportNeed: SupportNeed;
    readonly languageSkills: { readonly language: string; readonly oral: CefrLevel; readonly written: CefrLevel }[];
    readonly offersRecommended: number;
  };
}
export interface ReferralMadeData extends CaseEventBase {
  readonly referralId: string;
  readonly madeOn: string;
  readonly target:
    | { readonly kind: 'offer'; readonly offerId: string }
    | { readonly kind: 'regular-structure'; readonly structure: RegularStructure }
    | { readonly kind: 'free-text' };
  readonly category: MeasureCategory;
  readonly status: ReferralStatus;
}
/** Personal data for the offer's provider, raised only where the person consented (no counting attributes). */
export interface ReferralDisclosedData {
  readonly referralId: string;
  readonly caseId: string;
  readonly personRef: string;
  readonly offerId: string;
  readonly consentOn: string;
  readonly person: DisclosedPerson;
}
export interface IntegrationTalkHeldData extends CaseEventBase {
  readonly talkId: string;
  readonly heldOn: string;
  readonly durationMinutes: number;
  readonly interpreter: Interp;
  readonly deficitCriteria: Art58aCriterion[];
  readonly abs2Considered: boolean;
  readonly talkNumber: number;
}
export interface AgreementConcludedData extends CaseEventBase {
  readonly agreementId: string;
  readonly concludedOn: string;
  readonly binding: false;
  readonly goalCriteria: NonEmpty<Art58aCriterion>;
  readonly measureCategories: NonEmpty<MeasureCategory>;
  readonly financingSource: FinancingSource;
  readonly reviewOn: string;
}
export interface AgreementReviewedData extends CaseEventBase {
  readonly agreementId: string;
  readonly reviewedOn: string;
  readonly outcome: ReviewOutcome;
}
export interface ReportedToMigrationsamtData extends CaseEventBase {
  readonly reportId: string;
  readonly reportedOn: string;
  readonly reasonKind: ReportReasonKind;
  readonly agreementId: string | null;
}
export interface MigrationsamtDecisionRecordedData extends CaseEventBase {
  readonly reportId: string;
  readonly decidedOn: string;
  readonly decision: DecisionKind;
  readonly measureKind: MeasureKind | null;
}
export interface TransferredData extends CaseEventBase {
  readonly fromMunicipality: number;
  readonly toMunicipality: number;
  readonly movedOn: string;
  readonly status: Exclude<CaseStatus, 'closed'>;
  readonly firstInformationDue: string | null;
  readonly sozialregionId?: string;
}
export interface ClosedData extends CaseEventBase {
  readonly closedOn: string;
  readonly reason: CloseReason;
  readonly phase: CasePhase;
  readonly firstInformationOutcome: 'pending' | 'completed' | 'refused';
  readonly sozialregionId?: string;
}
export interface DfpaHandoverRequestedData {
  readonly handoverId: string;
  readonly caseId: string;
  readonly sozialregionId: string;
  readonly municipality: number;
  readonly requestedOn: string;
  readonly requestedBy: { readonly role: 'gemeinde' | 'ags' };
  readonly reason: string;
  readonly contact: HandoverContact | null;
  readonly person: HandoverPerson & {
    readonly personRef: string;
    readonly householdRef: string | null;
    readonly nationality: { readonly bfsCode: number; readonly iso2: string | null };
    readonly permitCode: string | null;
    readonly euEfta: boolean;
    readonly familyOfSwiss: boolean;
    readonly language: string | null;
  };
  readonly caseSummary: {
    readonly phase: CasePhase;
    readonly registrationDate: string;
    readonly firstInformation: {
      readonly outcome: 'pending' | 'completed' | 'refused';
      readonly form: 'info-folder' | 'talk' | null;
      readonly completedOn: string | null;
      readonly supportNeed: SupportNeed | null;
      readonly languageSkills: { readonly language: string; readonly oral: CefrLevel; readonly written: CefrLevel }[];
    };
    readonly referrals: {
      readonly referralId: string;
      readonly madeOn: string;
      readonly category: MeasureCategory;
      readonly measure: string;
      readonly status: ReferralStatus;
    }[];
    readonly integrationTalks: { readonly heldOn: string; readonly assessment: Art58aAssessment }[];
    readonly agreements: {
      readonly agreementId: string;
      readonly concludedOn: string;
      readonly reviewOn: string;
      readonly reviewOutcome: ReviewOutcome | null;
    }[];
    readonly reportToMigrationsamtOpen: boolean;
  };
}

/** Which counting attribute a register correction or change touched (permit = code and card letter). */
export type CountingAttribute = 'nationality' | 'permit' | 'euEfta' | 'sex' | 'birthYear';

export interface CountingAttributesChangedData extends CaseEventBase {
  readonly previousAttributes: CountingAttributes;
  readonly changed: NonEmpty<CountingAttribute>;
  readonly cause: 'register-correction' | 'register-change';
  readonly effectiveFrom: string | null;
  readonly status: Exclude<CaseStatus, 'closed'>;
  readonly phase: CasePhase;
}

export type CaseEvent =
  | { readonly type: 'case.opened.v1'; readonly subject: string; readonly data: CaseOpenedData }
  | {
      readonly type: 'case.first-information-completed.v1';
      readonly subject: string;
      readonly data: FirstInformationCompletedData;
    }
  | { readonly type: 'case.referral-made.v1'; readonly subject: string; readonly data: ReferralMadeData }
  | { readonly type: 'case.referral-disclosed.v1'; readonly subject: string; readonly data: ReferralDisclosedData }
  | { readonly type: 'case.integration-talk-held.v1'; readonly subject: string; readonly data: IntegrationTalkHeldData }
  | { readonly type: 'case.agreement-concluded.v1'; readonly subject: string; readonly data: AgreementConcludedData }
  | { readonly type: 'case.agreement-reviewed.v1'; readonly subject: string; readonly data: AgreementReviewedData }
  | {
      readonly type: 'case.reported-to-migrationsamt.v1';
      readonly subject: string;
      readonly data: ReportedToMigrationsamtData;
    }
  | {
      readonly type: 'case.migrationsamt-decision-recorded.v1';
      readonly subject: string;
      readonly data: MigrationsamtDecisionRecordedData;
    }
  | {
      readonly type: 'case.dfpa-handover-requested.v1';
      readonly subject: string;
      readonly data: DfpaHandoverRequestedData;
    }
  | { readonly type: 'case.transferred.v1'; readonly subject: string; readonly data: TransferredData }
  | { readonly type: 'case.closed.v1'; readonly subject: string; readonly data: ClosedData }
  | {
      readonly type: 'case.counting-attributes-changed.v1';
      readonly subject: string;
      readonly data: CountingAttributesChangedData;
    };

export type CaseEventType = CaseEvent['type'];

/**
 * The Sozialregion of the case's pending or accepted hand-over, set on case.transferred/closed.v1 so that the relay
 * routes them (header `sozialregionid`) to that region's queue only; absent when the case is at no region.
 */
export function atSozialregion(s: CaseState): { sozialregionId?: string } {
  return s.handover ? { sozialregionId: s.handover.sozialregionId } : {};
}

/** The pseudonymous head every case event except the hand-over carries. */
export function eventBase(s: CaseState): CaseEventBase {
  const p = s.subject;
  return {
    caseId: s.caseId,
    personRef: p.personRef,
    municipality: s.municipality,
    attributes: {
      nationality: { bfsCode: p.nationality.bfsCode, iso2: p.nationality.iso2 },
      permitCode: p.permit?.code ?? null,
      permitAusweis: p.permit?.ausweis ?? null,
      euEfta: p.euEfta,
      familyOfSwiss: p.familyOfSwiss,
      sex: p.sex,
      birthYear: p.birthYear,
      language: p.language,
    },
  };
}

/** Typed constructor so commands cannot pair a type with the wrong payload. */
export function caseEvent<T extends CaseEventType>(
  type: T,
  s: CaseState,
  data: Extract<CaseEvent, { type: T }>['data'],
): CaseEvent {
  return { type, subject: s.caseId, data } as CaseEvent;
}
