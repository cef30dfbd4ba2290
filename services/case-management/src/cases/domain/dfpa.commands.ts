import { requireDate, requireNotFuture, requireText, type CommandContext } from './actor.js';
import type { Change } from './case-change.js';
import { caseEvent } from './case.events.js';
import { CaseDomainError, InvalidCommandError } from './case.errors.js';
import type { CaseState } from './case-state.js';
import {
  assertAnswerMatches,
  DFPA_PROGRESS,
  REJECT_REASON_CODES,
  RETURN_REASON_CODES,
  validateHandoverPerson,
  type DfpaAnswer,
  type DfpaHandover,
  type DfpaProgressReport,
  type HandoverRequestInput,
} from './dfpa-handover.js';
import type { MunicipalityDirectory } from './municipality-directory.js';

/**
 * DFPA hand-over (R16, R25). The request goes to the Sozialregion of the case's municipality, never to
 * one the caller names; the answers (dfpa.case-accepted/-rejected/-returned.v1) must come from it.
 */
export function requestDfpaHandover(
  s: CaseState,
  input: HandoverRequestInput,
  directory: MunicipalityDirectory,
  ctx: CommandContext,
): Change {
  const region = directory.sozialregionOf(s.municipality);
  if (!region) {
    throw new CaseDomainError(
      'R16',
      'no-sozialregion',
      {
        de: `Für die Gemeinde ${s.municipality} ist keine Sozialregion hinterlegt.`,
        en: `No Sozialregion is known for municipality ${s.municipality}.`,
      },
      'unprocessable',
    );
  }
  const handoverId = requireText('handoverId', input.handoverId);
  if ([...s.pastHandovers].some((h) => h.handoverId === handoverId))
    throw new InvalidCommandError('handoverId', 'schon vergeben', 'already used');
  const requestedOn = requireDate('requestedOn', input.requestedOn);
  requireNotFuture('requestedOn', requestedOn, ctx);
  const reason = requireText('reason', input.reason);
  const person = validateHandoverPerson(input.person);
  const handover: DfpaHandover = {
    handoverId,
    sozialregionId: region.id,
    requestedOn,
    reason,
    status: 'requested',
    acceptedOn: null,
    endedOn: null,
    endReasonCode: null,
    endReason: null,
    dfpaCaseRef: null,
  };
  const state: CaseState = { ...s, status: 'dfpa-handover-requested', handover };
  const fi = s.firstInformation;
  const talk = fi.record?.form === 'talk' ? fi.record : null;
  const p = s.subject;
  return {
    state,
    action: 'dfpa-handover-requested',
    reason,
    // The history keeps who got which personal data (R23 disclosure), not a second copy of it.
    details: { handoverId, sozialregionId: region.id, requestedOn, disclosedPersonFields: Object.keys(person).sort() },
    events: [
      caseEvent('case.dfpa-handover-requested.v1', state, {
        handoverId,
        caseId: s.caseId,
        sozialregionId: region.id,
        municipality: s.municipality,
        requestedOn,
        requestedBy: { role: ctx.actor.role === 'ags' ? 'ags' : 'gemeinde' },
        reason,
        contact: input.contact ? structuredClone(input.contact) : null,
        person: {
          ...person,
          personRef: p.personRef,
          householdRef: p.householdRef,
          nationality: { bfsCode: p.nationality.bfsCode, iso2: p.nationality.iso2 },
          permitCode: p.permit?.code ?? null,
          euEfta: p.euEfta,
          familyOfSwiss: p.familyOfSwiss,
          language: p.language,
        },
        caseSummary: {
          phase: s.phase,
          registrationDate: s.registrationDate,
          firstInformation: {
            outcome: fi.outcome,
            form: fi.record?.form ?? null,
            completedOn: fi.record ? (fi.record.form === 'talk' ? fi.record.heldOn : fi.record.handedOutOn) : null,
            supportNeed: talk?.supportNeed ?? null,
            languageSkills: talk ? talk.languageSkills.map((l) => ({ ...l })) : [],
          },
          referrals: s.referrals.map((r) => ({
            referralId: r.referralId,
            madeOn: r.madeOn,
            category: r.category,
            measure: r.measure,
            status: r.status,
          })),
          integrationTalks: s.integrationTalks.map((t) => ({ heldOn: t.heldOn, assessment: { ...t.assessment } })),
          agreements: s.agreements.map((a) => ({
            agreementId: a.agreementId,
            concludedOn: a.concludedOn,
            reviewOn: a.reviewOn,
            reviewOutcome: a.review?.outcome ?? null,
          })),
          reportToMigrationsamtOpen: s.reports.some((r) => r.status !== 'decided'),
        },
      }),
    ],
  };
}

/** A Sozialregion user (not the dfpa service) may only answer for the region in their token (R25). */
function assertOwnRegion(answer: DfpaAnswer, ctx: CommandContext): void {
  if (ctx.actor.role === 'sozialregion' && ctx.actor.sozialregion !== answer.sozialregionId) {
    throw new CaseDomainError(
      'R25',
      'handover-wrong-sozialregion',
      {
        de: `Sie handeln nicht für die Sozialregion «${answer.sozialregionId}».`,
        en: `You do not act for Sozialregion "${answer.sozialregionId}".`,
      },
      'forbidden',
    );
  }
}

