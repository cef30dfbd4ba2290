import { one } from '../cases/form-spec.js';
import type { DfpaCase } from './dfpa.api.js';
import { active, date, words, type DfpaAction } from './dfpa-action.js';
import { ASSESSMENT_KINDS, CEFR, COUNTRIES, EMPLOYABILITY, EVIDENCE, HEALTH, RECOGNITION } from './dfpa-options.js';

/**
 * The potential assessment (R9, R19b, R22) as a form: each save is a new version. Languages without their own date
 * take the assessment's; health constraints go only when a restriction is stated (the service keeps them apart).
 */
export const ASSESSMENT_ACTION: DfpaAction<DfpaCase> = {
  id: 'abklaerung',
  title: 'dfpa.action.assessment',
  group: 'abklaerung',
  path: '/assessments',
  available: active,
  fields: () => [
    {
      kind: 'select',
      name: 'kind',
      label: 'dfpa.form.assessmentKind',
      options: ASSESSMENT_KINDS,
      required: true,
      empty: 'form.choose',
    },
    date('assessedOn', 'dfpa.form.assessedOn'),
    {
      kind: 'rows',
      name: 'languages',
      label: 'dfpa.form.languages',
      count: 3,
      hint: 'dfpa.form.languagesHint',
      fields: [
        { kind: 'language', name: 'language', label: 'form.skillLanguage' },
        { kind: 'select', name: 'oral', label: 'form.oral', options: CEFR, empty: 'form.choose' },
        { kind: 'select', name: 'written', label: 'form.written', options: CEFR, empty: 'form.choose' },
        { kind: 'select', name: 'evidence', label: 'dfpa.form.evidence', options: EVIDENCE, empty: 'form.choose' },
        { kind: 'date', name: 'assessedOn', label: 'dfpa.form.languageAssessedOn' },
      ],
    },
    {
      kind: 'number',
      name: 'yearsOfSchooling',
      label: 'dfpa.form.yearsOfSchooling',
      min: 0,
      max: 30,
      required: true,
    },
    {
      kind: 'fieldset',
      name: 'literacy',
      label: 'dfpa.form.literacy',
      fields: [
        { kind: 'checkbox', name: 'anyScript', label: 'dfpa.form.anyScript' },
        { kind: 'checkbox', name: 'latinScript', label: 'dfpa.form.latinScript' },
      ],
    },
    {
      kind: 'rows',
      name: 'qualifications',
      label: 'dfpa.form.qualifications',
      count: 2,
      hint: 'dfpa.form.emptyRowsHint',
      fields: [
        { kind: 'text', name: 'title', label: 'dfpa.form.qualificationTitle' },
        { kind: 'select', name: 'country', label: 'dfpa.form.country', options: COUNTRIES(), empty: 'form.choose' },
        { kind: 'number', name: 'years', label: 'dfpa.form.years', min: 0, max: 20 },
        {
          kind: 'select',
          name: 'recognition',
          label: 'dfpa.form.recognition',
          options: RECOGNITION,
          empty: 'form.choose',
        },
      ],
    },
    {
      kind: 'rows',
      name: 'workExperience',
      label: 'dfpa.form.workExperience',
      count: 2,
      hint: 'dfpa.form.emptyRowsHint',
      fields: [
        { kind: 'text', name: 'field', label: 'dfpa.form.workField' },
        { kind: 'number', name: 'years', label: 'dfpa.form.years', min: 0, max: 60 },
      ],
    },
    {
      kind: 'fieldset',
      name: 'family',
      label: 'dfpa.form.family',
      fields: [
        { kind: 'text', name: 'childrenAges', label: 'dfpa.form.childrenAges', hint: 'dfpa.form.childrenAgesHint' },
        { kind: 'checkbox', name: 'childcareNeeded', label: 'dfpa.form.childcareNeeded' },
        { kind: 'checkbox', name: 'childcareArranged', label: 'dfpa.form.childcareArranged' },
      ],
    },
    {
      kind: 'fieldset',
      name: 'employability',
      label: 'dfpa.form.employability',
      hint: 'dfpa.form.employabilityHint',
      fields: [
        {
          kind: 'select',
          name: 'status',
          label: 'dfpa.form.employabilityStatus',
          options: EMPLOYABILITY,
          required: true,
          empty: 'form.choose',
        },
        { kind: 'date', name: 'assessedOn', label: 'dfpa.form.employabilityOn', today: true },
      ],
    },
    {
      kind: 'rows',
      name: 'goals',
      label: 'dfpa.form.personGoals',
      count: 3,
      hint: 'dfpa.form.emptyRowsHint',
      fields: [{ kind: 'text', name: 'text', label: 'dfpa.form.personGoal' }],
    },
    {
      kind: 'fieldset',
      name: 'health',
      label: 'dfpa.form.health',
      hint: 'dfpa.form.healthHint',
      fields: [
        {
          kind: 'select',
          name: 'restriction',
          label: 'dfpa.form.healthRestriction',
          options: HEALTH,
          empty: 'dfpa.form.noStatement',
        },
        { kind: 'number', name: 'workCapacityPercent', label: 'dfpa.form.workCapacity', min: 0, max: 100 },
        { kind: 'textarea', name: 'note', label: 'dfpa.form.healthNote' },
      ],
    },
  ],
  finish: (body, form) => {
    const assessedOn = body['assessedOn'];
    const languages = (Array.isArray(body['languages']) ? body['languages'] : []).map((l: Record<string, unknown>) =>
      l['assessedOn'] ? l : { ...l, assessedOn },
    );
    const family = (body['family'] ?? {}) as Record<string, unknown>;
    const ages = one(form['family.childrenAges']);
    const health = body['health'] as Record<string, unknown> | undefined;
    const { health: _h, ...rest } = body;
    return {
      ...rest,
      languages,
      goals: words(body['goals']),
      family: {
        ...family,
        childrenAges: ages
          ? ages
              .split(/[\s,;]+/)
              .filter(Boolean)
              .map(Number)
          : [],
      },
      ...(health?.['restriction'] ? { health } : {}),
    };
  },
};
