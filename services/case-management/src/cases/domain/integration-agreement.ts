import { InvalidCommandError } from './case.errors.js';
import { ART58A_CRITERIA, type Art58aCriterion } from './integration-talk.js';
import { isLocalDate, type LocalDate } from './local-date.js';
import { MEASURE_CATEGORIES, type MeasureCategory } from './referral.js';

/**
 * The municipal integration agreement of «Fordern» (R5 content, R6 status): goals along the Art. 58a
 * criteria, measures with deadlines, financing and a review date. It is NOT binding: only the
 * Migrationsamt concludes binding agreements (VZAE Art. 77g); events say `binding: false`.
 */
export interface AgreementGoal {
  readonly criterion: Art58aCriterion;
  readonly text: string;
}

export interface AgreementMeasure {
  readonly text: string;
  readonly category: MeasureCategory;
  readonly dueOn: LocalDate;
  /** A referral of this case that implements the measure, where there is one. */
  readonly referralId?: string;
}

export const FINANCING_SOURCES = ['person', 'municipality', 'canton', 'third-party', 'free-of-charge'] as const;
export type FinancingSource = (typeof FINANCING_SOURCES)[number];

export interface AgreementFinancing {
  readonly source: FinancingSource;
  readonly note: string;
}

export interface AgreementInput {
  readonly agreementId: string;
  readonly concludedOn: LocalDate;
  readonly goals: readonly AgreementGoal[];
  readonly measures: readonly AgreementMeasure[];
  readonly financing: AgreementFinancing;
  readonly reviewOn: LocalDate;
}

export const REVIEW_OUTCOMES = ['fulfilled', 'partly-fulfilled', 'not-fulfilled'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface AgreementReview {
  readonly reviewedOn: LocalDate;
  readonly outcome: ReviewOutcome;
  readonly reasons: string;
}

export interface MunicipalAgreement extends AgreementInput {
  readonly binding: false;
  readonly review: AgreementReview | null;
}

export function validateAgreement(input: AgreementInput): MunicipalAgreement {
  if (!input.agreementId?.trim()) throw new InvalidCommandError('agreementId', 'fehlt', 'is missing');
  if (!isLocalDate(input.concludedOn)) throw new InvalidCommandError('concludedOn', 'kein Datum', 'not a date');
  if (!isLocalDate(input.reviewOn)) throw new InvalidCommandError('reviewOn', 'kein Datum', 'not a date', 'R5');
  if (input.reviewOn <= input.concludedOn) {
    throw new InvalidCommandError(
      'reviewOn',
      'die Überprüfung liegt nach dem Abschluss',
      'the review lies after the conclusion',
      'R5',
    );
  }
  if (!input.goals?.length) throw new InvalidCommandError('goals', 'mindestens ein Ziel', 'at least one goal', 'R5');
  input.goals.forEach((g, i) => {
    if (!ART58A_CRITERIA.includes(g.criterion))
      throw new InvalidCommandError(`goals[${i}].criterion`, 'a, b, c oder d', 'a, b, c or d', 'R4');
    if (!g.text?.trim()) throw new InvalidCommandError(`goals[${i}].text`, 'fehlt', 'is missing', 'R5');
  });
  if (!input.measures?.length)
    throw new InvalidCommandError('measures', 'mindestens eine Massnahme', 'at least one measure', 'R5');
  input.measures.forEach((m, i) => {
    if (!m.text?.trim()) throw new InvalidCommandError(`measures[${i}].text`, 'fehlt', 'is missing', 'R5');
    if (!MEASURE_CATEGORIES.includes(m.category))
      throw new InvalidCommandError(`measures[${i}].category`, 'unbekannt', 'unknown', 'R5');
    if (!isLocalDate(m.dueOn) || m.dueOn < input.concludedOn) {
      throw new InvalidCommandError(
        `measures[${i}].dueOn`,
        'Frist fehlt oder liegt vor dem Abschluss',
        'deadline missing or before the conclusion',
        'R5',
      );
    }
  });
  if (!FINANCING_SOURCES.includes(input.financing?.source)) {
    throw new InvalidCommandError(
      'financing.source',
      'die Finanzierung ist zu regeln',
      'financing must be settled',
      'R5',
    );
  }
  return {
    agreementId: input.agreementId,
    concludedOn: input.concludedOn,
    reviewOn: input.reviewOn,
    goals: input.goals.map((g) => ({ criterion: g.criterion, text: g.text.trim() })),
    measures: input.measures.map((m) => ({ ...m, text: m.text.trim() })),
    financing: { source: input.financing.source, note: input.financing.note?.trim() ?? '' },
    binding: false,
    review: null,
  };
}

export function validateReview(agreement: MunicipalAgreement, review: AgreementReview): AgreementReview {
  if (!isLocalDate(review.reviewedOn) || review.reviewedOn < agreement.concludedOn) {
    throw new InvalidCommandError(
      'reviewedOn',
      'kein Datum oder vor dem Abschluss',
      'not a date or before the conclusion',
    );
  }
  if (!REVIEW_OUTCOMES.includes(review.outcome)) throw new InvalidCommandError('outcome', 'unbekannt', 'unknown');
  if (!review.reasons?.trim())
    throw new InvalidCommandError('reasons', 'die Beurteilung ist zu begründen', 'the outcome needs reasons', 'R5');
  return { reviewedOn: review.reviewedOn, outcome: review.outcome, reasons: review.reasons.trim() };
}
