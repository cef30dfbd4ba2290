import { randomUUID } from 'node:crypto';
import type { CaseDfpaHandoverRequestedV1 } from '@si/contracts';

const MUNICIPALITY: Record<string, { bfs: number; town: string; postalCode: string }> = {
  olten: { bfs: 2581, town: 'Olten', postalCode: '4600' },
  'thal-gaeu': { bfs: 2401, town: 'Egerkingen', postalCode: '4622' },
  solothurn: { bfs: 2601, town: 'Solothurn', postalCode: '4500' },
  dorneck: { bfs: 2473, town: 'Dornach', postalCode: '4143' },
};

/** A valid case.dfpa-handover-requested.v1 as case-management sends it, for `region` (one of the keys above). */
export function handoverData(
  region: string,
  overrides: Partial<CaseDfpaHandoverRequestedV1> = {},
): CaseDfpaHandoverRequestedV1 {
  const m = MUNICIPALITY[region] ?? { bfs: 2581, town: 'Olten', postalCode: '4600' };
  return {
    handoverId: randomUUID(),
    caseId: randomUUID(),
    sozialregionId: region,
    municipality: m.bfs,
    requestedOn: new Date().toISOString().slice(0, 10),
    requestedBy: { role: 'gemeinde' },
    reason: 'Vorläufig aufgenommen, besonderer Integrationsbedarf.',
    contact: { name: `Integrationsstelle ${m.town}` },
    person: {
      personRef: `p-${randomUUID().slice(0, 12)}`,
      householdRef: null,
      officialName: 'Tesfay',
      firstName: 'Senait',
      dateOfBirth: '1994-03-08',
      sex: 'female',
      vn: '7561234567897',
      nationality: { bfsCode: 8362, iso2: 'ER' },
      permitCode: '0503',
      euEfta: false,
      familyOfSwiss: false,
      language: 'tir',
      address: { street: 'Bahnhofstrasse', houseNumber: '1', postalCode: m.postalCode, town: m.town },
    },
    caseSummary: {
      phase: 'foerdern',
      registrationDate: '2026-11-20',
      firstInformation: {
        outcome: 'completed',
        form: 'talk',
        completedOn: '2027-01-14',
        supportNeed: 'special',
        languageSkills: [],
      },
      referrals: [],
      integrationTalks: [],
      agreements: [],
      reportToMigrationsamtOpen: false,
    },
    ...overrides,
  } as CaseDfpaHandoverRequestedV1;
}
