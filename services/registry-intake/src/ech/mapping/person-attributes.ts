import type { CountryDirectory } from '../../master-data/country-directory.js';
import type { ResidencePermitCatalog } from '../../rules/residence-permit-catalog.js';
import type { PartialDate } from '../ech-dates.js';
import type {
  DeliveryHeader,
  EchDwelling,
  EchFullPerson,
  EchName,
  EchNationality,
  EchPersonIdentification,
  EchPlace,
  EchResidencePermit,
} from '../ech-record.types.js';
import type {
  EventSource,
  NationalityData,
  PersonalData,
  PersonProfile,
  PlaceRef,
  PostalAddress,
  ResidencePermitData,
} from './person-event.types.js';

/** Turns what a message says into the event attributes; pure functions over the reference data. */

export function sexOf(code: string | undefined): PersonProfile['sex'] {
  return code === '1' ? 'male' : code === '2' ? 'female' : code === '3' ? 'unknown' : null;
}

export function birthOf(date: PartialDate | undefined): Pick<PersonProfile, 'yearOfBirth' | 'dateOfBirth'> {
  return { yearOfBirth: date?.year ?? null, dateOfBirth: date?.value ?? null };
}

export function nationalityOf(n: EchNationality | undefined, countries: CountryDirectory): NationalityData | null {
  if (!n) return null;
  const resolved = n.countries.map((c) => countries.resolve(c.country)).filter((c) => c !== null);
  const status = n.status === '1' ? 'stateless' : n.status === '2' || resolved.length > 0 ? 'known' : 'unknown';
  return { status, countries: resolved };
}

export function permitOf(
  p: EchResidencePermit | undefined,
  permits: ResidencePermitCatalog,
): ResidencePermitData | null {
  if (!p || p.code === null) return null;
  const info = permits.describe(p.code);
  if (!info) return null;
  return { ...info, validFrom: p.validFrom ?? null, validTill: p.validTill ?? null, entryDate: p.entryDate ?? null };
}

export function householdIdOf(d: EchDwelling | undefined): string | null {
  if (!d) return null;
  if (d.householdId) return d.householdId;
  if (d.egid === undefined) return null;
  return d.ewid === undefined ? `EGID-${d.egid}` : `EGID-${d.egid}-EWID-${d.ewid}`;
}

export function addressOf(d: EchDwelling | undefined): PostalAddress | null {
  const a = d?.address;
  if (!a) return null;
  return {
    addressLine1: a.addressLine1 ?? null,
    addressLine2: a.addressLine2 ?? null,
    street: a.street ?? null,
    houseNumber: a.houseNumber ?? null,
    dwellingNumber: a.dwellingNumber ?? null,
    postOfficeBox: a.postOfficeBox ?? null,
    locality: a.locality ?? null,
    postalCode: a.postalCode ?? null,
    town: a.town ?? null,
    country: a.country ?? null,
    egid: d?.egid ?? null,
    ewid: d?.ewid ?? null,
  };
}

/** The profile of a full person (moveIn, baseDelivery). */
export function fullProfile(
  p: EchFullPerson,
  dwelling: EchDwelling | undefined,
  countries: CountryDirectory,
  permits: ResidencePermitCatalog,
): PersonProfile {
  return {
    sex: sexOf(p.sex),
    ...birthOf(p.dateOfBirth),
    nationality: nationalityOf(p.nationality, countries),
    residencePermit: permitOf(p.residencePermit, permits),
    language: p.languageOfCorrespondence?.toLowerCase() ?? null,
    householdId: householdIdOf(dwelling),
  };
}

/** The profile of a short event: only what eCH-0044 personIdentification carries. */
export function identificationProfile(p: EchPersonIdentification): PersonProfile {
  return {
    sex: sexOf(p.sex),
    ...birthOf(p.dateOfBirth),
    nationality: null,
    residencePermit: null,
    language: null,
    householdId: null,
  };
}

export function personalDataOf(
  id: EchPersonIdentification,
  name: EchName | undefined,
  dwelling: EchDwelling | undefined,
): PersonalData {
  return {
    officialName: name?.officialName ?? id.officialName,
    firstName: name?.firstName ?? id.firstName,
    callName: name?.callName ?? null,
    originalName: name?.originalName ?? id.originalName ?? null,
    allianceName: name?.allianceName ?? null,
    vn: id.vn ?? null,
    localPersonId: id.localPersonId,
    address: addressOf(dwelling),
  };
}

export function placeOf(place: EchPlace, countries: CountryDirectory): PlaceRef {
  if (place.kind === 'foreignCountry') {
    return {
      kind: 'foreignCountry',
      country: countries.resolve(place.country),
      town: place.town ?? null,
      bfsNumber: null,
      municipalityName: null,
      canton: null,
    };
  }
  if (place.kind === 'swissTown') {
    const m = place.municipality;
    return {
      kind: 'swissTown',
      country: null,
      town: null,
      bfsNumber: m.bfsNumber ?? null,
      municipalityName: m.name ?? null,
      canton: m.canton ?? null,
    };
  }
  return { kind: 'unknown', country: null, town: null, bfsNumber: null, municipalityName: null, canton: null };
}

export function sourceOf(header: DeliveryHeader, echEvent: string): EventSource {
  return {
    messageId: header.messageId ?? null,
    senderId: header.senderId ?? null,
    echEvent,
    action: header.action ?? null,
    testDelivery: header.testDeliveryFlag ?? false,
    messageDate: header.messageDate ?? null,
  };
}
