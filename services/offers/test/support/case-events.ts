import { randomUUID } from 'node:crypto';

/** A case.referral-made.v1 as case-management emits it (pseudonymous), to an offer unless overridden. */
export function referralMade(offerId: string, over: Record<string, unknown> = {}) {
  return {
    caseId: randomUUID(),
    personRef: `p-${randomUUID().slice(0, 12)}`,
    municipality: 2601,
    attributes: {
      nationality: { bfsCode: 8362, iso2: 'ER' },
      permitCode: '0503',
      permitAusweis: 'F',
      euEfta: false,
      familyOfSwiss: false,
      sex: 'female',
      birthYear: 1994,
      language: 'tir',
    },
    referralId: randomUUID(),
    madeOn: '2026-11-20',
    target: { kind: 'offer', offerId },
    category: 'language',
    status: 'proposed',
    ...over,
  };
}

/** The case.referral-disclosed.v1 case-management emits beside a referral where the person consented. */
export function referralDisclosed(referral: ReturnType<typeof referralMade>, offerId: string) {
  return {
    referralId: referral.referralId,
    caseId: referral.caseId,
    personRef: referral.personRef,
    offerId,
    consentOn: referral.madeOn,
    person: {
      officialName: 'Tesfay',
      firstName: 'Senait',
      address: { street: 'Dorfstrasse', houseNumber: '12', postalCode: '4500', town: 'Solothurn' },
      phone: '+41 79 000 00 00',
      email: null,
    },
  };
}
