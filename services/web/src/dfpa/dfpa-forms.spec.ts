import { describe, expect, it } from '@jest/globals';
import { actionPath } from '../cases/case-actions.js';
import { fieldNames, formToBody, problemToErrors, type FormInput } from '../cases/form-spec.js';
import { translator } from '../i18n/i18n.js';
import { renderFragment } from '../shell/render.js';
import type { WebContext } from '../shell/web-context.js';
import type { AssessmentVersion, DfpaCase } from './dfpa.api.js';
import { CASE_ACTIONS, caseActionsFor } from './dfpa-actions.js';
import { DIRECT_CASE } from './intake-actions.js';
import { DfpaCasePage } from './dfpa-case.view.js';
import { InboxList } from './inbox.view.js';
import type { InboxItem } from './dfpa.api.js';
import { CasePage } from '../cases/case.view.js';
import type { CaseDetail } from '../cases/case.api.js';

const ID = '22222222-2222-4222-8222-222222222222';
const action = (id: string) => CASE_ACTIONS.find((a) => a.id === id)!;
const ctx: WebContext = {
  lang: 'de',
  t: translator('de'),
  path: `/dfpa/faelle/${ID}`,
  csrf: 'tok',
  user: { subject: 's', username: 'sr.olten', name: 'Lukas Meier', roles: ['sozialregion'], gemeinden: [] },
};

const assessment: AssessmentVersion = {
  version: 1,
  recordedBy: 'sr.olten',
  recordedAt: '2027-02-10T09:00:00Z',
  kind: 'kurzassessment',
  assessedOn: '2027-02-10',
  languages: [{ language: 'tir', oral: 'C2', written: 'B2', evidence: 'self-declared', assessedOn: '2027-02-10' }],
  yearsOfSchooling: 9,
  literacy: { anyScript: true, latinScript: false },
  qualifications: [],
  workExperience: [],
  family: { childrenAges: [], childcareNeeded: false, childcareArranged: false },
  employability: { status: 'open', assessedOn: null },
  goals: [],
};

const dfpaCase = (patch: Partial<DfpaCase> = {}): DfpaCase => ({
  id: ID,
  dfpaCaseId: ID,
  sozialregionId: 'olten',
  origin: 'handover',
  caseId: '33333333-3333-4333-8333-333333333333',
  municipality: 2581,
  personRef: 'p-1',
  name: 'Tesfay, Senait',
  status: 'active',
  progress: 'plan-active',
  caseworkers: ['sr.olten'],
  openedOn: '2027-02-01',
  nextReviewOn: '2027-08-20',
  handoverId: null,
  person: { officialName: 'Tesfay', firstName: 'Senait', dateOfBirth: '1994-03-08', sex: 'female' },
  plan: { version: 1, agreedOn: '2027-02-20', reviewOn: '2027-08-20', goals: [] },
  measures: [
    {
      measureId: '44444444-4444-4444-8444-444444444444',
      goalArea: 'sprache',
      structure: null,
      offerId: 'offer-1',
      kipArea: 'sprache',
      title: 'Deutschkurs B1',
      provider: 'ECAP',
      from: '2027-03-01',
      to: '2027-07-31',
      status: 'planned',
      costRappen: 180050,
      endedOn: null,
    },
  ],
  reviews: [],
  ravReports: [],
  placements: [],
  exit: null,
  version: 3,
  assessments: [assessment],
  deadlines: [],
  history: [],
  ...patch,
});

