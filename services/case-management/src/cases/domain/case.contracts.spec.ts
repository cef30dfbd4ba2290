import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as formats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Case } from './case.js';
import type { CaseEvent, CaseEventType } from './case.events.js';
import { dfpaAnswerOf, type DfpaEventData } from './dfpa-handover.js';
import {
  agreementInput,
  caseInFoerdern,
  config,
  d,
  directory,
  dfpaSystem,
  handoverInput,
  ib,
  integrationTalkInput,
  migrationsamt,
  openInput,
  repoRoot,
  system,
  talkInput,
} from './case.fixtures.js';

// Every event the domain raises must validate against its contract (contracts/events/**), and the
// dfpa contracts' examples must be answers the domain accepts. Schemas are read from disk rather than
// via @si/contracts: the domain layer imports no workspace package (eslint boundary rule).
const addFormats = ((formats as unknown as { default: { default?: unknown } }).default.default ??
  (formats as unknown as { default: unknown }).default) as (a: Ajv2020) => void;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
for (const k of ['x-producer', 'x-consumers', 'x-personal-data']) ajv.addKeyword(k);

type Schema = Record<string, unknown> & { examples: Record<string, unknown>[]; 'x-personal-data': boolean };
const schemas = new Map<string, Schema>();
for (const dir of ['case', 'dfpa']) {
  for (const file of readdirSync(join(repoRoot, 'contracts/events', dir))) {
    schemas.set(
      file.replace('.schema.json', ''),
      JSON.parse(readFileSync(join(repoRoot, 'contracts/events', dir, file), 'utf8')) as Schema,
    );
  }
}

/** One full journey (third-country national) and one short one (EU citizen), collecting every event. */
function journeys(): CaseEvent[] {
  const events: CaseEvent[] = [];
  const opened = Case.open(openInput(), directory, config, system);
  const c = opened.case;
  events.push(...opened.events);
  events.push(...c.recordFirstInformation(talkInput(), ib));
  events.push(
    ...c.makeReferral(
      {
        referralId: 'ref-9',
        madeOn: d('2027-02-01'),
        target: { kind: 'regular-structure', structure: 'employment-services' },
        category: 'education-work',
        measure: 'RAV-Anmeldung',
      },
      ib,
    ),
  );
  events.push(
    ...c.makeReferral(
      {
        referralId: 'ref-10',
        madeOn: d('2027-02-02'),
        target: { kind: 'offer', offerId: '0c7e5a52-1d2b-4f3a-9e8d-7c6b5a4f3e2d' },
        category: 'language',
        measure: 'Deutschkurs A2',
        disclosureConsent: true,
        disclosedPerson: {
          officialName: 'Tesfay',
          firstName: 'Senait',
          address: { street: 'Dorfstrasse', houseNumber: '12', postalCode: '4500', town: 'Solothurn' },
          phone: '+41 79 000 00 00',
          email: null,
        },
      },
      ib,
    ),
  );
  events.push(...c.holdIntegrationTalk(integrationTalkInput({ talkId: 'it-1' }), ib));
  events.push(...c.concludeAgreement(agreementInput('ag-1'), ib));
  events.push(
    ...c.reviewAgreement(
      'ag-1',
      { reviewedOn: d('2027-05-01'), outcome: 'partly-fulfilled', reasons: 'Kurs abgebrochen.' },
      ib,
    ),
  );
  events.push(
    ...c.reportToMigrationsamt(
      {
        reportId: 'rep-1',
        reportedOn: d('2027-05-10'),
        reason: { kind: 'agreement-not-fulfilled', agreementId: 'ag-1', statement: 'ag-1 teilweise nicht erfüllt.' },
      },
      ib,
    ),
  );
  c.recordMigrationsamtReview('rep-1', { reviewedOn: d('2027-05-15'), notes: 'geprüft' }, migrationsamt);
  events.push(
    ...c.recordMigrationsamtDecision(
      'rep-1',
      {
        decidedOn: d('2027-05-20'),
        kind: 'binding-agreement',
        dueOn: d('2027-12-31'),
        goals: [{ criterion: 'c', text: 'A1' }],
        statement: 'verbindlich',
      },
      migrationsamt,
    ),
  );
  events.push(...c.requestDfpaHandover(handoverInput(), directory, ib));
  events.push(...c.transfer({ toMunicipality: 2549, movedOn: d('2027-05-31') }, directory, system));
  events.push(...c.changePermit({ residencePermit: '0302', validFrom: d('2027-05-31') }, system));
  events.push(...c.closeFromRegister({ reason: 'naturalised', on: d('2027-06-01') }, system));

  const eu = Case.open(
    openInput({
      caseId: '8c0d2e4f-1a3b-4c5d-8e6f-7a8b9c0d1e2f',
      personRef: 'p-a81d44c2e907',
      householdRef: null,
      municipality: 2601,
      residencePermit: '0201',
      nationality: { bfsCode: 8218, iso2: 'IT', euEfta: true },
      language: null,
      arrivalDate: null,
    }),
    directory,
    config,
    system,
  );
  events.push(...eu.events);
  events.push(
    ...eu.case.recordFirstInformation({ form: 'info-folder', handedOutOn: d('2026-12-03'), language: 'ita' }, ib),
  );
  events.push(...eu.case.closeByOfficer({ on: d('2027-01-10'), note: 'Kein weiterer Bedarf.' }, ib));
  return events;
}

