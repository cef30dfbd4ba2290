import { randomBytes } from 'node:crypto';

/** Builders of person.* event data as registry-intake emits them (contracts/events/person), for tests. */
export const personRef = () => `p-${randomBytes(16).toString('hex')}`;

/** A calendar date `days` before today (UTC), so commands dated "today" are never in the future. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

const source = {
  messageId: null,
  senderId: 'sedex://T1-0-1',
  echEvent: 'moveIn',
  action: '1',
  testDelivery: true,
  messageDate: null,
};

export interface ArrivalOptions {
  personRef?: string;
  bfsNumber?: number;
  municipalityName?: string;
  officialName?: string;
  firstName?: string;
  arrivalDate?: string;
  householdId?: string | null;
  country?: { bfsCode: number; iso2: string; name: string; euEfta: boolean };
  permitCode?: string;
  language?: string | null;
  opensCase?: boolean;
}

export const ERITREA = { bfsCode: 8362, iso2: 'ER', name: 'Eritrea', euEfta: false };
export const GERMANY = { bfsCode: 8207, iso2: 'DE', name: 'Deutschland', euEfta: true };
export const SWITZERLAND = { bfsCode: 8100, iso2: 'CH', name: 'Schweiz', euEfta: true };

export function base(ref: string, bfsNumber: number, country = ERITREA, permitCode = '0202') {
  return {
    personRef: ref,
    alternatePersonRefs: [],
    bfsNumber,
    municipalityName: 'Gemeinde',
    municipalityMatchedByName: false,
    eventDate: daysAgo(10),
    source,
    sex: 'female',
    yearOfBirth: 1994,
    dateOfBirth: '1994-03-08',
    nationality: { status: 'known', countries: [{ ...country, matchedByName: false }] },
    residencePermit: {
      code: permitCode,
      category: 'B',
      categoryCode: permitCode.slice(0, 2),
      euEfta: country.euEfta,
      label: null,
      validFrom: daysAgo(10),
      validTill: null,
      entryDate: daysAgo(12),
    },
    language: 'ti',
    householdId: null as string | null,
  };
}

const personalData = (officialName: string, firstName: string) => ({
  officialName,
  firstName,
  callName: null,
  originalName: null,
  allianceName: null,
  vn: '7561234567897',
  localPersonId: { category: 'MU.2601', id: '100001' },
  address: {
    addressLine1: null,
    addressLine2: null,
    street: 'Dorfstrasse',
    houseNumber: '12',
    dwellingNumber: null,
    postOfficeBox: null,
    locality: null,
    postalCode: '4500',
    town: 'Solothurn',
    country: 'CH',
    egid: null,
    ewid: null,
  },
});

export function arrival(o: ArrivalOptions = {}) {
  const ref = o.personRef ?? personRef();
  const country = o.country ?? ERITREA;
  const permitCode = o.permitCode ?? (country.euEfta ? '0201' : '0202');
  return {
    ...base(ref, o.bfsNumber ?? 2601, country, permitCode),
    municipalityName: o.municipalityName ?? 'Solothurn',
    language: o.language === undefined ? 'ti' : o.language,
    householdId: o.householdId ?? null,
    arrivalDate: o.arrivalDate ?? daysAgo(10),
    entryDate: daysAgo(12),
    comesFrom: {
      kind: 'foreignCountry',
      country: { ...country, matchedByName: false },
      town: null,
      bfsNumber: null,
      municipalityName: null,
      canton: null,
    },
    comesFromUnknown: false,
    residenceType: 'main',
    targetGroup: {
      ruleVersion: 'so-default-2026.1',
      opensCase: o.opensCase ?? true,
      basis: 'category',
      permitCode,
      category: 'B',
    },
    personalData: personalData(o.officialName ?? 'Tesfay', o.firstName ?? 'Senait'),
  };
}

export function moved(ref: string, from: number, to: number, inCanton = true) {
  return {
    ...base(ref, to),
    nationality: null,
    residencePermit: null,
    moveKind: 'between-solothurn-municipalities',
    from: { bfsNumber: from, municipalityName: null, canton: 'SO', inCanton: true },
    to: { bfsNumber: to, municipalityName: null, canton: inCanton ? 'SO' : 'BE', inCanton },
    movedOn: daysAgo(2),
    personalData: personalData('Tesfay', 'Senait'),
  };
}

export function departed(ref: string, bfs: number, kind: 'abroad' | 'other-canton' | 'unknown' = 'abroad') {
  return {
    ...base(ref, bfs),
    departureDate: daysAgo(1),
    destination: { kind, country: null, bfsNumber: null, municipalityName: null, canton: null },
  };
}

export function naturalized(ref: string, bfs: number) {
  return { ...base(ref, bfs), naturalizationDate: daysAgo(1) };
}

export function died(ref: string, bfs: number) {
  return { ...base(ref, bfs), dateOfDeath: daysAgo(1) };
}

export function permitChanged(ref: string, bfs: number, code: string, country = ERITREA) {
  const b = base(ref, bfs, country, code);
  return { ...b, previousPermit: null, categoryChanged: null };
}

/** person.corrected.v1: `changes` name what the register corrected; the fields hold the new values. */
export function corrected(
  ref: string,
  bfs: number,
  changes: string[],
  o: { country?: typeof ERITREA; sex?: string; yearOfBirth?: number; permitCode?: string } = {},
) {
  const b = base(ref, bfs, o.country ?? ERITREA, o.permitCode ?? '0202');
  return {
    ...b,
    sex: o.sex ?? b.sex,
    yearOfBirth: o.yearOfBirth ?? b.yearOfBirth,
    dateOfBirth: o.yearOfBirth ? `${o.yearOfBirth}-03-08` : b.dateOfBirth,
    correctionKind: 'correction',
    changes,
    previousPersonRef: null,
    personalData: personalData('Tesfay', 'Senait'),
  };
}

/** person.registered.v1: one line of the base delivery `messageId`. */
export function registered(ref: string, bfs: number, messageId: string, position: number) {
  return {
    ...base(ref, bfs),
    arrivalDate: daysAgo(400),
    comesFrom: null,
    residenceType: 'main',
    baseDelivery: { messageId, validFrom: null, position },
    targetGroup: {
      ruleVersion: 'so-default-2026.1',
      opensCase: true,
      basis: 'category',
      permitCode: '0202',
      category: 'B',
    },
    personalData: personalData('Tesfay', 'Senait'),
  };
}

/** register.base-delivery-completed.v1 closing the base delivery `messageId`. */
export function baseDeliveryCompleted(
  bfs: number,
  messageId: string,
  registered: number,
  partialDelivery: unknown = null,
) {
  return {
    bfsNumber: bfs,
    municipalityName: 'Gemeinde',
    messageId,
    eventDate: daysAgo(1),
    persons: registered * 4,
    registered,
    partialDelivery,
  };
}
