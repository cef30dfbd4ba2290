import type { LocalDate } from '@si/kernel';
import { DfpaDomainError, invalid } from './dfpa.errors.js';
import { date, integer, list, object, oneOf, text } from './fields.js';

/** IAS impact goals the plan's goals follow (R15). */
export const GOAL_AREAS = ['sprache', 'bildung', 'arbeit', 'soziale-integration'] as const;
/** The regular structures of VIntA Art. 4 a measure may be typed by (R3). */
export const STRUCTURES = [
  'asyl',
  'fruehe-kindheit',
  'schule',
  'berufsbildung',
  'sozialhilfe',
  'arbeitsvermittlung',
  'arbeitslosenversicherung',
  'invalidenversicherung',
  'gesundheit',
  'einbuergerung',
] as const;
/** KIP 3 Förderbereiche, for reporting and subsidies to count measures by. */
export const KIP_AREAS = [
  'information-beratung',
  'diskriminierungsschutz',
  'sprache',
  'fruehe-kindheit',
  'ausbildungs-arbeitsmarktfaehigkeit',
  'dolmetschen',
  'zusammenleben',
] as const;
export const MEASURE_STATUS = ['planned', 'running', 'ended', 'cancelled'] as const;
export const REVIEW_OUTCOMES = ['achieved', 'on-track', 'partly', 'not-achieved'] as const;

export interface PlanGoal {
  readonly area: (typeof GOAL_AREAS)[number];
  readonly target: string;
  readonly dueOn: LocalDate;
}

/** The individual plan (individueller Hilfsplan, § 148 SG): goals along the IAS goals and the next review. */
export interface IntegrationPlan {
  readonly version: number;
  readonly agreedOn: LocalDate;
  readonly goals: readonly PlanGoal[];
  readonly reviewOn: LocalDate;
}

/** A measure: by structure (R3) or an offer of the Angebotsplattform; provider, period, status, cost in Rappen. */
export interface Measure {
  readonly measureId: string;
  readonly goalArea: (typeof GOAL_AREAS)[number];
  readonly structure: (typeof STRUCTURES)[number] | null;
  readonly offerId: string | null;
  readonly kipArea: (typeof KIP_AREAS)[number];
  readonly title: string;
  readonly provider: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly status: (typeof MEASURE_STATUS)[number];
  readonly costRappen: number;
  readonly endedOn: LocalDate | null;
}

export interface PlanReview {
  readonly reviewedOn: LocalDate;
  readonly outcome: (typeof REVIEW_OUTCOMES)[number];
  readonly reasons: string;
  readonly nextReviewOn: LocalDate | null;
}

export function validatePlan(raw: unknown, version: number): IntegrationPlan {
  const p = object('plan', raw);
  const agreedOn = date('agreedOn', p['agreedOn']);
  const goals = list('goals', p['goals'], 20, (item, f) => {
    const g = object(f, item);
    return {
      area: oneOf(`${f}.area`, g['area'], GOAL_AREAS, 'R16'),
      target: text(`${f}.target`, g['target'], 500),
      dueOn: date(`${f}.dueOn`, g['dueOn']),
    };
  });
  if (goals.length === 0) throw invalid('goals', 'mindestens ein Ziel', 'at least one goal', 'R16');
  const reviewOn = date('reviewOn', p['reviewOn']);
  if (reviewOn <= agreedOn)
    throw invalid('reviewOn', 'muss nach der Vereinbarung liegen', 'must lie after the agreement', 'R16');
  return { version, agreedOn, goals, reviewOn };
}

export function validateMeasure(raw: unknown, measureId: string): Measure {
  const m = object('measure', raw);
  const structure =
    m['structure'] === undefined || m['structure'] === null
      ? null
      : oneOf('structure', m['structure'], STRUCTURES, 'R3');
  const offerId = m['offerId'] === undefined || m['offerId'] === null ? null : text('offerId', m['offerId'], 100);
  if ((structure === null) === (offerId === null)) {
    throw new DfpaDomainError(
      'R3',
      'measure-type',
      {
        de: 'Eine Massnahme nennt entweder eine Regelstruktur (VIntA Art. 4) oder ein Angebot der Angebotsplattform.',
        en: 'A measure names either a regular structure (VIntA Art. 4) or an offer of the Angebotsplattform.',
      },
      'unprocessable',
      { field: 'structure' },
    );
  }
  const from = date('from', m['from']);
  const to = date('to', m['to'], 'DF3');
  if (to < from) throw invalid('to', 'vor dem Beginn', 'before the start', 'DF3');
  const status = oneOf('status', m['status'] ?? 'planned', MEASURE_STATUS);
  if (status === 'ended' || status === 'cancelled')
    throw invalid('status', 'neue Massnahmen sind geplant oder laufend', 'new measures are planned or running');
  return {
    measureId,
    goalArea: oneOf('goalArea', m['goalArea'], GOAL_AREAS, 'R16'),
    structure,
    offerId,
    kipArea: oneOf('kipArea', m['kipArea'], KIP_AREAS),
    title: text('title', m['title'], 200),
    provider: text('provider', m['provider'], 200),
    from,
    to,
    status,
    costRappen: integer('costRappen', m['costRappen'], 0, 100_000_000, 'DF3'),
    endedOn: null,
  };
}

export function validateReview(raw: unknown, plan: IntegrationPlan): PlanReview {
  const r = object('review', raw);
  const reviewedOn = date('reviewedOn', r['reviewedOn']);
  if (reviewedOn < plan.agreedOn)
    throw invalid('reviewedOn', 'vor der Vereinbarung des Plans', 'before the plan was agreed');
  const nextReviewOn =
    r['nextReviewOn'] === undefined || r['nextReviewOn'] === null ? null : date('nextReviewOn', r['nextReviewOn']);
  if (nextReviewOn && nextReviewOn <= reviewedOn)
    throw invalid('nextReviewOn', 'muss nach der Überprüfung liegen', 'must lie after the review');
  return {
    reviewedOn,
    outcome: oneOf('outcome', r['outcome'], REVIEW_OUTCOMES),
    reasons: text('reasons', r['reasons'], 2000),
    nextReviewOn,
  };
}
