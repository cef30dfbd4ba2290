import { describe, expect, it } from '@jest/globals';
import type { Case } from './case.js';
import { canAccessCase } from './case-access.js';
import {
  Abs2NotConsideredError,
  BindingAgreementNotAllowedError,
  CaseDomainError,
  ReportReasonMissingError,
} from './case.errors.js';
import {
  caseInFordern,
  caseReported,
  ctx,
  d,
  ib,
  integrationTalkInput,
  migrationsamt,
  refusalOf,
} from './case.fixtures.js';
import type { DecisionInput } from './migrationsamt-report.js';

const binding: DecisionInput = {
  decidedOn: d('2027-05-30'),
  kind: 'binding-agreement',
  dueOn: d('2027-11-30'),
  goals: [{ criterion: 'c', text: 'Deutsch A1 mündlich, Nachweis bis 30.11.2027' }],
  statement: 'Verbindliche Integrationsvereinbarung unter Androhung der Nichtverlängerung.',
};

function reviewed(c: Case): Case {
  c.recordMigrationsamtReview('rep-1', { reviewedOn: d('2027-05-20'), notes: 'Akten und Gespräch.' }, migrationsamt);
  return c;
}

const report = (statement: string, agreementId = 'ag-1') => ({
  reportId: 'rep-9',
  reportedOn: d('2027-05-25'),
  reason: { kind: 'agreement-not-fulfilled' as const, agreementId, statement },
});

describe('report to the Migrationsamt (R4, R8, R31)', () => {
  it('is refused without a documented reason', () => {
    const c = caseInFordern();
    const e = refusalOf(() => c.reportToMigrationsamt(report('   '), ib));
    expect(e).toBeInstanceOf(CaseDomainError);
    expect((e as CaseDomainError).ruleId).toBe('R8');
    expect(
      refusalOf(() =>
        c.reportToMigrationsamt({ reportId: 'r', reportedOn: d('2027-05-25'), reason: undefined as never }, ib),
      ),
    ).toMatchObject({ ruleId: 'R8' });
  });

  it('is refused when the named agreement was not reviewed as (partly) not fulfilled', () => {
    const c = caseInFordern();
    expect(refusalOf(() => c.reportToMigrationsamt(report('ag-2 nicht erfüllt', 'ag-2'), ib))).toBeInstanceOf(
      ReportReasonMissingError,
    );
    c.reviewAgreement('ag-2', { reviewedOn: d('2027-05-20'), outcome: 'fulfilled', reasons: 'erfüllt' }, ib);
    expect(refusalOf(() => c.reportToMigrationsamt(report('ag-2 nicht erfüllt', 'ag-2'), ib))).toBeInstanceOf(
      ReportReasonMissingError,
    );
    expect(c.state.reports).toHaveLength(0);
  });

  it('is refused while the Art. 58a Abs. 2 circumstances are not recorded as considered, allowed once they are', () => {
    const c = caseInFordern();
    c.holdIntegrationTalk(
      integrationTalkInput({
        heldOn: d('2027-05-10'),
        abs2: {
          considered: false,
          disability: false,
          illness: false,
          otherWeightyCircumstances: false,
          assessment: '',
        },
      }),
      ib,
    );
    const e = refusalOf(() => c.reportToMigrationsamt(report('ag-1 nicht erfüllt'), ib));
    expect(e).toBeInstanceOf(Abs2NotConsideredError);
    expect((e as CaseDomainError).ruleId).toBe('R4');
    expect((e as CaseDomainError).messages.de).toMatch(/Abs\. 2/);
    c.recordAbs2Consideration(
      {
        on: d('2027-05-12'),
        considered: true,
        disability: false,
        illness: false,
        otherWeightyCircumstances: true,
        assessment: 'Betreuung eines kranken Kindes geprüft; Kursbesuch abends zumutbar.',
      },
      ib,
    );
    expect(c.reportToMigrationsamt(report('ag-1 nicht erfüllt'), ib)).toHaveLength(1);
  });

  it('moves to sanktionieren and keeps the disclosed data set in the report and the history', () => {
    const c = caseInFordern();
    const [event] = c.reportToMigrationsamt(
      {
        ...report('ag-1 nicht erfüllt'),
        identification: {
          officialName: 'Tesfay',
          firstName: 'Senait',
          dateOfBirth: d('1994-03-08'),
          zemisNumber: '12345678.9',
        },
      },
      ib,
    );
    expect(c.phase).toBe('sanktionieren');
    expect(event!.data).toMatchObject({
      reportId: 'rep-9',
      reasonKind: 'agreement-not-fulfilled',
      agreementId: 'ag-1',
    });
    expect(JSON.stringify(event!.data)).not.toContain('Tesfay');
    const disclosure = c.state.reports[0]!.disclosure;
    expect(disclosure.recipient).toBe('migrationsamt');
    expect(disclosure.legalBasis).toMatch(/AIG Art\. 97 Abs\. 3/);
    expect(disclosure.dataSet).toMatchObject({
      identification: { officialName: 'Tesfay' },
      agreements: [{ agreementId: 'ag-1', review: { outcome: 'not-fulfilled' } }, { agreementId: 'ag-2' }],
    });
    expect(c.history.at(-1)).toMatchObject({ action: 'reported-to-migrationsamt', details: { disclosure } });
  });
});

