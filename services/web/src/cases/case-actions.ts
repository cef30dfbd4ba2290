import type { WebRole } from '../auth/session.js';
import { formatDate } from '../i18n/format.js';
import type { CaseDetail } from './case.api.js';
import { many, one, type Field, type FormInput, type Option } from './form-spec.js';

/**
 * Every action case-management offers on a case, as a form: its route (with `{param}` taken from a form
 * field), who may do it, and its fields named by the JSON path of the service's DTO. The service decides;
 * these forms only collect. `available` hides what the case's state makes pointless (the domain still
 * refuses anything else with its rule).
 */
export interface CaseAction {
  id: string;
  title: string;
  group: 'informieren' | 'foerdern' | 'fordern' | 'sanktionieren' | 'case';
  roles: readonly WebRole[];
  path: string;
  fields: (c: CaseDetail) => readonly Field[];
  available?: (c: CaseDetail) => boolean;
  /** Adjusts the body where a form field does not map 1:1 (referral targets, a report's agreement). */
  finish?: (body: Record<string, unknown>, form: FormInput, c: CaseDetail) => Record<string, unknown>;
  /** A warning shown in the form before submitting (catalogue key), when it applies. */
  warning?: (c: CaseDetail) => string | null;
}

const opts = (prefix: string, values: readonly string[]): Option[] =>
  values.map((v) => ({ value: v, label: `${prefix}.${v}` }));
export const CEFR = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
const CEFR_OPTIONS: Option[] = CEFR.map(
  (v) => ({ value: v, label: v === 'none' ? 'cefr.none' : 'cefr.level', text: v === 'none' ? undefined : v }) as Option,
);
const SUPPORT = opts('supportNeed', ['none', 'some', 'special']);
export const STRUCTURES = [
  'specific-integration-promotion',
  'asylum',
  'early-childhood',
  'school',
  'vocational-training',
  'social-services',
  'employment-services',
  'disability-insurance',
  'health',
  'naturalisation',
] as const;
const STRUCTURE_OPTIONS = opts('structure', STRUCTURES);
const CATEGORIES = opts('category', ['language', 'education-work', 'social', 'other']);
const ASSESSMENTS = opts('assessment', ['met', 'partly-met', 'not-met', 'not-assessed']);
const CRITERIA = opts('criterion', ['a', 'b', 'c', 'd']);
const FINANCING = opts('financing', ['person', 'municipality', 'canton', 'third-party', 'free-of-charge']);
const OUTCOMES = opts('outcome', ['fulfilled', 'partly-fulfilled', 'not-fulfilled']);
const REASONS = opts('reportReason', ['agreement-not-fulfilled', 'integration-refused', 'other']);
const DECISIONS = opts('decision', ['binding-agreement', 'recommendation', 'measure', 'no-action']);
const MEASURES = opts('measureKind', [
  'permit-conditions',
  'renewal-refused',
  'revocation',
  'downgrade',
  'family-reunification-refused',
  'other',
]);
const REFERRAL_STATUS = opts('referralStatus', [
  'agreed',
  'started',
  'completed',
  'not-taken-up',
  'discontinued',
  'cancelled',
]);

const date = (name: string, label: string): Field => ({ kind: 'date', name, label, required: true, today: true });
const interpreter: Field = {
  kind: 'fieldset',
  name: 'interpreter',
  label: 'form.interpreter',
  fields: [
    { kind: 'checkbox', name: 'used', label: 'form.interpreterUsed' },
    { kind: 'language', name: 'language', label: 'form.interpreterLanguage', hint: 'form.interpreterLanguageHint' },
  ],
};
const pending = (c: CaseDetail) => c.firstInformation?.outcome === 'pending';
const openReports = (c: CaseDetail) => (c.reports ?? []).filter((r) => r.status !== 'decided');
const reportOptions = (c: CaseDetail): Option[] =>
  openReports(c).map((r) => ({ value: r.reportId, label: 'form.reportOf', text: formatDate(r.reportedOn) }));

