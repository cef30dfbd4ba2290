import type { LocalDate } from '@si/kernel';
import { date, integer, list, notAfter, object, oneOf, text } from './fields.js';
import { invalid } from './dfpa.errors.js';

export const CEFR_LEVELS = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'unknown'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];
export const ASSESSMENT_KINDS = [
  'kurzassessment',
  'praxisassessment',
  'kompetenzerfassung',
  'standortbestimmung',
] as const;
export const LANGUAGE_EVIDENCE = ['self-declared', 'assessed', 'fide', 'certificate'] as const;
export const RECOGNITION = ['none', 'pending', 'niveaubestaetigung', 'anerkennung', 'refused'] as const;
export const EMPLOYABILITY = ['arbeitsmarktfaehig', 'ausbildungsfaehig', 'not-yet', 'open'] as const;
export const HEALTH_RESTRICTION = ['none', 'medically-confirmed', 'under-clarification'] as const;

/** Per language, oral and written apart, with how and when (R9). */
export interface LanguageSkill {
  readonly language: string;
  readonly oral: CefrLevel;
  readonly written: CefrLevel;
  readonly evidence: (typeof LANGUAGE_EVIDENCE)[number];
  readonly assessedOn: LocalDate;
}

/**
 * The potential assessment (Potenzialabklärung) without health: what the region's staff and the pseudonymous
 * events may see (languages, schooling, literacy, employability; never the goals' free text in events).
 */
export interface Assessment {
  readonly kind: (typeof ASSESSMENT_KINDS)[number];
  readonly assessedOn: LocalDate;
  readonly languages: readonly LanguageSkill[];
  readonly yearsOfSchooling: number;
  readonly literacy: { readonly anyScript: boolean; readonly latinScript: boolean };
  readonly qualifications: readonly {
    title: string;
    country: string;
    years: number;
    recognition: (typeof RECOGNITION)[number];
  }[];
  readonly workExperience: readonly { field: string; years: number }[];
  readonly family: {
    readonly childrenAges: readonly number[];
    readonly childcareNeeded: boolean;
    readonly childcareArranged: boolean;
  };
  readonly employability: { readonly status: (typeof EMPLOYABILITY)[number]; readonly assessedOn: LocalDate | null };
  readonly goals: readonly string[];
}

/**
 * Health constraints (R22): kept in its own table, shown only to the case's own caseworkers, never in events,
 * exports to others or logs. A restriction and a work capacity, never a diagnosis.
 */
export interface HealthConstraints {
  readonly restriction: (typeof HEALTH_RESTRICTION)[number];
  readonly workCapacityPercent: number | null;
  readonly note: string | null;
}

const bool = (field: string, v: unknown): boolean => {
  if (typeof v !== 'boolean') throw invalid(field, 'ja/nein fehlt', 'yes/no missing');
  return v;
};

export function validateAssessment(raw: unknown, today: LocalDate): Assessment {
  const a = object('assessment', raw);
  const assessedOn = notAfter('assessedOn', date('assessedOn', a['assessedOn']), today);
  const languages = list('languages', a['languages'], 20, (item, f) => {
    const l = object(f, item);
    const language = text(`${f}.language`, l['language'], 3);
    if (!/^[a-z]{2,3}$/.test(language))
      throw invalid(`${f}.language`, 'kein ISO-639-Code', 'not an ISO 639 code', 'R9');
    return {
      language,
      oral: oneOf(`${f}.oral`, l['oral'], CEFR_LEVELS, 'R9'),
      written: oneOf(`${f}.written`, l['written'], CEFR_LEVELS, 'R9'),
      evidence: oneOf(`${f}.evidence`, l['evidence'], LANGUAGE_EVIDENCE, 'R9'),
      assessedOn: notAfter(`${f}.assessedOn`, date(`${f}.assessedOn`, l['assessedOn'], 'R9'), today),
    };
  });
  if (languages.length === 0) throw invalid('languages', 'mindestens eine Sprache', 'at least one language', 'R9');
  const literacy = object('literacy', a['literacy']);
  const family = object('family', a['family']);
  const employability = object('employability', a['employability']);
  const status = oneOf('employability.status', employability['status'], EMPLOYABILITY, 'R19b');
  const employableOn =
    employability['assessedOn'] === undefined || employability['assessedOn'] === null
      ? null
      : date('employability.assessedOn', employability['assessedOn'], 'R19b');
  if (status === 'arbeitsmarktfaehig' && !employableOn)
    throw invalid('employability.assessedOn', 'Datum der Beurteilung fehlt', 'date of the assessment missing', 'R19b');
  return {
    kind: oneOf('kind', a['kind'], ASSESSMENT_KINDS),
    assessedOn,
    languages,
    yearsOfSchooling: integer('yearsOfSchooling', a['yearsOfSchooling'], 0, 30),
    literacy: {
      anyScript: bool('literacy.anyScript', literacy['anyScript']),
      latinScript: bool('literacy.latinScript', literacy['latinScript']),
    },
    qualifications: list('qualifications', a['qualifications'] ?? [], 20, (item, f) => {
      const q = object(f, item);
      const country = text(`${f}.country`, q['country'], 2);
      if (!/^[A-Z]{2}$/.test(country))
        throw invalid(`${f}.country`, 'kein ISO-3166-Code', 'not an ISO 3166 alpha-2 code');
      return {
        title: text(`${f}.title`, q['title'], 200),
        country,
        years: integer(`${f}.years`, q['years'] ?? 0, 0, 20),
        recognition: oneOf(`${f}.recognition`, q['recognition'], RECOGNITION),
      };
    }),
    workExperience: list('workExperience', a['workExperience'] ?? [], 20, (item, f) => {
      const w = object(f, item);
      return { field: text(`${f}.field`, w['field'], 200), years: integer(`${f}.years`, w['years'], 0, 60) };
    }),
    family: {
      childrenAges: list('family.childrenAges', family['childrenAges'] ?? [], 20, (v, f) => integer(f, v, 0, 25)),
      childcareNeeded: bool('family.childcareNeeded', family['childcareNeeded']),
      childcareArranged: bool('family.childcareArranged', family['childcareArranged']),
    },
    employability: { status, assessedOn: employableOn },
    goals: list('goals', a['goals'] ?? [], 10, (v, f) => text(f, v, 500)),
  };
}

export function validateHealth(raw: unknown): HealthConstraints | null {
  if (raw === undefined || raw === null) return null;
  const h = object('health', raw);
  return {
    restriction: oneOf('health.restriction', h['restriction'], HEALTH_RESTRICTION, 'R22'),
    workCapacityPercent:
      h['workCapacityPercent'] === undefined || h['workCapacityPercent'] === null
        ? null
        : integer('health.workCapacityPercent', h['workCapacityPercent'], 0, 100, 'R22'),
    note: h['note'] === undefined || h['note'] === null ? null : text('health.note', h['note'], 1000),
  };
}

/** What the pseudonymous event dfpa.assessment-completed.v1 may carry: levels and indicators, no free text. */
export function assessmentIndicators(a: Assessment) {
  return {
    kind: a.kind,
    assessedOn: a.assessedOn,
    languages: a.languages.map((l) => ({ language: l.language, oral: l.oral, written: l.written })),
    schoolingOverSixYears: a.yearsOfSchooling > 6,
    literate: a.literacy.anyScript,
    literateLatin: a.literacy.latinScript,
    workExperienceOverOneYear: a.workExperience.reduce((sum, w) => sum + w.years, 0) > 1,
    employability: a.employability.status,
    employableOn: a.employability.assessedOn,
  };
}
