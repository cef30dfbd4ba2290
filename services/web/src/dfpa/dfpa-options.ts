import type { Option } from '../cases/form-spec.js';
import { countryOptions } from '../shared/reference-data.js';

/** The dfpa service's value lists (services/dfpa/src/dfpa/domain) as form options; labels are catalogue keys. */
const opts = (prefix: string, values: readonly string[]): Option[] =>
  values.map((v) => ({ value: v, label: `${prefix}.${v}` }));

export const CEFR_LEVELS = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'unknown'] as const;
export const CEFR: Option[] = CEFR_LEVELS.map((v) =>
  v === 'none'
    ? { value: v, label: 'cefr.none' }
    : v === 'unknown'
      ? { value: v, label: 'dfpa.cefrUnknown' }
      : { value: v, label: '', text: v },
);
export const ASSESSMENT_KINDS = opts('dfpa.assessmentKind', [
  'kurzassessment',
  'praxisassessment',
  'kompetenzerfassung',
  'standortbestimmung',
]);
export const EVIDENCE = opts('dfpa.evidence', ['self-declared', 'assessed', 'fide', 'certificate']);
export const RECOGNITION = opts('dfpa.recognition', [
  'none',
  'pending',
  'niveaubestaetigung',
  'anerkennung',
  'refused',
]);
export const EMPLOYABILITY = opts('dfpa.employability', ['arbeitsmarktfaehig', 'ausbildungsfaehig', 'not-yet', 'open']);
export const HEALTH = opts('dfpa.healthRestriction', ['none', 'medically-confirmed', 'under-clarification']);
export const GOAL_AREAS = opts('dfpa.goalArea', ['sprache', 'bildung', 'arbeit', 'soziale-integration']);
export const STRUCTURES = opts('dfpa.structure', [
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
]);
export const KIP_AREAS = opts('dfpa.kipArea', [
  'information-beratung',
  'diskriminierungsschutz',
  'sprache',
  'fruehe-kindheit',
  'ausbildungs-arbeitsmarktfaehigkeit',
  'dolmetschen',
  'zusammenleben',
]);
export const NEW_MEASURE_STATUS = opts('dfpa.measureStatus', ['planned', 'running']);
export const MEASURE_CHANGE = opts('dfpa.measureStatus', ['running', 'ended', 'cancelled']);
export const REVIEW_OUTCOMES = opts('dfpa.reviewOutcome', ['achieved', 'on-track', 'partly', 'not-achieved']);
export const PLACEMENTS = opts('dfpa.placementKind', ['employment', 'apprenticeship', 'internship', 'training']);
export const RETURN_REASONS = opts('dfpa.returnReason', [
  'goals-reached',
  'no-further-need',
  'person-not-cooperating',
  'person-moved',
  'other',
]);
export const EXIT_REASONS = opts('dfpa.exitReason', ['departure', 'naturalisation', 'death', 'goals-reached', 'other']);
export const REJECT_REASONS = opts('dfpa.rejectReason', [
  'not-responsible',
  'not-in-target-group',
  'incomplete-information',
  'capacity',
  'other',
]);
export const SEX = opts('sex', ['female', 'male', 'unknown']);

let countries: Option[] | undefined;
/** ISO alpha-2 countries (the service wants alpha-2 for a qualification's country). */
export const COUNTRIES = (): Option[] =>
  (countries ??= countryOptions()
    .filter((c) => /^[A-Z]{2}$/.test(c.code))
    .map((c) => ({ value: c.code, label: '', text: c.name })));