export const CASE_ACTIONS: readonly CaseAction[] = [
  {
    id: 'erstinformationsgespraech',
    title: 'action.firstInformationTalk',
    group: 'informieren',
    roles: ['gemeinde'],
    path: '/first-information/talk',
    available: pending,
    fields: (c) => [
      date('heldOn', 'form.heldOn'),
      { kind: 'text', name: 'place', label: 'form.place', required: true },
      { kind: 'number', name: 'durationMinutes', label: 'form.durationMinutes', min: 1, max: 600, required: true },
      interpreter,
      {
        kind: 'fieldset',
        name: 'topics',
        label: 'form.art8Topics',
        hint: 'form.art8Hint',
        fields: [
          { kind: 'checkbox', name: 'languageEducationWork', label: 'form.topicA' },
          { kind: 'checkbox', name: 'languageOffers', label: 'form.topicB' },
          { kind: 'checkbox', name: 'legalOrderAndNorms', label: 'form.topicC' },
        ],
      },
      {
        kind: 'rows',
        name: 'languageSkills',
        label: 'form.languageSkills',
        count: 3,
        hint: 'form.languageSkillsHint',
        fields: [
          { kind: 'language', name: 'language', label: 'form.skillLanguage' },
          { kind: 'select', name: 'oral', label: 'form.oral', options: CEFR_OPTIONS, empty: 'form.choose' },
          { kind: 'select', name: 'written', label: 'form.written', options: CEFR_OPTIONS, empty: 'form.choose' },
        ],
      },
      { kind: 'radio', name: 'supportNeed', label: 'form.supportNeed', options: SUPPORT },
      { kind: 'checks', name: 'offersRecommended', label: 'form.offersRecommended', options: STRUCTURE_OPTIONS },
      ...((c.household ?? []).filter((m) => m.firstInformation === 'pending').length
        ? [
            {
              kind: 'checks',
              name: 'householdCaseIds',
              label: 'form.householdCases',
              options: (c.household ?? [])
                .filter((m) => m.firstInformation === 'pending')
                .map((m) => ({
                  value: m.id,
                  label: 'form.householdMember',
                  text: `${m.officialName}, ${m.firstName}`,
                })),
            } as Field,
          ]
        : []),
    ],
    finish: (body, form) => ({
      ...body,
      offersRecommended: many(form['offersRecommended']).map((structure) => ({ kind: 'regular-structure', structure })),
      ...(many(form['householdCaseIds']).length ? { householdCaseIds: many(form['householdCaseIds']) } : {}),
    }),
  },
  {
    id: 'erstinformationsmappe',
    title: 'action.infoFolder',
    group: 'informieren',
    roles: ['gemeinde'],
    path: '/first-information/info-folder',
    available: pending,
    fields: () => [
      date('handedOutOn', 'form.handedOutOn'),
      { kind: 'language', name: 'language', label: 'form.folderLanguage', required: true },
    ],
  },
  {
    id: 'nichterscheinen',
    title: 'action.noShow',
    group: 'informieren',
    roles: ['gemeinde'],
    path: '/first-information/no-shows',
    available: pending,
    fields: () => [
      date('missedOn', 'form.missedOn'),
      { kind: 'date', name: 'reinvitedFor', label: 'form.reinvitedFor' },
    ],
  },
  {
    id: 'verweigerung',
    title: 'action.refusal',
    group: 'informieren',
    roles: ['gemeinde'],
    path: '/first-information/refusal',
    available: pending,
    fields: () => [
      date('on', 'form.refusedOn'),
      { kind: 'textarea', name: 'note', label: 'form.note', required: true },
    ],
  },
  {
    id: 'zuweisung',
    title: 'action.referral',
    group: 'foerdern',
    roles: ['gemeinde'],
    path: '/referrals',
    fields: () => [
      date('madeOn', 'form.madeOn'),
      {
        kind: 'select',
        name: 'category',
        label: 'form.category',
        options: CATEGORIES,
        required: true,
        empty: 'form.choose',
      },
      { kind: 'text', name: 'measure', label: 'form.measure', required: true },
      // Named as the service's body path, so that its refusal (CM8, details.field target.offerId) lands here.
      { kind: 'offer', name: 'target.offerId', label: 'form.offerId' },
      // Name and contact go to the offer's provider only with the person's consent (offers only).
      { kind: 'checkbox', name: 'disclosureConsent', label: 'providerOffers.referralForm.disclosureConsent' },
      { kind: 'select', name: 'structure', label: 'form.structure', options: STRUCTURE_OPTIONS, empty: 'form.none' },
      { kind: 'text', name: 'targetText', label: 'form.targetText' },
    ],
    finish: (body, form) => {
      const { target: _o, structure: _s, targetText: _t, disclosureConsent: consent, ...rest } = body;
      const offerId = one(form['target.offerId']);
      const structure = one(form['structure']);
      const target = offerId
        ? { kind: 'offer', offerId }
        : structure
          ? { kind: 'regular-structure', structure }
          : { kind: 'free-text', text: one(form['targetText']) };
      return { ...rest, target, ...(consent === true ? { disclosureConsent: true } : {}) };
    },
  },
  {
    id: 'zuweisung-status',
    title: 'action.referralStatus',
    group: 'foerdern',
    roles: ['gemeinde'],
    path: '/referrals/{referralId}/status',
    available: (c) => (c.referrals ?? []).length > 0,
    fields: (c) => [
      {
        kind: 'select',
        name: 'referralId',
        label: 'form.referral',
        required: true,
        options: (c.referrals ?? []).map((r) => ({
          value: r.referralId,
          label: 'form.referralOf',
          text: r.measure ?? r.referralId,
        })),
      },
      {
        kind: 'select',
        name: 'status',
        label: 'form.newStatus',
        options: REFERRAL_STATUS,
        required: true,
        empty: 'form.choose',
      },
      date('on', 'form.changedOn'),
      { kind: 'textarea', name: 'reason', label: 'form.reason' },
    ],
  },
  {
    id: 'integrationsgespraech',
    title: 'action.integrationTalk',
    group: 'fordern',
    roles: ['gemeinde'],
    path: '/integration-talks',
    fields: () => [
      date('heldOn', 'form.heldOn'),
      { kind: 'text', name: 'place', label: 'form.place', required: true },
      { kind: 'number', name: 'durationMinutes', label: 'form.durationMinutes', min: 1, max: 600, required: true },
      interpreter,
      {
        kind: 'fieldset',
        name: 'assessment',
        label: 'form.art58a',
        hint: 'form.art58aHint',
        fields: [
          { kind: 'select', name: 'a', label: 'criterion.a', options: ASSESSMENTS, required: true },
          { kind: 'select', name: 'b', label: 'criterion.b', options: ASSESSMENTS, required: true },
          { kind: 'select', name: 'c', label: 'criterion.c', options: ASSESSMENTS, required: true },
          { kind: 'select', name: 'd', label: 'criterion.d', options: ASSESSMENTS, required: true },
        ],
      },
      abs2Fieldset('abs2'),
      { kind: 'textarea', name: 'notes', label: 'form.notes' },
    ],
  },
  {
    id: 'abs2',
    title: 'action.abs2',
    group: 'fordern',
    roles: ['gemeinde'],
    path: '/abs2-considerations',
    fields: () => [date('on', 'form.consideredOn'), ...abs2Fields()],
  },
  {
    id: 'vereinbarung',
    title: 'action.agreement',
    group: 'fordern',
    roles: ['gemeinde'],
    path: '/agreements',
    fields: () => [
      date('concludedOn', 'form.concludedOn'),
      {
        kind: 'rows',
        name: 'goals',
        label: 'form.goals',
        count: 3,
        fields: [
          { kind: 'select', name: 'criterion', label: 'form.criterion', options: CRITERIA, empty: 'form.choose' },
          { kind: 'text', name: 'text', label: 'form.goal' },
        ],
      },
      {
        kind: 'rows',
        name: 'measures',
        label: 'form.measures',
        count: 3,
        fields: [
          { kind: 'text', name: 'text', label: 'form.measure' },
          { kind: 'select', name: 'category', label: 'form.category', options: CATEGORIES, empty: 'form.choose' },
          { kind: 'date', name: 'dueOn', label: 'form.dueOn' },
        ],
      },
      {
        kind: 'fieldset',
        name: 'financing',
        label: 'form.financing',
        fields: [
          {
            kind: 'select',
            name: 'source',
            label: 'form.financingSource',
            options: FINANCING,
            required: true,
            empty: 'form.choose',
          },
          { kind: 'text', name: 'note', label: 'form.financingNote', required: true },
        ],
      },
      { kind: 'date', name: 'reviewOn', label: 'form.reviewOn', required: true },
    ],
  },
  {
    id: 'vereinbarung-pruefung',
    title: 'action.agreementReview',
    group: 'fordern',
    roles: ['gemeinde'],
    path: '/agreements/{agreementId}/review',
    available: (c) => (c.agreements ?? []).length > 0,
    fields: (c) => [
      {
        kind: 'select',
        name: 'agreementId',
        label: 'form.agreement',
        required: true,
        options: (c.agreements ?? []).map((a) => ({
          value: a.agreementId,
          label: 'form.agreementOf',
          text: formatDate(a.concludedOn),
        })),
      },
      date('reviewedOn', 'form.reviewedOn'),
      { kind: 'radio', name: 'outcome', label: 'form.outcome', options: OUTCOMES },
      { kind: 'textarea', name: 'reasons', label: 'form.reasons', required: true },
    ],
  },
  {
    id: 'meldung',
    title: 'action.report',
    group: 'sanktionieren',
    roles: ['gemeinde'],
    path: '/migrationsamt-reports',
    fields: (c) => [
      date('reportedOn', 'form.reportedOn'),
      {
        kind: 'fieldset',
        name: 'reason',
        label: 'form.reportReason',
        fields: [
          { kind: 'radio', name: 'kind', label: 'form.reportReasonKind', options: REASONS },
          {
            kind: 'select',
            name: 'agreementId',
            label: 'form.agreementNotFulfilled',
            empty: 'form.none',
            options: (c.agreements ?? []).map((a) => ({
              value: a.agreementId,
              label: 'form.agreementOf',
              text: formatDate(a.concludedOn),
            })),
          },
          { kind: 'textarea', name: 'statement', label: 'form.statement', required: true },
        ],
      },
    ],
  },
  {
    id: 'ma-pruefung',
    title: 'action.maReview',
    group: 'sanktionieren',
    roles: ['migrationsamt'],
    path: '/migrationsamt-reports/{reportId}/review',
    available: (c) => openReports(c).some((r) => r.status === 'reported'),
    fields: (c) => [
      { kind: 'select', name: 'reportId', label: 'form.report', options: reportOptions(c), required: true },
      date('reviewedOn', 'form.reviewedOn'),
      { kind: 'textarea', name: 'notes', label: 'form.reviewNotes', required: true },
    ],
  },
  {
    id: 'ma-entscheid',
    title: 'action.maDecision',
    group: 'sanktionieren',
    roles: ['migrationsamt'],
    path: '/migrationsamt-reports/{reportId}/decision',
    available: (c) => openReports(c).length > 0,
    warning: (c) => (c.person?.euEfta ? 'form.warnEuEfta' : c.person?.familyOfSwiss ? 'form.warnFamilyOfSwiss' : null),
    fields: (c) => [
      { kind: 'select', name: 'reportId', label: 'form.report', options: reportOptions(c), required: true },
      date('decidedOn', 'form.decidedOn'),
      { kind: 'radio', name: 'kind', label: 'form.decisionKind', options: DECISIONS },
      { kind: 'select', name: 'measureKind', label: 'form.measureKind', options: MEASURES, empty: 'form.none' },
      {
        kind: 'rows',
        name: 'goals',
        label: 'form.goals',
        count: 2,
        fields: [
          { kind: 'select', name: 'criterion', label: 'form.criterion', options: CRITERIA, empty: 'form.choose' },
          { kind: 'text', name: 'text', label: 'form.goal' },
        ],
      },
      { kind: 'date', name: 'dueOn', label: 'form.dueOn' },
      { kind: 'textarea', name: 'statement', label: 'form.decisionStatement', required: true },
    ],
  },
  {
    id: 'familie-ch',
    title: 'action.familyOfSwiss',
    group: 'sanktionieren',
    roles: ['gemeinde', 'migrationsamt'],
    path: '/family-of-swiss',
    fields: () => [
      { kind: 'checkbox', name: 'familyOfSwiss', label: 'form.familyOfSwiss' },
      { kind: 'textarea', name: 'reason', label: 'form.reason', required: true },
    ],
  },
  {
    id: 'dfpa',
    title: 'action.dfpaHandover',
    group: 'case',
    roles: ['gemeinde', 'ags'],
    path: '/dfpa-handover',
    available: (c) => c.status === 'open',
    fields: () => [
      { kind: 'textarea', name: 'reason', label: 'form.handoverReason', required: true },
      {
        kind: 'fieldset',
        name: 'contact',
        label: 'form.contact',
        fields: [
          { kind: 'text', name: 'name', label: 'form.contactName' },
          { kind: 'text', name: 'email', label: 'form.contactEmail' },
          { kind: 'text', name: 'phone', label: 'form.contactPhone' },
        ],
      },
    ],
    finish: (body) => {
      const contact = body['contact'] as Record<string, unknown> | undefined;
      return contact && contact['name'] ? body : { reason: body['reason'] };
    },
  },
  {
    id: 'frist-sistieren',
    title: 'action.suspendDeadline',
    group: 'case',
    roles: ['gemeinde', 'ags'],
    path: '/first-information-deadline/suspension',
    available: (c) => c.firstInformationDeadline.status !== 'met' && c.firstInformationDeadline.status !== 'suspended',
    fields: () => [
      date('since', 'form.since'),
      { kind: 'textarea', name: 'reason', label: 'form.reason', required: true },
    ],
  },
  {
    id: 'frist-fortsetzen',
    title: 'action.resumeDeadline',
    group: 'case',
    roles: ['gemeinde', 'ags'],
    path: '/first-information-deadline/resumption',
    available: (c) => c.firstInformationDeadline.status === 'suspended',
    fields: () => [date('on', 'form.resumedOn')],
  },
  {
    id: 'frist-verlaengern',
    title: 'action.extendDeadline',
    group: 'case',
    roles: ['gemeinde', 'ags'],
    path: '/first-information-deadline/extension',
    available: (c) => c.firstInformationDeadline.status !== 'met',
    fields: () => [
      { kind: 'date', name: 'to', label: 'form.newDue', required: true },
      { kind: 'textarea', name: 'reason', label: 'form.reason', required: true },
    ],
  },
  {
    id: 'abschluss',
    title: 'action.close',
    group: 'case',
    roles: ['gemeinde'],
    path: '/closure',
    fields: () => [
      date('on', 'form.closedOn'),
      { kind: 'textarea', name: 'note', label: 'form.closeNote', required: true },
    ],
  },
];

