import type { LocalDate } from '@si/kernel';
import { DfpaDomainError } from './dfpa.errors.js';
import type { Change, Ctx, DfpaCaseState, DfpaPerson } from './dfpa-case.js';
import { caseEvent } from './dfpa.events.js';
import { date, notAfter, oneOf, text } from './fields.js';

export const REJECT_REASONS = [
  'not-responsible',
  'not-in-target-group',
  'incomplete-information',
  'capacity',
  'other',
] as const;
export type HandoverStatus = 'open' | 'accepted' | 'rejected' | 'withdrawn';

/** A hand-over in the region's inbox: case.dfpa-handover-requested.v1 as received, and its answer. */
export interface Handover {
  readonly handoverId: string;
  readonly sozialregionId: string;
  readonly caseId: string;
  readonly municipality: number;
  readonly personRef: string;
  readonly requestedOn: LocalDate;
  readonly answerDueOn: LocalDate;
  readonly status: HandoverStatus;
  /** The event's data: person, contact, reason, case summary (personal data of this region only). */
  readonly request: { person: DfpaPerson & { personRef: string }; [key: string]: unknown };
}

function assertOpen(h: Handover): void {
  if (h.status !== 'open') {
    throw new DfpaDomainError(
      'DF1',
      'handover-answered',
      {
        de: `Die Übergabe ist bereits beantwortet (${h.status}).`,
        en: `The hand-over has already been answered (${h.status}).`,
      },
      'conflict',
      { status: h.status },
    );
  }
}

/**
 * Takes a hand-over over (R16): opens the DFPA case with the responsible caseworker and answers
 * dfpa.case-accepted.v1 (subject: the municipal case, so case-management applies answers in order).
 */
export function acceptHandover(h: Handover, input: { dfpaCaseId: string; caseworker: unknown }, ctx: Ctx): Change {
  assertOpen(h);
  const caseworker = text('caseworker', input.caseworker, 100);
  const state: DfpaCaseState = {
    dfpaCaseId: input.dfpaCaseId,
    sozialregionId: h.sozialregionId,
    origin: 'handover',
    handoverId: h.handoverId,
    caseId: h.caseId,
    municipality: h.municipality,
    personRef: h.personRef,
    person: stripRef(h.request.person),
    status: 'active',
    progress: 'accepted',
    caseworkers: [caseworker],
    openedOn: ctx.today,
    assessmentVersion: 0,
    latestAssessment: null,
    plan: null,
    measures: [],
    reviews: [],
    ravReports: [],
    placements: [],
    exit: null,
    version: 1,
  };
  return {
    state,
    action: 'handover-accepted',
    details: { handoverId: h.handoverId, caseworker },
    events: [
      {
        type: 'dfpa.case-accepted.v1',
        subject: h.caseId,
        data: {
          handoverId: h.handoverId,
          caseId: h.caseId,
          personRef: h.personRef,
          sozialregionId: h.sozialregionId,
          municipality: h.municipality,
          acceptedOn: ctx.today,
          dfpaCaseRef: input.dfpaCaseId,
        },
      },
    ],
  };
}

/** Sends a hand-over back with a coded reason (the free text is for the officer and must hold no personal data). */
export function rejectHandover(h: Handover, input: { reasonCode: unknown; reason?: unknown }, ctx: Ctx) {
  assertOpen(h);
  const reasonCode = oneOf('reasonCode', input.reasonCode, REJECT_REASONS, 'DF1');
  const reason = input.reason === undefined || input.reason === null ? null : text('reason', input.reason, 2000);
  return {
    details: { handoverId: h.handoverId, reasonCode },
    event: {
      type: 'dfpa.case-rejected.v1',
      subject: h.caseId,
      data: {
        handoverId: h.handoverId,
        caseId: h.caseId,
        personRef: h.personRef,
        sozialregionId: h.sozialregionId,
        municipality: h.municipality,
        rejectedOn: ctx.today,
        reasonCode,
        ...(reason ? { reason } : {}),
      },
    },
  };
}

/**
 * Opens a case for a person the canton assigned to the region (VA/FL, R16): no municipal case behind it, so no
 * answer goes to case-management; the person's reference comes from the canton's assignment.
 */
export function openDirectCase(
  input: {
    dfpaCaseId: string;
    sozialregionId: string;
    personRef: unknown;
    person: DfpaPerson;
    caseworker: unknown;
    assignedOn: unknown;
    municipality?: unknown;
  },
  ctx: Ctx,
): Change {
  const personRef = text('personRef', input.personRef, 64);
  const caseworker = text('caseworker', input.caseworker, 100);
  const assignedOn = notAfter('assignedOn', date('assignedOn', input.assignedOn, 'R16'), ctx.today);
  const municipality =
    typeof input.municipality === 'number' && Number.isInteger(input.municipality) ? input.municipality : null;
  const state: DfpaCaseState = {
    dfpaCaseId: input.dfpaCaseId,
    sozialregionId: input.sozialregionId,
    origin: 'direct',
    handoverId: null,
    caseId: null,
    municipality,
    personRef,
    person: input.person,
    status: 'active',
    progress: 'accepted',
    caseworkers: [caseworker],
    openedOn: assignedOn,
    assessmentVersion: 0,
    latestAssessment: null,
    plan: null,
    measures: [],
    reviews: [],
    ravReports: [],
    placements: [],
    exit: null,
    version: 1,
  };
  return {
    state,
    action: 'opened-directly',
    details: { assignedOn, caseworker },
    events: [caseEvent('dfpa.case-opened.v1', state, { origin: 'direct', openedOn: assignedOn })],
  };
}

function stripRef(p: DfpaPerson & { personRef?: string }): DfpaPerson {
  const { personRef: _ref, ...person } = p as DfpaPerson & {
    personRef?: string;
    householdRef?: unknown;
    euEfta?: unknown;
    familyOfSwiss?: unknown;
  };
  return person;
}
