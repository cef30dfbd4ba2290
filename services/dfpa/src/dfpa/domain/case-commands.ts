import type { LocalDate } from '@si/kernel';
import { assessmentIndicators, type Assessment } from './assessment.js';
import { DfpaDomainError, invalid } from './dfpa.errors.js';
import { EXIT_REASONS, PLACEMENT_KINDS, RETURN_REASONS, type Change, type DfpaCaseState } from './dfpa-case.js';
import { caseEvent } from './dfpa.events.js';
import { date, notAfter, oneOf, text } from './fields.js';
import { validateReview, type IntegrationPlan, type Measure } from './integration-plan.js';

/** Only active cases change (DF2); returned, closed and moved cases stay readable. */
function active(s: DfpaCaseState): DfpaCaseState {
  if (s.status !== 'active') {
    throw new DfpaDomainError(
      'DF2',
      'case-not-active',
      {
        de: `Der DFPA-Fall ist nicht mehr aktiv (${s.status}).`,
        en: `The DFPA case is no longer active (${s.status}).`,
      },
      'conflict',
      { status: s.status },
    );
  }
  return s;
}

const next = (s: DfpaCaseState, patch: Partial<DfpaCaseState>): DfpaCaseState => ({
  ...s,
  ...patch,
  version: s.version + 1,
});

/** A (re)assessment: a new version; earlier ones stay readable. The event carries levels and indicators only. */
export function recordAssessment(s: DfpaCaseState, a: Assessment, version: number): Change {
  active(s);
  const state = next(s, {
    assessmentVersion: version,
    latestAssessment: { assessedOn: a.assessedOn, employability: a.employability },
    progress: s.progress === 'plan-active' ? 'plan-active' : 'assessment-done',
  });
  return {
    state,
    action: 'assessment-recorded',
    details: { version, assessedOn: a.assessedOn, kind: a.kind },
    events: [
      caseEvent('dfpa.assessment-completed.v1', state, { assessmentVersion: version, ...assessmentIndicators(a) }),
    ],
  };
}

export function agreePlan(s: DfpaCaseState, plan: IntegrationPlan): Change {
  active(s);
  if (s.assessmentVersion === 0) {
    throw new DfpaDomainError(
      'R16',
      'plan-before-assessment',
      {
        de: 'Der Hilfsplan baut auf der Potenzialabklärung auf: zuerst die Abklärung erfassen.',
        en: 'The plan builds on the potential assessment: record the assessment first.',
      },
      'conflict',
    );
  }
  const state = next(s, { plan, progress: 'plan-active' });
  return {
    state,
    action: 'plan-agreed',
    details: { planVersion: plan.version, agreedOn: plan.agreedOn, reviewOn: plan.reviewOn },
    events: [
      caseEvent('dfpa.plan-agreed.v1', state, {
        planVersion: plan.version,
        agreedOn: plan.agreedOn,
        reviewOn: plan.reviewOn,
        goalAreas: [...new Set(plan.goals.map((g) => g.area))],
      }),
    ],
  };
}

function requirePlan(s: DfpaCaseState): IntegrationPlan {
  if (!s.plan) {
    throw new DfpaDomainError(
      'R16',
      'no-plan',
      { de: 'Es ist noch kein Hilfsplan vereinbart.', en: 'No plan has been agreed yet.' },
      'conflict',
    );
  }
  return s.plan;
}

const measureFacts = (m: Measure) => ({
  measureId: m.measureId,
  structure: m.structure,
  offerId: m.offerId,
  kipArea: m.kipArea,
  goalArea: m.goalArea,
  costRappen: m.costRappen,
});

export function addMeasure(s: DfpaCaseState, m: Measure): Change {
  active(s);
  requirePlan(s);
  const state = next(s, { measures: [...s.measures, m] });
  const events =
    m.status === 'running'
      ? [caseEvent('dfpa.measure-started.v1', state, { ...measureFacts(m), startedOn: m.from })]
      : [];
  return {
    state,
    action: 'measure-added',
    details: { measureId: m.measureId, status: m.status, from: m.from, to: m.to },
    events,
  };
}

export function changeMeasureStatus(
  s: DfpaCaseState,
  measureId: string,
  input: { status: unknown; on: unknown },
  today: LocalDate,
): Change {
  active(s);
  const m = s.measures.find((x) => x.measureId === measureId);
  if (!m)
    throw new DfpaDomainError(
      'DF4',
      'measure-not-found',
      { de: 'Massnahme nicht gefunden.', en: 'Measure not found.' },
      'not-found',
    );
  const status = oneOf('status', input.status, ['running', 'ended', 'cancelled'] as const);
  const on = notAfter('on', date('on', input.on), today);
  const allowed =
    m.status === 'planned' ? ['running', 'cancelled'] : m.status === 'running' ? ['ended', 'cancelled'] : [];
  if (!allowed.includes(status)) {
    throw new DfpaDomainError(
      'DF2',
      'measure-transition',
      {
        de: `Eine Massnahme im Status «${m.status}» kann nicht zu «${status}» wechseln.`,
        en: `A measure in status "${m.status}" cannot change to "${status}".`,
      },
      'conflict',
    );
  }
  const changed: Measure = { ...m, status, ...(status === 'running' ? { from: on } : { endedOn: on }) };
  const state = next(s, { measures: s.measures.map((x) => (x.measureId === measureId ? changed : x)) });
  const events =
    status === 'running'
      ? [caseEvent('dfpa.measure-started.v1', state, { ...measureFacts(changed), startedOn: on })]
      : m.status === 'running'
        ? [caseEvent('dfpa.measure-ended.v1', state, { ...measureFacts(changed), endedOn: on, outcome: status })]
        : [];
  return { state, action: `measure-${status}`, details: { measureId, on }, events };
}

