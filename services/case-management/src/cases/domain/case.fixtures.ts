// Test fixtures for the case domain specs (excluded from the build). Clock: the case is opened on
// 2026-11-21 for a registration on 2026-11-20 in Günsberg (2547), a member of Leitgemeinde Hubersdorf;
// later steps happen in 2027. An Eritrean woman with F permit (0503) unless a test changes it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSozialregionen, SozialregionDirectory } from '../../organisation/domain/sozialregion-directory.js';
import type { CommandContext, Role } from './actor.js';
import { Case } from './case.js';
import { CaseDomainError } from './case.errors.js';
import type { OpenCaseInput } from './case-opening.js';
import type { HandoverRequestInput } from './dfpa-handover.js';
import type { FirstInformationTalkInput } from './first-information.js';
import type { AgreementInput } from './integration-agreement.js';
import type { IntegrationTalkInput } from './integration-talk.js';
import { localDate } from './local-date.js';

export const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

export function readRepoJson(path: string): unknown {
  return JSON.parse(readFileSync(`${repoRoot}${path}`, 'utf8'));
}

export const directory = new SozialregionDirectory(
  parseSozialregionen(readRepoJson('contracts/reference/sozialregionen.json')),
);
export const config = { firstInformationMonths: 3 };
export const d = localDate;

/** The domain refusal `fn` throws; fails the test when it throws nothing or something else. */
export function refusalOf(fn: () => unknown): CaseDomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CaseDomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

export function ctx(role: Role, at = '2027-06-01T09:00:00Z', id?: string): CommandContext {
  const ids: Record<Role, string> = {
    gemeinde: 'ib-hubersdorf',
    ags: 'ags-koordination',
    migrationsamt: 'ma-sachbearbeiter',
    sozialregion: 'sr-srmul',
    system: 'registry-intake',
  };
  return {
    actor: {
      id: id ?? ids[role],
      role,
      ...(role === 'gemeinde' ? { gemeinden: [2548] } : {}),
      ...(role === 'sozialregion' ? { sozialregion: 'mittlerer-unterer-leberberg' } : {}),
    },
    at,
  };
}
export const ib = ctx('gemeinde');
export const system = ctx('system', '2026-11-21T08:00:00Z');
export const migrationsamt = ctx('migrationsamt');
export const ags = ctx('ags');
export const dfpaSystem = ctx('system', '2027-06-01T09:00:00Z', 'dfpa');

export function openInput(overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  return {
    caseId: '3f2b8c1e-6a4d-4e0b-9c7a-5d1e2f3a4b5c',
    arrivalEventId: '0b7a4a52-8e0f-4d59-9f1b-3c6f2e1d9a10',
    personRef: 'p-5f0c1e9a3b7d',
    householdRef: 'h-19ce20aa',
    municipality: 2547,
    registrationDate: d('2026-11-20'),
    arrivalDate: d('2026-11-12'),
    nationality: { bfsCode: 8362, iso2: 'ER', euEfta: false },
    residencePermit: '0503',
    sex: 'female',
    birthYear: 1994,
    language: 'tir',
    ...overrides,
  };
}

export function openCase(overrides: Partial<OpenCaseInput> = {}): Case {
  return Case.open(openInput(overrides), directory, config, system).case;
}

export function talkInput(overrides: Partial<FirstInformationTalkInput> = {}): FirstInformationTalkInput {
  return {
    form: 'talk',
    talkId: 'fi-2547-0003',
    heldOn: d('2027-01-14'),
    place: 'Gemeindehaus Hubersdorf',
    interpreter: { used: true, language: 'tir' },
    durationMinutes: 75,
    topics: { languageEducationWork: true, languageOffers: true, legalOrderAndNorms: true },
    languageSkills: [
      { language: 'deu', oral: 'none', written: 'none' },
      { language: 'eng', oral: 'A2', written: 'A1' },
    ],
    supportNeed: 'special',
    offersRecommended: [
      { kind: 'regular-structure', structure: 'specific-integration-promotion' },
      { kind: 'free-text', text: 'Elternbildung' },
    ],
    ...overrides,
  };
}

export function integrationTalkInput(overrides: Partial<IntegrationTalkInput> = {}): IntegrationTalkInput {
  return {
    talkId: `it-${Math.random().toString(36).slice(2, 8)}`,
    heldOn: d('2027-03-02'),
    place: 'Gemeindehaus Hubersdorf',
    interpreter: { used: true, language: 'tir' },
    durationMinutes: 60,
    assessment: { a: 'met', b: 'met', c: 'not-met', d: 'partly-met' },
    abs2: {
      considered: true,
      disability: false,
      illness: false,
      otherWeightyCircumstances: false,
      assessment: 'Keine Umstände nach Abs. 2 ersichtlich.',
    },
    ...overrides,
  };
}

