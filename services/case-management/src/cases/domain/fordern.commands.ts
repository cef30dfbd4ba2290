import { requireDate, requireNotFuture, type CommandContext } from './actor.js';
import { advancePhase } from './case-phase.js';
import type { Change } from './case-change.js';
import { caseEvent, distinctSorted, eventBase } from './case.events.js';
import { CasePartNotFoundError, InvalidCommandError, TransitionRefusedError } from './case.errors.js';
import type { CaseState } from './case-state.js';
import {
  validateAgreement,
  validateReview,
  type AgreementInput,
  type AgreementReview,
} from './integration-agreement.js';
import {
  deficitCriteria,
  validateAbs2,
  validateIntegrationTalk,
  type Abs2Consideration,
  type IntegrationTalkInput,
} from './integration-talk.js';
import type { LocalDate } from './local-date.js';

/** Fordern (R4, R5, R28, R31): integration talk, Abs. 2 consideration, municipal agreement, review. */
export function holdIntegrationTalk(s: CaseState, input: IntegrationTalkInput, ctx: CommandContext): Change {
  const talk = validateIntegrationTalk(input);
  requireNotFuture('heldOn', talk.heldOn, ctx);
  if (s.integrationTalks.some((t) => t.talkId === talk.talkId))
    throw new InvalidCommandError('talkId', 'schon vergeben', 'already used');
  const state: CaseState = {
    ...s,
    phase: advancePhase(s.phase, 'fordern'),
    integrationTalks: [...s.integrationTalks, talk],
    abs2Considerations: [...s.abs2Considerations, talk.abs2],
  };
  return {
    state,
    action: 'integration-talk-held',
    details: { talk },
    events: [
      caseEvent('case.integration-talk-held.v1', state, {
        ...eventBase(state),
        talkId: talk.talkId,
        heldOn: talk.heldOn,
        durationMinutes: talk.durationMinutes,
        interpreter: talk.interpreter.used
          ? { used: true, language: talk.interpreter.language }
          : { used: false, language: null },
        deficitCriteria: deficitCriteria(talk.assessment),
        abs2Considered: talk.abs2.considered,
        talkNumber: state.integrationTalks.length,
      }),
    ],
  };
}

export type Abs2Input = Omit<Abs2Consideration, 'on'> & { readonly on: LocalDate };

/** Records (again) how Art. 58a Abs. 2 circumstances were weighed, e.g. after a medical report. */
export function recordAbs2Consideration(s: CaseState, input: Abs2Input, ctx: CommandContext): Change {
  const on = requireDate('on', input.on);
  requireNotFuture('on', on, ctx);
  const abs2 = validateAbs2(input, on);
  return {
    state: { ...s, abs2Considerations: [...s.abs2Considerations, abs2] },
    action: 'abs2-considered',
    reason: abs2.assessment,
    details: { abs2 },
    events: [],
  };
}

export function concludeAgreement(s: CaseState, input: AgreementInput, ctx: CommandContext): Change {
  if (s.integrationTalks.length === 0) {
    throw new TransitionRefusedError('R28', 'concludeAgreement', s.status, s.phase, {
      de: 'Eine Integrationsvereinbarung setzt ein Integrationsgespräch voraus.',
      en: 'An integration agreement requires an integration talk first.',
    });
  }
  const agreement = validateAgreement(input);
  requireNotFuture('concludedOn', agreement.concludedOn, ctx);
  if (s.agreements.some((a) => a.agreementId === agreement.agreementId))
    throw new InvalidCommandError('agreementId', 'schon vergeben', 'already used');
  const state: CaseState = { ...s, agreements: [...s.agreements, agreement] };
  return {
    state,
    action: 'agreement-concluded',
    details: { agreement },
    events: [
      caseEvent('case.agreement-concluded.v1', state, {
        ...eventBase(state),
        agreementId: agreement.agreementId,
        concludedOn: agreement.concludedOn,
        binding: false,
        goalCriteria: distinctSorted(agreement.goals.map((g) => g.criterion)),
        measureCategories: distinctSorted(agreement.measures.map((m) => m.category)),
        financingSource: agreement.financing.source,
        reviewOn: agreement.reviewOn,
      }),
    ],
  };
}

export function reviewAgreement(
  s: CaseState,
  agreementId: string,
  input: AgreementReview,
  ctx: CommandContext,
): Change {
  const agreement = s.agreements.find((a) => a.agreementId === agreementId);
  if (!agreement) throw new CasePartNotFoundError('Agreement', agreementId);
  if (agreement.review) {
    throw new TransitionRefusedError('CM2', 'reviewAgreement', s.status, s.phase, {
      de: `Die Vereinbarung «${agreementId}» ist bereits überprüft.`,
      en: `Agreement "${agreementId}" has already been reviewed.`,
    });
  }
  const review = validateReview(agreement, input);
  requireNotFuture('reviewedOn', review.reviewedOn, ctx);
  const state: CaseState = {
    ...s,
    agreements: s.agreements.map((a) => (a.agreementId === agreementId ? { ...a, review } : a)),
  };
  return {
    state,
    action: 'agreement-reviewed',
    reason: review.reasons,
    details: { agreementId, reviewedOn: review.reviewedOn, outcome: review.outcome },
    events: [
      caseEvent('case.agreement-reviewed.v1', state, {
        ...eventBase(state),
        agreementId,
        reviewedOn: review.reviewedOn,
        outcome: review.outcome,
      }),
    ],
  };
}