export function recordReview(s: DfpaCaseState, raw: unknown): Change {
  active(s);
  const plan = requirePlan(s);
  const r = validateReview(raw, plan);
  const state = next(s, {
    reviews: [...s.reviews, r],
    plan: r.nextReviewOn ? { ...plan, reviewOn: r.nextReviewOn } : plan,
  });
  return {
    state,
    action: 'plan-reviewed',
    details: { reviewedOn: r.reviewedOn, outcome: r.outcome, nextReviewOn: r.nextReviewOn },
    events: [],
  };
}

export function changeCaseworkers(s: DfpaCaseState, input: { caseworkers: unknown }): Change {
  active(s);
  if (!Array.isArray(input.caseworkers) || input.caseworkers.length === 0 || input.caseworkers.length > 5) {
    throw invalid('caseworkers', '1 bis 5 Benutzernamen', '1 to 5 usernames');
  }
  const caseworkers = [...new Set(input.caseworkers.map((c, i) => text(`caseworkers[${i}]`, c, 100)))];
  return {
    state: next(s, { caseworkers }),
    action: 'caseworkers-changed',
    details: { from: s.caseworkers, to: caseworkers },
    events: [],
  };
}

/** VIntA Art. 9 (R19b): only a person assessed as employable is reported to the RAV. */
export function reportToRav(s: DfpaCaseState, input: { reportedOn: unknown }, today: LocalDate): Change {
  active(s);
  const reportedOn = notAfter('reportedOn', date('reportedOn', input.reportedOn, 'R19b'), today);
  if (s.latestAssessment?.employability.status !== 'arbeitsmarktfaehig') {
    throw new DfpaDomainError(
      'R19b',
      'not-employable',
      {
        de: 'Nur eine als arbeitsmarktfähig beurteilte Person wird dem RAV gemeldet.',
        en: 'Only a person assessed as employable is reported to the RAV.',
      },
      'conflict',
    );
  }
  const state = next(s, { ravReports: [...s.ravReports, { reportedOn }] });
  return {
    state,
    action: 'rav-reported',
    details: { reportedOn },
    events: [caseEvent('dfpa.rav-reported.v1', state, { reportedOn })],
  };
}

export function recordPlacement(
  s: DfpaCaseState,
  input: { placedOn: unknown; kind: unknown },
  today: LocalDate,
): Change {
  active(s);
  const placedOn = notAfter('placedOn', date('placedOn', input.placedOn, 'R19b'), today);
  const kind = oneOf('kind', input.kind, PLACEMENT_KINDS, 'R19b');
  const state = next(s, { placements: [...s.placements, { placedOn, kind }] });
  return {
    state,
    action: 'placement-recorded',
    details: { placedOn, kind },
    events: [
      caseEvent('dfpa.placement-recorded.v1', state, { placedOn, kind, afterRavReport: s.ravReports.length > 0 }),
    ],
  };
}

/** Back to the municipality (dfpa.case-returned.v1); only a case handed over by one can go back. */
export function returnToMunicipality(
  s: DfpaCaseState,
  input: { reasonCode: unknown; reason?: unknown },
  today: LocalDate,
): Change {
  active(s);
  if (s.origin !== 'handover' || !s.caseId || !s.handoverId) {
    throw new DfpaDomainError(
      'R16',
      'no-municipal-case',
      {
        de: 'Der Fall wurde direkt zugewiesen; es gibt keinen Gemeindefall, an den er zurückgehen kann.',
        en: 'The case was assigned directly; there is no municipal case to return it to.',
      },
      'conflict',
    );
  }
  const reasonCode = oneOf('reasonCode', input.reasonCode, RETURN_REASONS, 'R16');
  const reason = input.reason === undefined || input.reason === null ? null : text('reason', input.reason, 2000);
  const state = next(s, { status: 'returned', exit: { on: today, kind: 'returned', reason: reasonCode } });
  return {
    state,
    action: 'returned-to-municipality',
    details: { reasonCode },
    events: [
      {
        type: 'dfpa.case-returned.v1',
        subject: s.caseId,
        data: {
          handoverId: s.handoverId,
          caseId: s.caseId,
          personRef: s.personRef,
          sozialregionId: s.sozialregionId,
          municipality: s.municipality,
          returnedOn: today,
          reasonCode,
          ...(reason ? { reason } : {}),
        },
      },
    ],
  };
}