describe('domain events conform to contracts/events', () => {
  const events = journeys();

  it('the journeys raise every case event type, each with the case id as subject', () => {
    const raised = new Set<CaseEventType>(events.map((e) => e.type));
    const contracted = [...schemas.keys()].filter((t) => t.startsWith('case.'));
    expect([...raised].sort()).toEqual(contracted.sort());
    for (const e of events) expect(e.subject).toBe((e.data as { caseId: string }).caseId);
  });

  it.each(journeys().map((e, i) => ({ i, type: e.type, data: e.data })))(
    'event $i ($type) validates',
    ({ type, data }) => {
      const validate = ajv.compile(schemas.get(type)!);
      const ok = validate(data);
      expect(ok ? null : validate.errors).toBeNull();
    },
  );

  it('only the hand-over and the consented disclosure are marked as personal data, and only they carry names or AHV numbers', () => {
    for (const e of events) {
      const personal = schemas.get(e.type)!['x-personal-data'];
      expect(personal).toBe(e.type === 'case.dfpa-handover-requested.v1' || e.type === 'case.referral-disclosed.v1');
      if (!personal) expect(JSON.stringify(e.data)).not.toMatch(/Tesfay|Senait|756\d{10}|Dorfstrasse/);
    }
  });

  it('every schema example validates', () => {
    for (const [type, schema] of schemas) {
      const validate = ajv.compile(schema);
      for (const example of schema.examples)
        expect({ type, errors: validate(example) ? null : validate.errors }).toEqual({ type, errors: null });
    }
  });

  it('the dfpa contract examples are answers the domain accepts', () => {
    const accepted = schemas.get('dfpa.case-accepted.v1')!.examples[0] as unknown as DfpaEventData;
    const rejected = schemas.get('dfpa.case-rejected.v1')!.examples[0] as unknown as DfpaEventData;
    const returned = schemas.get('dfpa.case-returned.v1')!.examples[0] as unknown as DfpaEventData;

    const r = caseInFoerdern();
    r.requestDfpaHandover({ ...handoverInput(), requestedOn: d('2027-02-01') }, directory, ib);
    r.rejectDfpaHandover(dfpaAnswerOf(rejected), dfpaSystem);
    expect(r.status).toBe('open');

    const a = caseInFoerdern();
    a.requestDfpaHandover({ ...handoverInput(), requestedOn: d('2027-02-01') }, directory, ib);
    a.acceptDfpaHandover(dfpaAnswerOf(accepted), dfpaSystem);
    expect(a.status).toBe('at-sozialregion');
    a.returnFromDfpa(dfpaAnswerOf(returned), { ...dfpaSystem, at: '2028-09-01T08:00:00Z' });
    expect(a.status).toBe('open');
  });
});
