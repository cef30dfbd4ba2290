import type { ResolvedCountry } from '../../master-data/country-directory.js';
import type { PermitInfo } from '../../rules/residence-permit-catalog.js';
import type { TargetGroupDecision } from '../../rules/target-group-rule.js';

/**
 * The `data` of the person events (contracts/events/person/*.schema.json). Everything outside `personalData` is
 * pseudonymous; names, addresses, AHV numbers and register ids appear only inside `personalData`, and only in the
 * events case-management alone consumes (arrived, moved, corrected, registered).
 */
export interface EventSource {
  /** eCH-0058 messageId of the delivery. */
  messageId: string | null;
  senderId: string | null;
  /** The eCH-0020 event the person event was derived from, e.g. `moveIn`. */
  echEvent: string;
  /** eCH-0058 action: 1 new, 3 recall, 4 correction … */
  action: string | null;
  testDelivery: boolean;
  messageDate: string | null;
}

export interface PersonEventBase {
  personRef: string;
  alternatePersonRefs: string[];
  /** BFS number of the Solothurn municipality the event belongs to. */
  bfsNumber: number;
  municipalityName: string;
  /** true when the message named the municipality without BFS number and it was matched by name. */
  municipalityMatchedByName: boolean;
  /** The day the event happened according to the register (ISO date), null when the message gives none. */
  eventDate: string | null;
  source: EventSource;
}

export interface ResidencePermitData extends PermitInfo {
  validFrom: string | null;
  validTill: string | null;
  entryDate: string | null;
}

export interface NationalityData {
  status: 'known' | 'stateless' | 'unknown';
  countries: ResolvedCountry[];
}

/** Pseudonymous attributes: what reporting and subsidies may count by. null = not in the message. */
export interface PersonProfile {
  sex: 'male' | 'female' | 'unknown' | null;
  yearOfBirth: number | null;
  /** `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the register knows no more. */
  dateOfBirth: string | null;
  nationality: NationalityData | null;
  residencePermit: ResidencePermitData | null;
  /** ISO 639-1 language of correspondence (eCH-0021), where the register has one. */
  language: string | null;
  /** eCH-0011 householdID, or `EGID-<n>[-EWID-<n>]` when the register gives only the dwelling. */
  householdId: string | null;
}

export interface PostalAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  street: string | null;
  houseNumber: string | null;
  dwellingNumber: string | null;
  postOfficeBox: string | null;
  locality: string | null;
  postalCode: string | null;
  town: string | null;
  country: string | null;
  egid: number | null;
  ewid: number | null;
}

/** Identifying data: only in events consumed by case-management alone. */
export interface PersonalData {
  officialName: string;
  firstName: string;
  callName: string | null;
  originalName: string | null;
  allianceName: string | null;
  /** AHV-13 number, digits only. */
  vn: string | null;
  localPersonId: { category: string; id: string };
  address: PostalAddress | null;
}

export interface PlaceRef {
  kind: 'foreignCountry' | 'swissTown' | 'unknown';
  country: ResolvedCountry | null;
  town: string | null;
  bfsNumber: number | null;
  municipalityName: string | null;
  canton: string | null;
}

export interface PersonArrivedData extends PersonEventBase, PersonProfile {
  arrivalDate: string;
  entryDate: string | null;
  comesFrom: PlaceRef;
  /** true when the register did not know where the person came from (comesFrom/unknown, or a "foreign" Switzerland). */
  comesFromUnknown: boolean;
  residenceType: 'main';
  targetGroup: TargetGroupDecision;
  personalData: PersonalData;
}

export interface MunicipalityEnd {
  bfsNumber: number | null;
  municipalityName: string | null;
  canton: string | null;
  inCanton: boolean;
}

export interface PersonMovedData extends PersonEventBase, PersonProfile {
  moveKind: 'into-canton' | 'between-solothurn-municipalities' | 'within-municipality';
  from: MunicipalityEnd | null;
  to: MunicipalityEnd;
  movedOn: string | null;
  personalData: PersonalData;
}

export interface PersonDepartedData extends PersonEventBase, PersonProfile {
  departureDate: string | null;
  destination: {
    kind: 'abroad' | 'other-canton' | 'unknown';
    country: ResolvedCountry | null;
    bfsNumber: number | null;
    municipalityName: string | null;
    canton: string | null;
  };
}

export interface PersonResidencePermitChangedData extends PersonEventBase, PersonProfile {
  previousPermit: PermitInfo | null;
  /** null when the previous permit is not known to registry-intake. */
  categoryChanged: boolean | null;
}

export interface PersonNaturalizedData extends PersonEventBase, PersonProfile {
  naturalizationDate: string | null;
}

export interface PersonDiedData extends PersonEventBase, PersonProfile {
  dateOfDeath: string | null;
}

export type CorrectedField = 'name' | 'nationality' | 'residencePermit' | 'dateOfBirth' | 'sex' | 'identification';

export interface PersonCorrectedData extends PersonEventBase, PersonProfile {
  correctionKind: 'correction' | 'change';
  /** What the register corrected: at least one field (the contract's minItems). */
  changes: [CorrectedField, ...CorrectedField[]];
  /** Set when the identification changed: the reference the person had before. */
  previousPersonRef: string | null;
  personalData: PersonalData;
}

export interface PersonRegisteredData extends PersonEventBase, PersonProfile {
  arrivalDate: string | null;
  comesFrom: PlaceRef | null;
  residenceType: 'main';
  baseDelivery: { messageId: string | null; validFrom: string | null; position: number };
  targetGroup: TargetGroupDecision;
  personalData: PersonalData;
}

export interface PersonEventDataMap {
  'person.arrived.v1': PersonArrivedData;
  'person.moved.v1': PersonMovedData;
  'person.departed.v1': PersonDepartedData;
  'person.residence-permit-changed.v1': PersonResidencePermitChangedData;
  'person.naturalized.v1': PersonNaturalizedData;
  'person.died.v1': PersonDiedData;
  'person.corrected.v1': PersonCorrectedData;
  'person.registered.v1': PersonRegisteredData;
}