export function closeCase(
  s: DfpaCaseState,
  input: { exitReason: unknown; closedOn: unknown },
  today: LocalDate,
): Change {
  active(s);
  const exitReason = oneOf('exitReason', input.exitReason, EXIT_REASONS, 'R16');
  const closedOn = notAfter('closedOn', date('closedOn', input.closedOn), today);
  const state = next(s, { status: 'closed', exit: { on: closedOn, kind: 'closed', reason: exitReason } });
  return {
    state,
    action: 'closed',
    details: { exitReason, closedOn },
    events: [
      caseEvent('dfpa.case-closed.v1', state, {
        closedOn,
        exitReason,
        progress: s.progress,
        measuresEnded: s.measures.filter((m) => m.status === 'ended').length,
      }),
    ],
  };
}

/** What a region erases when the person moved away (the README says what it keeps and why). */
export const ERASED_ON_MOVE = ['person', 'handover-request', 'health'] as const;

/**
 * The person moved to another region: this region keeps only what it must (references, history, assessments without
 * health, plan and measures for its accounts), not the person's personal data (ERASED_ON_MOVE). A case from a
 * municipality goes back to it with the reason `person-moved` and the new region (dfpa.case-returned.v1), so that
 * the municipality hands it to the new region through the routed hand-over; the personal data never travels from
 * region to region directly.
 */
export function moveToRegion(
  s: DfpaCaseState,
  input: { toSozialregion: unknown; movedOn: unknown },
  known: readonly string[],
  today: LocalDate,
): Change {
  active(s);
  const to = oneOf('toSozialregion', input.toSozialregion, known, 'R25');
  if (to === s.sozialregionId)
    throw invalid('toSozialregion', 'ist die eigene Sozialregion', 'is this region itself', 'R25');
  const movedOn = notAfter('movedOn', date('movedOn', input.movedOn), today);
  const state = next(s, {
    status: 'moved',
    person: null,
    exit: { on: movedOn, kind: 'moved', reason: 'moved', toSozialregion: to },
  });
  const closed = caseEvent('dfpa.case-closed.v1', state, {
    closedOn: movedOn,
    exitReason: 'moved-to-region',
    toSozialregion: to,
    progress: s.progress,
    measuresEnded: s.measures.filter((m) => m.status === 'ended').length,
  });
  const back =
    s.origin === 'handover' && s.caseId && s.handoverId
      ? [
          {
            type: 'dfpa.case-returned.v1',
            subject: s.caseId,
            data: {
              handoverId: s.handoverId,
              caseId: s.caseId,
              personRef: s.personRef,
              sozialregionId: s.sozialregionId,
              municipality: s.municipality,
              returnedOn: today,
              reasonCode: 'person-moved',
              toSozialregion: to,
            },
          },
        ]
      : [];
  return {
    state,
    action: 'moved-to-region',
    details: { toSozialregion: to, movedOn, erased: [...ERASED_ON_MOVE] },
    events: [...back, closed],
  };
}

/** case-management closed the municipal case (departure, naturalisation, death, …): the DFPA case ends with it. */
export function closeWithMunicipalCase(
  s: DfpaCaseState,
  input: { closedOn: LocalDate; reason: string },
): Change | null {
  if (s.status !== 'active') return null;
  const exitReason = input.reason.startsWith('departed')
    ? 'departure'
    : input.reason === 'naturalised'
      ? 'naturalisation'
      : input.reason === 'died'
        ? 'death'
        : 'other';
  const state = next(s, { status: 'closed', exit: { on: input.closedOn, kind: 'closed', reason: exitReason } });
  return {
    state,
    action: 'closed-with-municipal-case',
    details: { reason: input.reason },
    events: [
      caseEvent('dfpa.case-closed.v1', state, {
        closedOn: input.closedOn,
        exitReason,
        progress: s.progress,
        measuresEnded: s.measures.filter((m) => m.status === 'ended').length,
      }),
    ],
  };
}

/**
 * case.transferred.v1: the person moved to another Solothurn municipality. The case stays with this region (it
 * decides whether to lead on or to move the case, point 5); the history says where the person lives now and whether
 * that municipality belongs to another Sozialregion.
 */
export function followMunicipalMove(
  s: DfpaCaseState,
  input: { toMunicipality: number; movedOn: LocalDate; toSozialregion: string | undefined },
): Change | null {
  if (s.status !== 'active' || s.municipality === input.toMunicipality) return null;
  const otherRegion = input.toSozialregion !== undefined && input.toSozialregion !== s.sozialregionId;
  return {
    state: next(s, { municipality: input.toMunicipality }),
    action: 'municipality-changed',
    details: {
      from: s.municipality,
      to: input.toMunicipality,
      movedOn: input.movedOn,
      toSozialregion: input.toSozialregion ?? null,
      otherRegion,
    },
    events: [],
  };
}
