/**
 * The fields of the person.* events (contracts/events/person) this service reads. The contracts are
 * validated on receipt by @si/messaging, so these shapes hold; fields not listed are ignored (tolerant reader).
 */
export interface CountryData {
  bfsCode: number | null;
  iso2: string | null;
  euEfta: boolean | null;
}

export interface PermitData {
  code: string;
  validFrom?: string | null;
}

export interface PersonalData {
  officialName: string;
  firstName: string;
  vn: string | null;
  address: {
    addressLine1: string | null;
    street: string | null;
    houseNumber: string | null;
    postalCode: string | null;
    town: string | null;
  } | null;
}

/** What every person event carries. */
export interface PersonEventBase {
  personRef: string;
  alternatePersonRefs: string[];
  bfsNumber: number;
  eventDate: string | null;
  sex: 'male' | 'female' | 'unknown' | null;
  yearOfBirth: number | null;
  dateOfBirth: string | null;
  nationality: { status: 'known' | 'stateless' | 'unknown'; countries: CountryData[] } | null;
  residencePermit: PermitData | null;
  language: string | null;
  householdId: string | null;
}

export interface PersonArrivedData extends PersonEventBase {
  arrivalDate: string;
  entryDate: string | null;
  targetGroup: { opensCase: boolean; ruleVersion: string };
  personalData: PersonalData;
}

export interface PersonMovedData extends PersonEventBase {
  moveKind: 'into-canton' | 'between-solothurn-municipalities' | 'within-municipality';
  from: { bfsNumber: number | null; inCanton: boolean } | null;
  to: { bfsNumber: number | null; inCanton: boolean };
  movedOn: string | null;
  personalData: PersonalData;
}

export interface PersonDepartedData extends PersonEventBase {
  departureDate: string | null;
  destination: { kind: 'abroad' | 'other-canton' | 'unknown' };
}

export interface PersonNaturalizedData extends PersonEventBase {
  naturalizationDate: string | null;
}

export interface PersonDiedData extends PersonEventBase {
  dateOfDeath: string | null;
}

export interface PersonCorrectedData extends PersonEventBase {
  changes: ('name' | 'nationality' | 'residencePermit' | 'dateOfBirth' | 'sex' | 'identification')[];
  previousPersonRef: string | null;
  personalData: PersonalData;
}

export interface PersonRegisteredData extends PersonEventBase {
  personalData: PersonalData;
  baseDelivery: { messageId: string | null; validFrom: string | null; position: number };
}
