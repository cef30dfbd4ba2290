import type { PartialDate } from './ech-dates.js';

/**
 * Plain objects read from an eCH-0020 v3 delivery: one per event, or one per person of a base delivery. They keep
 * what the message says (codes, optional parts missing as undefined) and nothing about what it means for
 * start.integration; that is the mapper's job.
 */
export interface EchPersonIdentification {
  /** AHV-13 as sent (digits only); absent in many messages (ORDIPRO sends none). */
  vn?: string;
  localPersonId: { category: string; id: string };
  officialName: string;
  firstName: string;
  originalName?: string;
  /** eCH-0044: 1 male, 2 female, 3 unknown. */
  sex?: string;
  dateOfBirth?: PartialDate;
}

export interface EchMunicipality {
  bfsNumber?: number;
  name?: string;
  canton?: string;
  historyId?: number;
}

export interface EchCountry {
  bfsCode?: number;
  iso2?: string;
  nameShort?: string;
}

/** eCH-0011 generalPlaceType / destinationType. */
export type EchPlace =
  | { kind: 'unknown' }
  | { kind: 'swissTown'; municipality: EchMunicipality }
  | { kind: 'foreignCountry'; country: EchCountry; town?: string };

export interface EchNationality {
  /** eCH-0011: 0 unknown, 1 stateless, 2 known. */
  status?: string;
  countries: Array<{ country: EchCountry; validFrom?: string }>;
}

export interface EchResidencePermit {
  /** eCH-0006 code; null when sent as `xsi:nil`. */
  code: string | null;
  validFrom?: string;
  validTill?: string;
  entryDate?: string;
}

export interface EchAddress {
  addressLine1?: string;
  addressLine2?: string;
  street?: string;
  houseNumber?: string;
  dwellingNumber?: string;
  postOfficeBox?: string;
  locality?: string;
  town?: string;
  postalCode?: string;
  country?: string;
}

export interface EchDwelling {
  egid?: number;
  ewid?: number;
  householdId?: string;
  address?: EchAddress;
  typeOfHousehold?: string;
  movingDate?: string;
}

export interface EchName {
  officialName?: string;
  firstName?: string;
  callName?: string;
  originalName?: string;
  allianceName?: string;
}

/** The full person of moveIn and baseDelivery. */
export interface EchFullPerson {
  identification: EchPersonIdentification;
  name: EchName;
  dateOfBirth?: PartialDate;
  sex?: string;
  placeOfBirth?: EchPlace;
  nationality?: EchNationality;
  languageOfCorrespondence?: string;
  /** Present for Swiss citizens (the XSD choice against residencePermitData). */
  placesOfOrigin?: Array<{ name?: string; canton?: string }>;
  /** Present for foreign nationals. */
  residencePermit?: EchResidencePermit;
}

/** Where a person lives as reported: hasMainResidence / hasSecondaryResidence / hasOtherResidence. */
export interface EchResidence {
  type: 'main' | 'secondary' | 'other';
  reportingMunicipality?: EchMunicipality;
  /** eCH-0020 federalRegister (1 INFOSTAR, 2 ORDIPRO, 3 ZEMIS) instead of a municipality. */
  federalRegister?: string;
  arrivalDate?: string;
  comesFrom?: EchPlace;
  dwelling?: EchDwelling;
  departureDate?: string;
  goesTo?: EchPlace;
  /** For a secondary residence: the main residence elsewhere. */
  mainResidence?: EchMunicipality;
}

interface RecordBase {
  /** The eCH-0020 element under `delivery` (e.g. `moveIn`), or `messages` of a base delivery. */
  echEvent: string;
  /** Line of the event (or base delivery person) in the delivery. */
  line: number;
}

export type EchRecord =
  | (RecordBase & { kind: 'moveIn'; person: EchFullPerson; residence: EchResidence })
  | (RecordBase & {
      kind: 'baseDeliveryPerson';
      index: number;
      person: EchFullPerson;
      residence: EchResidence;
      validFrom?: string;
    })
  /**
   * A base-delivery entry of a person without residence permit data (a Swiss citizen) at their main residence:
   * start.integration uses only that it exists and where it is reported, so the person is not read at all. About
   * 70 % of a register; reading them in full took a third of a base delivery's time.
   */
  | (RecordBase & {
      kind: 'baseDeliveryCitizen';
      index: number;
      residence: Pick<EchResidence, 'type' | 'reportingMunicipality' | 'federalRegister'>;
    })
  | (RecordBase & {
      kind: 'move';
      person: EchPersonIdentification;
      municipality?: EchMunicipality;
      federalRegister?: string;
      dwelling?: EchDwelling;
    })
  | (RecordBase & {
      kind: 'moveOut';
      person: EchPersonIdentification;
      municipality?: EchMunicipality;
      federalRegister?: string;
      departureDate?: string;
      goesTo?: EchPlace;
    })
  | (RecordBase & { kind: 'changeResidencePermit'; person: EchPersonIdentification; permit?: EchResidencePermit })
  | (RecordBase & { kind: 'correctResidencePermit'; person: EchPersonIdentification; permit?: EchResidencePermit })
  | (RecordBase & {
      kind: 'naturalizeForeigner';
      person: EchPersonIdentification;
      naturalizationDate?: string;
      placesOfOrigin: Array<{ name?: string; canton?: string }>;
    })
  | (RecordBase & { kind: 'death'; person: EchPersonIdentification; dateOfDeath?: string })
  | (RecordBase & { kind: 'correctName' | 'changeName'; person: EchPersonIdentification; name: EchName })
  | (RecordBase & {
      kind: 'correctNationality' | 'changeNationality';
      person: EchPersonIdentification;
      nationality: EchNationality;
    })
  | (RecordBase & {
      kind: 'correctBirthInfo';
      person: EchPersonIdentification;
      dateOfBirth?: PartialDate;
      sex?: string;
    })
  | (RecordBase & { kind: 'changeSex'; person: EchPersonIdentification; sex?: string })
  | (RecordBase & {
      kind: 'correctIdentification';
      before: EchPersonIdentification;
      after: { vn?: string; localPersonId?: { category: string; id: string } };
    })
  | (RecordBase & {
      kind: 'identificationConversion';
      persons: Array<{
        vn?: string;
        before: { category: string; id: string };
        after: { category: string; id: string };
      }>;
    })
  | (RecordBase & { kind: 'other'; person?: EchPersonIdentification });

export type EchRecordKind = EchRecord['kind'];

/** The eCH-0058 v5 header of the delivery, as far as the service needs it. */
export interface DeliveryHeader {
  senderId?: string;
  recipientIds: string[];
  messageId?: string;
  referenceMessageId?: string;
  messageType?: string;
  subMessageType?: string;
  messageDate?: string;
  eventDate?: string;
  /** eCH-0058 action: 1 new, 3 recall, 4 correction, … */
  action?: string;
  testDeliveryFlag?: boolean;
  partialDelivery?: { uniqueIdDelivery?: string; totalNumberOfPackages?: number; numberOfActualPackage?: number };
  sendingApplication?: { manufacturer?: string; product?: string; productVersion?: string };
}