describe('DFPA forms → the dfpa service bodies', () => {
  it('an assessment: languages with the assessment day where none is given, ages as numbers, words as strings, health only when stated', () => {
    const a = action('abklaerung');
    const form: FormInput = {
      kind: 'kurzassessment',
      assessedOn: '2027-02-10',
      'languages.0.language': 'tir',
      'languages.0.oral': 'C2',
      'languages.0.written': 'B2',
      'languages.0.evidence': 'self-declared',
      'languages.1.language': 'deu',
      'languages.1.oral': 'A2',
      'languages.1.written': 'A1',
      'languages.1.evidence': 'fide',
      'languages.1.assessedOn': '2027-01-20',
      yearsOfSchooling: '9',
      'literacy.anyScript': 'true',
      'qualifications.0.title': 'Elektriker',
      'qualifications.0.country': 'ER',
      'qualifications.0.years': '3',
      'qualifications.0.recognition': 'pending',
      'family.childrenAges': '3, 6',
      'family.childcareNeeded': 'true',
      'employability.status': 'arbeitsmarktfaehig',
      'employability.assessedOn': '2027-02-10',
      'goals.0.text': 'Lehre als Elektroinstallateur',
      'health.restriction': '',
      'health.note': '',
    };
    const c = dfpaCase();
    const body = a.finish!(formToBody(a.fields(c), form), form, c);
    expect(body).toEqual({
      kind: 'kurzassessment',
      assessedOn: '2027-02-10',
      languages: [
        { language: 'tir', oral: 'C2', written: 'B2', evidence: 'self-declared', assessedOn: '2027-02-10' },
        { language: 'deu', oral: 'A2', written: 'A1', evidence: 'fide', assessedOn: '2027-01-20' },
      ],
      yearsOfSchooling: 9,
      literacy: { anyScript: true, latinScript: false },
      qualifications: [{ title: 'Elektriker', country: 'ER', years: 3, recognition: 'pending' }],
      workExperience: [],
      family: { childrenAges: [3, 6], childcareNeeded: true, childcareArranged: false },
      employability: { status: 'arbeitsmarktfaehig', assessedOn: '2027-02-10' },
      goals: ['Lehre als Elektroinstallateur'],
    });
    const withHealth = { ...form, 'health.restriction': 'under-clarification', 'health.workCapacityPercent': '50' };
    expect(a.finish!(formToBody(a.fields(c), withHealth), withHealth, c)['health']).toEqual({
      restriction: 'under-clarification',
      workCapacityPercent: 50,
    });
  });

  it('a measure: francs typed, Rappen sent; a status change names the measure in the path', () => {
    const m = action('massnahme');
    const c = dfpaCase();
    const form: FormInput = {
      title: 'Deutschkurs B1',
      goalArea: 'sprache',
      structure: '',
      offerId: 'offer-1',
      kipArea: 'sprache',
      provider: 'ECAP',
      from: '2027-03-01',
      to: '2027-07-31',
      status: 'planned',
      costRappen: "1'800.00",
    };
    expect(actionPath(m, c.id, m.finish!(formToBody(m.fields(c), form), form, c))).toEqual({
      path: `/api/v1/cases/${ID}/measures`,
      body: {
        title: 'Deutschkurs B1',
        goalArea: 'sprache',
        offerId: 'offer-1',
        kipArea: 'sprache',
        provider: 'ECAP',
        from: '2027-03-01',
        to: '2027-07-31',
        status: 'planned',
        costRappen: 180000,
      },
    });
    const s = action('massnahme-status');
    const status = { measureId: c.measures[0]!.measureId, status: 'running', on: '2027-03-01' };
    expect(actionPath(s, c.id, formToBody(s.fields(c), status))).toEqual({
      path: `/api/v1/cases/${ID}/measures/${c.measures[0]!.measureId}/status`,
      body: { status: 'running', on: '2027-03-01' },
    });
  });

  it('caseworkers as a list of usernames; the direct opening with the municipality as a BFS number', () => {
    const cw = action('fallfuehrung');
    const c = dfpaCase();
    const form = { 'caseworkers.0.text': 'sr.olten', 'caseworkers.1.text': '', 'caseworkers.2.text': 'sr.olten2' };
    expect(cw.method).toBe('put');
    expect(cw.finish!(formToBody(cw.fields(c), form), form, c)).toEqual({ caseworkers: ['sr.olten', 'sr.olten2'] });
    const direct = { id: 'neu' as const, sozialregion: 'olten' };
    const typed: FormInput = {
      personRef: 'p-va-1',
      'person.officialName': 'Haile',
      'person.firstName': 'Amanuel',
      'person.dateOfBirth': '1990-01-01',
      'person.sex': 'male',
      municipality: '2581',
      caseworker: 'sr.olten',
      assignedOn: '2027-01-05',
    };
    expect(DIRECT_CASE.finish!(formToBody(DIRECT_CASE.fields(direct), typed), typed, direct)).toEqual({
      personRef: 'p-va-1',
      person: { officialName: 'Haile', firstName: 'Amanuel', dateOfBirth: '1990-01-01', sex: 'male' },
      municipality: 2581,
      caseworker: 'sr.olten',
      assignedOn: '2027-01-05',
    });
  });

  it('places a refusal of the dfpa service at the field it names, with its rule', () => {
    const a = action('abklaerung');
    const errors = problemToErrors(
      {
        status: 422,
        title: 'languages[1].evidence: erlaubt: self-declared, assessed, fide, certificate',
        rule: 'R9',
        ruleText: 'Language skills are recorded per language as CEFR level …',
        details: { field: 'languages[1].evidence' },
      },
      fieldNames(a.fields(dfpaCase())),
      'ungültig',
    );
    expect(errors).toEqual([expect.objectContaining({ field: 'languages.1.evidence', rule: 'R9' })]);
  });

  it('offers no change on a closed case, and the return only for a case a municipality handed over', () => {
    expect(caseActionsFor(dfpaCase({ status: 'closed' }))).toEqual([]);
    expect(caseActionsFor(dfpaCase({ origin: 'direct' })).map((a) => a.id)).not.toContain('rueckgabe');
    expect(caseActionsFor(dfpaCase()).map((a) => a.id)).toContain('rueckgabe');
  });
});