/** dfpa.case-accepted.v1: the case is now "at Sozialregion X". A repeat of the same acceptance is a no-op. */
export function acceptDfpaHandover(s: CaseState, answer: DfpaAnswer, ctx: CommandContext): Change | null {
  assertOwnRegion(answer, ctx);
  const current = assertAnswerMatches(s.handover, answer);
  if (current.status === 'accepted') return null;
  requireNotFuture('on', answer.on, ctx);
  const handover: DfpaHandover = {
    ...current,
    status: 'accepted',
    acceptedOn: answer.on,
    dfpaCaseRef: answer.dfpaCaseRef ?? null,
    progress: 'accepted',
  };
  return {
    state: { ...s, status: 'at-sozialregion', handover },
    action: 'dfpa-handover-accepted',
    details: {
      handoverId: current.handoverId,
      sozialregionId: current.sozialregionId,
      acceptedOn: answer.on,
      dfpaCaseRef: handover.dfpaCaseRef,
    },
    events: [],
  };
}

function endHandover(
  s: CaseState,
  answer: DfpaAnswer,
  status: 'rejected' | 'returned',
  codes: readonly string[],
  ctx: CommandContext,
): Change {
  assertOwnRegion(answer, ctx);
  const current = assertAnswerMatches(s.handover, answer);
  requireNotFuture('on', answer.on, ctx);
  if (!answer.reasonCode || !codes.includes(answer.reasonCode))
    throw new InvalidCommandError('reasonCode', 'unbekannt', 'unknown', 'R16');
  const reason = answer.reason?.trim() || null;
  const ended: DfpaHandover = {
    ...current,
    status,
    endedOn: answer.on,
    endReasonCode: answer.reasonCode,
    endReason: reason,
  };
  return {
    state: { ...s, status: 'open', handover: null, pastHandovers: [...s.pastHandovers, ended] },
    action: status === 'rejected' ? 'dfpa-handover-rejected' : 'dfpa-case-returned',
    ...(reason ? { reason } : {}),
    details: {
      handoverId: current.handoverId,
      sozialregionId: current.sozialregionId,
      on: answer.on,
      reasonCode: answer.reasonCode,
    },
    events: [],
  };
}

/** dfpa.case-rejected.v1: back to the IB (status open) with the region's reason. */
export function rejectDfpaHandover(s: CaseState, answer: DfpaAnswer, ctx: CommandContext): Change {
  return endHandover(s, answer, 'rejected', REJECT_REASON_CODES, ctx);
}

/** dfpa.case-returned.v1: the Sozialregion ends DFPA; the IB holds the case again. */
export function returnFromDfpa(s: CaseState, answer: DfpaAnswer, ctx: CommandContext): Change {
  return endHandover(s, answer, 'returned', RETURN_REASON_CODES, ctx);
}

/**
 * The Sozialregion reports progress of the DFPA case it opened for this case's accepted hand-over: only the coarse
 * status is kept (R25). Only the region and DFPA case of the accepted hand-over may report; progress never goes back.
 */
export function recordDfpaProgress(s: CaseState, report: DfpaProgressReport, ctx: CommandContext): Change | null {
  const current = s.handover;
  if (!current || current.status !== 'accepted' || current.dfpaCaseRef !== report.dfpaCaseRef) {
    throw new CaseDomainError(
      'R25',
      'handover-mismatch',
      {
        de: `Der DFPA-Fall «${report.dfpaCaseRef}» gehört nicht zur angenommenen Übergabe dieses Falls.`,
        en: `DFPA case "${report.dfpaCaseRef}" does not belong to this case's accepted hand-over.`,
      },
      'conflict',
    );
  }
  assertOwnRegion(
    { handoverId: current.handoverId, sozialregionId: report.sozialregionId, on: current.requestedOn },
    ctx,
  );
  if (current.sozialregionId !== report.sozialregionId) {
    throw new CaseDomainError(
      'R25',
      'handover-wrong-sozialregion',
      {
        de: `Nur die Sozialregion «${current.sozialregionId}» kann den Stand dieses Falls melden.`,
        en: `Only Sozialregion "${current.sozialregionId}" can report on this case.`,
      },
      'forbidden',
      { expected: current.sozialregionId, actual: report.sozialregionId },
    );
  }
  const rank = (p: string | undefined) => DFPA_PROGRESS.indexOf((p ?? 'accepted') as (typeof DFPA_PROGRESS)[number]);
  if (rank(report.progress) <= rank(current.progress)) return null;
  return {
    state: { ...s, handover: { ...current, progress: report.progress } },
    action: 'dfpa-progress',
    details: { handoverId: current.handoverId, sozialregionId: current.sozialregionId, progress: report.progress },
    events: [],
  };
}
