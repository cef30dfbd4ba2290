import type { LocalDate } from '@si/kernel';
import type { Assessment } from './assessment.js';
import type { IntegrationPlan, Measure, PlanReview } from './integration-plan.js';

export type CaseStatus = 'active' | 'returned' | 'closed' | 'moved';
/** The coarse status the municipality may see (R25): never the assessment or the plan themselves. */
export type Progress = 'accepted' | 'assessment-done' | 'plan-active';
export type Origin = 'handover' | 'direct';

export const EXIT_REASONS = ['departure', 'naturalisation', 'death', 'goals-reached', 'other'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
export const RETURN_REASONS = [
  'goals-reached',
  'no-further-need',
  'person-not-cooperating',
  'person-moved',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
export const PLACEMENT_KINDS = ['employment', 'apprenticeship', 'internship', 'training'] as const;

/** The person as the region needs them; removed when the case moves to another region (it keeps only references). */
export interface DfpaPerson {
  readonly officialName: string;
  readonly firstName: string;
  readonly dateOfBirth: LocalDate;
  readonly sex: 'female' | 'male' | 'unknown';
  readonly vn?: string;
  readonly nationality?: { bfsCode: number; iso2: string | null };
  readonly permitCode?: string | null;
  readonly address?: { street: string; houseNumber?: string; postalCode: string; town: string };
  readonly phone?: string;
  readonly email?: string;
  readonly language?: string | null;
}

/** The DFPA case as stored (without the assessments, which are versioned in their own table, and without health). */
export interface DfpaCaseState {
  readonly dfpaCaseId: string;
  readonly sozialregionId: string;
  readonly origin: Origin;
  readonly handoverId: string | null;
  readonly caseId: string | null;
  readonly municipality: number | null;
  readonly personRef: string;
  readonly person: DfpaPerson | null;
  readonly status: CaseStatus;
  readonly progress: Progress;
  /** Usernames of the responsible caseworkers; the first leads. Only they see health constraints (R22). */
  readonly caseworkers: readonly string[];
  readonly openedOn: LocalDate;
  readonly assessmentVersion: number;
  readonly latestAssessment: Pick<Assessment, 'assessedOn' | 'employability'> | null;
  readonly plan: IntegrationPlan | null;
  readonly measures: readonly Measure[];
  readonly reviews: readonly PlanReview[];
  readonly ravReports: readonly { reportedOn: LocalDate }[];
  readonly placements: readonly { placedOn: LocalDate; kind: (typeof PLACEMENT_KINDS)[number] }[];
  readonly exit: {
    readonly on: LocalDate;
    readonly kind: 'returned' | 'closed' | 'moved';
    readonly reason: string;
    readonly toSozialregion?: string;
  } | null;
  readonly version: number;
}

/** What a change yields: the new state, the history line (action and details without personal data), the events. */
export interface Change {
  readonly state: DfpaCaseState;
  readonly action: string;
  readonly details: Record<string, unknown>;
  readonly events: readonly DfpaEvent[];
}

export interface DfpaEvent {
  readonly type: string;
  readonly subject: string;
  readonly data: Record<string, unknown>;
}

/** Who acts: a caseworker of the region, the region's own system (connector) or this service (messages, sweeps). */
export interface Actor {
  readonly username: string;
  readonly kind: 'caseworker' | 'connector' | 'system';
}

export interface Ctx {
  readonly actor: Actor;
  readonly today: LocalDate;
}
