import { InvalidCommandError } from './case.errors.js';
import type { LocalDate } from './local-date.js';
import { assertTalkFacts, type Interpreter } from './talk-facts.js';

/** AIG Art. 58a Abs. 1 criteria (R4): a public security and order, b constitutional values, c language, d economic life or education. */
export const ART58A_CRITERIA = ['a', 'b', 'c', 'd'] as const;
export type Art58aCriterion = (typeof ART58A_CRITERIA)[number];

export const CRITERION_ASSESSMENTS = ['met', 'partly-met', 'not-met', 'not-assessed'] as const;
export type CriterionAssessment = (typeof CRITERION_ASSESSMENTS)[number];

export type Art58aAssessment = Readonly<Record<Art58aCriterion, CriterionAssessment>>;

/**
 * The Abs. 2 consideration (R4): whether disability, illness or other weighty personal circumstances
 * keep the person from meeting c or d. It must be on record as considered before any report to the
 * Migrationsamt. Health data is besonders schützenswert (R22): it stays in the case, never in events.
 */
export interface Abs2Consideration {
  readonly considered: boolean;
  readonly disability: boolean;
  readonly illness: boolean;
  readonly otherWeightyCircumstances: boolean;
  /** How the circumstances were weighed; required when considered. */
  readonly assessment: string;
  readonly on: LocalDate;
}

export interface IntegrationTalkInput {
  readonly talkId: string;
  readonly heldOn: LocalDate;
  readonly place: string;
  readonly interpreter: Interpreter;
  readonly durationMinutes: number;
  readonly assessment: Art58aAssessment;
  readonly abs2: Omit<Abs2Consideration, 'on'>;
  readonly notes?: string;
}

export type IntegrationTalk = IntegrationTalkInput & { readonly abs2: Abs2Consideration };

export function validateAbs2(input: Omit<Abs2Consideration, 'on'> | undefined, on: LocalDate): Abs2Consideration {
  if (!input || typeof input.considered !== 'boolean')
    throw new InvalidCommandError('abs2', 'fehlt', 'is missing', 'R4');
  const assessment = input.assessment?.trim() ?? '';
  if (input.considered && !assessment) {
    throw new InvalidCommandError(
      'abs2.assessment',
      'die Abwägung nach Abs. 2 ist zu begründen',
      'the Abs. 2 weighing needs a statement',
      'R4',
    );
  }
  return {
    considered: input.considered,
    disability: !!input.disability,
    illness: !!input.illness,
    otherWeightyCircumstances: !!input.otherWeightyCircumstances,
    assessment,
    on,
  };
}

export function validateIntegrationTalk(input: IntegrationTalkInput): IntegrationTalk {
  assertTalkFacts(input);
  for (const c of ART58A_CRITERIA) {
    if (!(CRITERION_ASSESSMENTS as readonly string[]).includes(input.assessment?.[c])) {
      throw new InvalidCommandError(
        `assessment.${c}`,
        'Beurteilung nach AIG Art. 58a fehlt',
        'AIG Art. 58a assessment missing',
        'R4',
      );
    }
  }
  return {
    ...input,
    place: input.place.trim(),
    assessment: { ...input.assessment },
    abs2: validateAbs2(input.abs2, input.heldOn),
  };
}

/** Criteria assessed as not or only partly met: the "integration deficit" subsidies and reports count. */
export function deficitCriteria(assessment: Art58aAssessment): Art58aCriterion[] {
  return ART58A_CRITERIA.filter((c) => assessment[c] === 'not-met' || assessment[c] === 'partly-met');
}