describe('Migrationsamt review and decision (R5, R6, R7, R10)', () => {
  it('sees only reported cases', () => {
    const org = { actsFor: () => false };
    expect(canAccessCase(migrationsamt.actor, caseInFordern().state, org, d('2027-06-01'))).toBe(false);
    expect(canAccessCase(migrationsamt.actor, caseReported().state, org, d('2027-06-01'))).toBe(true);
  });

  it('decides only after recording its review', () => {
    const c = caseReported();
    expect(refusalOf(() => c.recordMigrationsamtDecision('rep-1', binding, migrationsamt))).toMatchObject({
      ruleId: 'R6',
    });
    reviewed(c);
    expect(c.state.reports[0]!.status).toBe('under-review');
  });

  it('concludes a binding agreement for a third-country national; the decision flows back into the case', () => {
    const c = reviewed(caseReported());
    const [event] = c.recordMigrationsamtDecision('rep-1', binding, migrationsamt);
    expect(event!.data).toMatchObject({ reportId: 'rep-1', decision: 'binding-agreement', measureKind: null });
    expect(c.state.reports[0]).toMatchObject({
      status: 'decided',
      decision: { kind: 'binding-agreement', dueOn: '2027-11-30' },
    });
    expect(c.phase).toBe('sanktionieren');
    // Back with the IB: further support and a new report remain possible.
    expect(c.holdIntegrationTalk(integrationTalkInput({ heldOn: d('2027-05-31') }), ctx('gemeinde'))).toHaveLength(1);
    expect(refusalOf(() => c.recordMigrationsamtDecision('rep-1', binding, migrationsamt))).toMatchObject({
      ruleId: 'R6',
    });
  });

  it('refuses a binding agreement for EU/EFTA free movement (permit regulation 01) with a clear message; a recommendation is fine', () => {
    const c = reviewed(
      caseReported({ residencePermit: '0201', nationality: { bfsCode: 8218, iso2: 'IT', euEfta: true } }),
    );
    const e = refusalOf(() => c.recordMigrationsamtDecision('rep-1', binding, migrationsamt));
    expect(e).toBeInstanceOf(BindingAgreementNotAllowedError);
    expect(e).toMatchObject({ ruleId: 'R10', kind: 'unprocessable' });
    expect((e as CaseDomainError).messages.de).toMatch(/nur eine Integrationsempfehlung/);
    expect((e as CaseDomainError).messages.en).toMatch(/Only an integration recommendation/);
    expect(c.state.reports[0]!.status).toBe('under-review');
    const [event] = c.recordMigrationsamtDecision('rep-1', { ...binding, kind: 'recommendation' }, migrationsamt);
    expect(event!.data).toMatchObject({ decision: 'recommendation' });
  });

  it('refuses it for family members of Swiss nationals (AIG Art. 42, R5)', () => {
    const c = reviewed(caseReported());
    c.recordFamilyOfSwiss(
      { familyOfSwiss: true, reason: 'Ehe mit Schweizer Staatsangehörigem (Zivilstandsamt)' },
      migrationsamt,
    );
    expect(refusalOf(() => c.recordMigrationsamtDecision('rep-1', binding, migrationsamt))).toMatchObject({
      ruleId: 'R5',
      code: 'binding-agreement-not-allowed',
    });
  });

  it('follows a corrected nationality where the permit has no regulation; a correction that changes nothing is no change', () => {
    const c = reviewed(caseReported());
    c.changePermit({ residencePermit: '05', validFrom: d('2027-05-21') }, ctx('system'));
    expect(c.state.subject.euEfta).toBe(false);
    const germany = { bfsCode: 8207, iso2: 'DE', euEfta: true };
    const { sex, birthYear } = c.state.subject;
    c.correctSubject({ nationality: germany, sex, birthYear }, ctx('system'));
    expect(c.state.subject).toMatchObject({ nationality: germany, euEfta: true });
    expect(refusalOf(() => c.recordMigrationsamtDecision('rep-1', binding, migrationsamt))).toBeInstanceOf(
      BindingAgreementNotAllowedError,
    );
    const versions = c.state.version;
    expect(c.correctSubject({ nationality: germany, sex, birthYear }, ctx('system'))).toEqual([]);
    expect(c.state.version).toBe(versions);
    expect(c.history.filter((h) => h.action === 'subject-corrected').map((h) => Object.keys(h.details).sort())).toEqual(
      [['euEfta', 'nationality']],
    );
    expect(
      refusalOf(() =>
        c.correctSubject({ nationality: { bfsCode: 42, iso2: null, euEfta: false }, sex, birthYear }, ctx('system')),
      ),
    ).toMatchObject({ code: 'invalid-command' });
  });

  it('follows a permit change: B EU/EFTA (0201) refuses, C non-EU (0302) allows', () => {
    const c = reviewed(caseReported());
    c.changePermit({ residencePermit: '0201', validFrom: d('2027-05-21') }, ctx('system'));
    expect(c.state.subject.euEfta).toBe(true);
    expect(refusalOf(() => c.recordMigrationsamtDecision('rep-1', binding, migrationsamt))).toBeInstanceOf(
      BindingAgreementNotAllowedError,
    );
    c.changePermit({ residencePermit: '0302', validFrom: d('2027-05-22') }, ctx('system'));
    expect(c.state.subject.euEfta).toBe(false);
    expect(c.recordMigrationsamtDecision('rep-1', binding, migrationsamt)).toHaveLength(1);
    expect(c.history.filter((h) => h.action === 'permit-changed').map((h) => h.details)).toEqual([
      { from: '0503', to: '0201', validFrom: '2027-05-21', euEftaBefore: false, euEfta: true },
      { from: '0201', to: '0302', validFrom: '2027-05-22', euEftaBefore: true, euEfta: false },
    ]);
  });

  it('requires a measure kind for a measure and goals for agreements and recommendations', () => {
    const c = reviewed(caseReported());
    expect(
      refusalOf(() =>
        c.recordMigrationsamtDecision(
          'rep-1',
          { decidedOn: d('2027-05-30'), kind: 'measure', statement: 'x' },
          migrationsamt,
        ),
      ),
    ).toMatchObject({ ruleId: 'R7' });
    expect(
      refusalOf(() =>
        c.recordMigrationsamtDecision('rep-1', { ...binding, kind: 'recommendation', goals: [] }, migrationsamt),
      ),
    ).toMatchObject({ ruleId: 'R6' });
    expect(
      c.recordMigrationsamtDecision(
        'rep-1',
        {
          decidedOn: d('2027-05-30'),
          kind: 'measure',
          measureKind: 'permit-conditions',
          statement: 'Bewilligung mit Bedingung Sprachkurs verlängert.',
        },
        migrationsamt,
      )[0]!.data,
    ).toMatchObject({ decision: 'measure', measureKind: 'permit-conditions' });
  });
});