export function agreementInput(agreementId: string, overrides: Partial<AgreementInput> = {}): AgreementInput {
  return {
    agreementId,
    concludedOn: d('2027-03-02'),
    goals: [
      { criterion: 'c', text: 'Deutsch A1 mündlich' },
      { criterion: 'd', text: 'Anmeldung RAV' },
    ],
    measures: [
      { text: 'Deutschkurs A1', category: 'language', dueOn: d('2027-04-30') },
      { text: 'Termin RAV', category: 'education-work', dueOn: d('2027-03-31') },
    ],
    financing: { source: 'municipality', note: 'Kurskosten übernimmt die Gemeinde' },
    reviewOn: d('2027-05-01'),
    ...overrides,
  };
}

export function handoverInput(handoverId = '0d3f6a1c-2b4e-4f8a-9c1d-7e6f5a4b3c2d'): HandoverRequestInput {
  return {
    handoverId,
    requestedOn: d('2027-05-02'),
    reason: 'Besonderer Integrationsbedarf; Potentialabklärung angezeigt.',
    person: {
      officialName: 'Tesfay',
      firstName: 'Senait',
      dateOfBirth: d('1994-03-08'),
      sex: 'female',
      vn: '7561234567897',
      address: { street: 'Dorfstrasse', houseNumber: '12', postalCode: '4524', town: 'Günsberg' },
    },
    contact: { name: 'Integrationsstelle Hubersdorf', email: 'integration@hubersdorf.example' },
  };
}

export const REGION = 'mittlerer-unterer-leberberg';
export const HANDOVER = '0d3f6a1c-2b4e-4f8a-9c1d-7e6f5a4b3c2d';

/** Informieren done (talk) plus one referral `ref-1`: phase foerdern. */
export function caseInFoerdern(overrides: Partial<OpenCaseInput> = {}): Case {
  const c = openCase(overrides);
  c.recordFirstInformation(talkInput(), ib);
  c.makeReferral(
    {
      referralId: 'ref-1',
      madeOn: d('2027-01-14'),
      target: { kind: 'regular-structure', structure: 'specific-integration-promotion' },
      category: 'language',
      measure: 'Deutschkurs A1',
    },
    ib,
  );
  return c;
}

/** Talk held, agreement ag-1 reviewed as not fulfilled, agreement ag-2 open: phase fordern. */
export function caseInFordern(overrides: Partial<OpenCaseInput> = {}): Case {
  const c = caseInFoerdern(overrides);
  c.holdIntegrationTalk(integrationTalkInput({ talkId: 'it-1' }), ib);
  c.concludeAgreement(agreementInput('ag-1'), ib);
  c.reviewAgreement(
    'ag-1',
    { reviewedOn: d('2027-05-01'), outcome: 'not-fulfilled', reasons: 'Kurs nicht besucht, keine Entschuldigung.' },
    ib,
  );
  c.concludeAgreement(
    agreementInput('ag-2', {
      concludedOn: d('2027-05-01'),
      reviewOn: d('2027-08-01'),
      measures: [{ text: 'Deutschkurs A1 (Wiederholung)', category: 'language', dueOn: d('2027-07-31') }],
    }),
    ib,
  );
  return c;
}

/** Reported to the Migrationsamt (report `rep-1` open): phase sanktionieren. */
export function caseReported(overrides: Partial<OpenCaseInput> = {}): Case {
  const c = caseInFordern(overrides);
  c.reportToMigrationsamt(
    {
      reportId: 'rep-1',
      reportedOn: d('2027-05-15'),
      reason: {
        kind: 'agreement-not-fulfilled',
        agreementId: 'ag-1',
        statement: 'Vereinbarung ag-1 nicht erfüllt, keine entschuldbaren Gründe.',
      },
    },
    ib,
  );
  return c;
}

export function acceptAnswer(on = '2027-05-03') {
  return { handoverId: HANDOVER, sozialregionId: REGION, on: d(on), dfpaCaseRef: 'SRMUL-2027-0042' };
}

/** The named states the transition matrix runs every command in. */
export const STATES = {
  informieren: () => openCase(),
  foerdern: () => caseInFoerdern(),
  fordern: () => caseInFordern(),
  sanktionieren: () => caseReported(),
  handoverRequested: () => {
    const c = caseInFoerdern();
    c.requestDfpaHandover(handoverInput(), directory, ib);
    return c;
  },
  atSozialregion: () => {
    const c = caseInFoerdern();
    c.requestDfpaHandover(handoverInput(), directory, ib);
    c.acceptDfpaHandover(acceptAnswer(), dfpaSystem);
    return c;
  },
  atSozialregionReported: () => {
    const c = caseReported();
    c.requestDfpaHandover(handoverInput(), directory, ib);
    c.acceptDfpaHandover(acceptAnswer('2027-05-20'), dfpaSystem);
    return c;
  },
  closed: () => {
    const c = caseInFoerdern();
    c.closeFromRegister({ reason: 'departed-abroad', on: d('2027-05-31') }, system);
    return c;
  },
} as const;
export type StateName = keyof typeof STATES;