describe('the DFPA case page', () => {
  const page = (c: DfpaCase) =>
    renderFragment(DfpaCasePage({ ctx, c, actions: caseActionsFor(c), today: '2027-03-01' }));

  it('shows health constraints only where the service returned them', () => {
    expect(page(dfpaCase())).not.toContain('data-testid="health"');
    const seen = dfpaCase({
      assessments: [
        { ...assessment, health: { restriction: 'under-clarification', workCapacityPercent: 50, note: null } },
      ],
    });
    expect(page(seen)).toContain('in Abklärung; Arbeitsfähigkeit 50 %');
  });

  it('shows the measure cost in francs, earlier assessments as versions, and posts each form to its own route', () => {
    const html = page(dfpaCase({ assessments: [{ ...assessment, version: 2 }, assessment] }));
    expect(html).toContain("CHF 1'800.50");
    expect(html).toContain('Version 1 vom 10.02.2027');
    expect(html).toContain(`action="/dfpa/faelle/${ID}/aktion/massnahme"`);
  });
});

describe("the officer's case page for a case at a Sozialregion", () => {
  it('names the region and the coarse status (R25), nothing of the assessment or the plan', () => {
    const c = {
      id: '33333333-3333-4333-8333-333333333333',
      status: 'at-sozialregion',
      phase: 'foerdern',
      municipality: 2581,
      registrationDate: '2026-11-01',
      firstInformationDeadline: { due: '2027-02-01' },
      person: { officialName: 'Tesfay', firstName: 'Senait' },
      history: [],
      version: 7,
      atSozialregion: 'olten',
      dfpaStatus: 'plan-active',
      handover: { sozialregionId: 'olten', status: 'accepted' },
    } as unknown as CaseDetail;
    const html = renderFragment(
      CasePage({ ctx: { ...ctx, path: `/faelle/${c.id}` }, c, actions: [], today: '2027-03-01' }),
    );
    expect(html).toContain('<dd data-testid="at-sozialregion">Sozialregion Olten</dd>');
    expect(html).toContain('<dd data-testid="dfpa-status">Hilfsplan aktiv</dd>');
  });
});

describe('the inbox', () => {
  const item = (overdue: boolean): InboxItem => ({
    handoverId: '55555555-5555-4555-8555-555555555555',
    caseId: '33333333-3333-4333-8333-333333333333',
    municipality: 2581,
    requestedOn: '2027-01-04',
    answerDueOn: '2027-01-18',
    overdue,
    reminded: overdue,
    status: 'open',
    person: { officialName: 'Tesfay', firstName: 'Senait', dateOfBirth: '1994-03-08', sex: 'female' },
    reason: 'Potenzialabklärung angezeigt.',
  });

  it('lists each hand-over with its person, municipality and answer deadline, and marks the overdue ones', () => {
    const html = renderFragment(
      InboxList({
        ctx,
        page: { items: [item(true), { ...item(false), handoverId: 'x' }], next: null },
        region: 'olten',
      }),
    );
    expect(html).toContain('Offene Übergaben an die Sozialregion Olten');
    expect(html).toContain('href="/dfpa/eingang/55555555-5555-4555-8555-555555555555">Tesfay, Senait</a>');
    expect(html).toContain('18.01.2027');
    expect(html.match(/data-testid="overdue"/g)).toHaveLength(1);
  });
});