function abs2Fields(): Field[] {
  return [
    { kind: 'checkbox', name: 'considered', label: 'form.abs2Considered' },
    { kind: 'checkbox', name: 'disability', label: 'form.abs2Disability' },
    { kind: 'checkbox', name: 'illness', label: 'form.abs2Illness' },
    { kind: 'checkbox', name: 'otherWeightyCircumstances', label: 'form.abs2Other' },
    { kind: 'textarea', name: 'assessment', label: 'form.abs2Assessment', keep: true, hint: 'form.abs2AssessmentHint' },
  ];
}

function abs2Fieldset(name: string): Field {
  return { kind: 'fieldset', name, label: 'form.abs2', hint: 'form.abs2Hint', fields: abs2Fields() };
}

/** The actions a role may take on this case now. */
export function actionsFor(c: CaseDetail, roles: readonly WebRole[]): CaseAction[] {
  if (c.status === 'closed') return [];
  return CASE_ACTIONS.filter((a) => a.roles.some((r) => roles.includes(r)) && (a.available?.(c) ?? true));
}

/** The service path of an action: `{param}` comes from the form (and leaves the body). */
export function actionPath(
  action: Pick<CaseAction, 'path'>,
  caseId: string,
  body: Record<string, unknown>,
): { path: string; body: Record<string, unknown> } {
  const rest = { ...body };
  const path = action.path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = String(rest[key] ?? '');
    delete rest[key];
    return encodeURIComponent(v);
  });
  return { path: `/api/v1/cases/${encodeURIComponent(caseId)}${path}`, body: rest };
}
