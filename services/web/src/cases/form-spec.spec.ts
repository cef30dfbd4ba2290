import { describe, expect, it } from '@jest/globals';
import { CASE_ACTIONS, actionPath } from './case-actions.js';
import type { CaseDetail } from './case.api.js';
import { fieldNames, formToBody, placeField, problemToErrors, refusedForm } from './form-spec.js';

const caseDetail = {
  id: '11111111-1111-4111-8111-111111111111',
  status: 'open',
  phase: 'informieren',
  municipality: 2601,
  registrationDate: '2026-11-01',
  firstInformationDeadline: { due: '2027-02-01', status: 'pending' },
  firstInformation: { outcome: 'pending', record: null, noShows: [], refusal: null },
  person: { officialName: 'Tesfay', firstName: 'Selam', euEfta: true },
  history: [],
  version: 1,
  atSozialregion: null,
  handover: null,
  agreements: [{ agreementId: 'ag-1', concludedOn: '2026-11-20', reviewOn: '2027-03-01' }],
  reports: [{ reportId: 'r-1', reportedOn: '2026-11-25', status: 'reported' }],
} as CaseDetail;
const talk = CASE_ACTIONS.find((a) => a.id === 'erstinformationsgespraech')!;

describe('first-information talk form → the service body', () => {
  it('maps nested names, numbers, checkboxes, filled rows and the recommended offers', () => {
    const form = {
      heldOn: '2026-11-15',
      place: 'Stadthaus Solothurn',
      durationMinutes: '45',
      'interpreter.used': 'true',
      'interpreter.language': 'tir',
      'topics.languageEducationWork': 'true',
      'topics.languageOffers': 'true',
      'languageSkills.0.language': 'deu',
      'languageSkills.0.oral': 'A1',
      'languageSkills.0.written': 'none',
      'languageSkills.1.language': '',
      'languageSkills.1.oral': '',
      'languageSkills.1.written': '',
      supportNeed: 'some',
      offersRecommended: ['school', 'health'],
    };
    const body = talk.finish!(formToBody(talk.fields(caseDetail), form), form, caseDetail);
    expect(body).toEqual({
      heldOn: '2026-11-15',
      place: 'Stadthaus Solothurn',
      durationMinutes: 45,
      interpreter: { used: true, language: 'tir' },
      topics: { languageEducationWork: true, languageOffers: true, legalOrderAndNorms: false },
      languageSkills: [{ language: 'deu', oral: 'A1', written: 'none' }],
      supportNeed: 'some',
      offersRecommended: [
        { kind: 'regular-structure', structure: 'school' },
        { kind: 'regular-structure', structure: 'health' },
      ],
    });
  });

  it('takes a sub-object id from the form into the path (and out of the body)', () => {
    const review = CASE_ACTIONS.find((a) => a.id === 'ma-entscheid')!;
    const form = {
      reportId: 'r-1',
      decidedOn: '2026-12-01',
      kind: 'recommendation',
      statement: 'Empfehlung Deutschkurs',
    };
    const { path, body } = actionPath(review, caseDetail.id, formToBody(review.fields(caseDetail), form));
    expect(path).toBe(`/api/v1/cases/${caseDetail.id}/migrationsamt-reports/r-1/decision`);
    expect(body).toEqual({
      decidedOn: '2026-12-01',
      kind: 'recommendation',
      statement: 'Empfehlung Deutschkurs',
      goals: [],
    });
  });

  it('warns before a binding agreement is asked for an EU/EFTA national', () => {
    expect(CASE_ACTIONS.find((a) => a.id === 'ma-entscheid')!.warning!(caseDetail)).toBe('form.warnEuEfta');
    expect(
      CASE_ACTIONS.find((a) => a.id === 'ma-entscheid')!.warning!({ ...caseDetail, person: { euEfta: false } }),
    ).toBeNull();
  });
});

describe('refusals placed next to their field', () => {
  const names = fieldNames(talk.fields(caseDetail));

  it('puts a domain refusal with its rule at the field it names, or at the nearest enclosing one', () => {
    const errors = problemToErrors(
      {
        status: 422,
        title: 'topics: die Erstinformation umfasst mindestens die drei Themen',
        rule: 'R2',
        ruleText: 'VIntA Art. 8',
        details: { field: 'topics' },
      },
      names,
      'ungültig',
    );
    expect(errors).toEqual([
      {
        field: 'topics',
        message: 'topics: die Erstinformation umfasst mindestens die drei Themen',
        rule: 'R2',
        ruleText: 'VIntA Art. 8',
      },
    ]);
    expect(placeField('languageSkills[0].oral', names)).toBe('languageSkills.0.oral');
    expect(placeField('topics.somethingNew', names)).toBe('topics');
    expect(placeField('person.vn', names)).toBeNull();
  });

  it('reads validation refusals (CM7) path by path', () => {
    const errors = problemToErrors(
      {
        status: 400,
        rule: 'CM7',
        errors: [{ message: 'heldOn must be a date YYYY-MM-DD' }, { message: 'property x should not exist' }],
      },
      names,
      'ungültig',
    );
    expect(errors.map((e) => e.field)).toEqual(['heldOn', null]);
    expect(errors[1]!.message).toContain('property x should not exist');
  });

  it('keeps a refusal without a field above the form', () => {
    expect(
      problemToErrors({ status: 409, title: 'Der Fall ist abgeschlossen', rule: 'CM1' }, names, 'ungültig')[0]!.field,
    ).toBeNull();
  });

  it('gives a refused form back as typed, without the CSRF token, with 409 kept and every other refusal as 422', () => {
    const fields = talk.fields(caseDetail);
    const conflict = refusedForm(
      { status: 409, title: 'Der Fall ist abgeschlossen', rule: 'CM1' },
      fields,
      { _csrf: 'tok', place: 'Olten' },
      'ungültig',
    );
    expect(conflict.values).toEqual({ place: 'Olten' });
    expect(conflict.status).toBe(409);
    expect(conflict.errors).toEqual([{ field: null, message: 'Der Fall ist abgeschlossen', rule: 'CM1' }]);
    const invalid = refusedForm(
      { status: 400, rule: 'CM7', errors: [{ message: 'heldOn must be a date YYYY-MM-DD' }] },
      fields,
      undefined,
      'ungültig',
    );
    expect(invalid.values).toEqual({});
    expect(invalid.status).toBe(422);
    expect(invalid.errors.map((e) => e.field)).toEqual(['heldOn']);
  });
});
