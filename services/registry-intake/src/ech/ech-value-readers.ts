import { normaliseDate, partialDate, type PartialDate } from './ech-dates.js';
import { NS } from './ech-namespaces.js';
import type {
  EchAddress,
  EchCountry,
  EchDwelling,
  EchFullPerson,
  EchMunicipality,
  EchName,
  EchNationality,
  EchPersonIdentification,
  EchPlace,
  EchResidence,
  EchResidencePermit,
} from './ech-record.types.js';
import { child, childrenNamed, choiceOf, intOf, textOf, type XNode } from './xml-subtree.js';

/** Readers for the eCH building blocks, each taking the element whose type is the block (XSD paths in comments). */

/** eCH-0044 vnType is an xs:unsignedLong: "+0756…" is the same number as "756…". */
export function readVn(node: XNode | undefined): string | undefined {
  const raw = textOf(node, NS.e44, 'vn');
  const m = raw === undefined ? null : /^\+?0*(\d+)$/.exec(raw);
  return m ? m[1] : undefined;
}

/** eCH-0044 datePartiallyKnownType: yearMonthDay | yearMonth | year. */
export function readPartialDate(node: XNode | undefined): PartialDate | undefined {
  const c = choiceOf(node, NS.e44, ['yearMonthDay', 'yearMonth', 'year']);
  return c ? partialDate(c.local as 'yearMonthDay' | 'yearMonth' | 'year', c.text) : undefined;
}

export function readNamedId(node: XNode | undefined): { category: string; id: string } | undefined {
  const category = textOf(node, NS.e44, 'personIdCategory');
  const id = textOf(node, NS.e44, 'personId');
  return category !== undefined && id !== undefined ? { category, id } : undefined;
}

/** eCH-0044 personIdentificationType. */
export function readPersonIdentification(node: XNode | undefined): EchPersonIdentification | undefined {
  const localPersonId = readNamedId(child(node, NS.e44, 'localPersonId'));
  if (!node || !localPersonId) return undefined;
  return {
    vn: readVn(node),
    localPersonId,
    officialName: textOf(node, NS.e44, 'officialName') ?? '',
    firstName: textOf(node, NS.e44, 'firstName') ?? '',
    originalName: textOf(node, NS.e44, 'originalName'),
    sex: textOf(node, NS.e44, 'sex'),
    dateOfBirth: readPartialDate(child(node, NS.e44, 'dateOfBirth')),
  };
}

/** eCH-0007 swissMunicipalityType. */
export function readMunicipality(node: XNode | undefined): EchMunicipality | undefined {
  if (!node) return undefined;
  return {
    bfsNumber: intOf(node, NS.e7, 'municipalityId'),
    name: textOf(node, NS.e7, 'municipalityName'),
    canton: textOf(node, NS.e7, 'cantonAbbreviation'),
    historyId: intOf(node, NS.e7, 'historyMunicipalityId'),
  };
}

/** eCH-0008 countryType (children in the eCH-0008 namespace). */
export function readCountry(node: XNode | undefined, ns: string = NS.e8): EchCountry {
  return {
    bfsCode: intOf(node, ns, 'countryId'),
    iso2: textOf(node, ns, 'countryIdISO2'),
    nameShort: textOf(node, ns, 'countryNameShort'),
  };
}

/** eCH-0011 generalPlaceType / destinationType: unknown | swissTown | foreignCountry. */
export function readPlace(node: XNode | undefined): EchPlace | undefined {
  const c = choiceOf(node, NS.e11, ['unknown', 'swissTown', 'foreignCountry']);
  if (!c) return undefined;
  if (c.local === 'unknown') return { kind: 'unknown' };
  if (c.local === 'swissTown') return { kind: 'swissTown', municipality: readMunicipality(c) ?? {} };
  return { kind: 'foreignCountry', country: readCountry(child(c, NS.e11, 'country')), town: textOf(c, NS.e11, 'town') };
}

/** eCH-0011 nationalityDataType. */
export function readNationality(node: XNode | undefined): EchNationality | undefined {
  if (!node) return undefined;
  return {
    status: textOf(node, NS.e11, 'nationalityStatus'),
    countries: childrenNamed(node, NS.e11, 'countryInfo').map((info) => ({
      country: readCountry(child(info, NS.e11, 'country')),
      validFrom: normaliseDate(textOf(info, NS.e11, 'nationalityValidFrom')),
    })),
  };
}

/** eCH-0011 residencePermitDataType; `residencePermit` may be nil. */
export function readResidencePermit(node: XNode | undefined): EchResidencePermit | undefined {
  if (!node) return undefined;
  const permit = child(node, NS.e11, 'residencePermit');
  const code = permit && !permit.nil ? permit.text.trim() || null : null;
  return {
    code,
    validFrom: normaliseDate(textOf(node, NS.e11, 'residencePermitValidFrom')),
    validTill: normaliseDate(textOf(node, NS.e11, 'residencePermitValidTill')),
    entryDate: normaliseDate(textOf(node, NS.e11, 'entryDate')),
  };
}

/** eCH-0010 swissAddressInformationType / addressInformationType. */
export function readAddress(node: XNode | undefined): EchAddress | undefined {
  if (!node) return undefined;
  const poBoxNumber = textOf(node, NS.e10, 'postOfficeBoxNumber');
  const poBoxText = textOf(node, NS.e10, 'postOfficeBoxText');
  return {
    addressLine1: textOf(node, NS.e10, 'addressLine1'),
    addressLine2: textOf(node, NS.e10, 'addressLine2'),
    street: textOf(node, NS.e10, 'street'),
    houseNumber: textOf(node, NS.e10, 'houseNumber'),
    dwellingNumber: textOf(node, NS.e10, 'dwellingNumber'),
    postOfficeBox: poBoxText || poBoxNumber ? [poBoxText, poBoxNumber].filter(Boolean).join(' ') : undefined,
    locality: textOf(node, NS.e10, 'locality'),
    town: textOf(node, NS.e10, 'town'),
    postalCode: textOf(node, NS.e10, 'swissZipCode') ?? textOf(node, NS.e10, 'foreignZipCode'),
    country: textOf(node, NS.e10, 'country'),
  };
}

/** eCH-0011 dwellingAddressType. */
export function readDwelling(node: XNode | undefined): EchDwelling | undefined {
  if (!node) return undefined;
  return {
    egid: intOf(node, NS.e11, 'EGID'),
    ewid: intOf(node, NS.e11, 'EWID'),
    householdId: textOf(node, NS.e11, 'householdID'),
    address: readAddress(child(node, NS.e11, 'address')),
    typeOfHousehold: textOf(node, NS.e11, 'typeOfHousehold'),
    movingDate: normaliseDate(textOf(node, NS.e11, 'movingDate')),
  };
}

/** eCH-0011 nameDataType (inside eCH-0020 nameInfo/nameData). */
export function readName(nameData: XNode | undefined): EchName {
  return {
    officialName: textOf(nameData, NS.e11, 'officialName'),
    firstName: textOf(nameData, NS.e11, 'firstName'),
    callName: textOf(nameData, NS.e11, 'callName'),
    originalName: textOf(nameData, NS.e11, 'originalName'),
    allianceName: textOf(nameData, NS.e11, 'allianceName'),
  };
}

/** eCH-0020 birthInfoType: birthData/(dateOfBirth, placeOfBirth, sex). */
export function readBirth(birthInfo: XNode | undefined): {
  dateOfBirth?: PartialDate;
  placeOfBirth?: EchPlace;
  sex?: string;
} {
  const data = child(birthInfo, NS.e20, 'birthData');
  return {
    dateOfBirth: readPartialDate(child(data, NS.e11, 'dateOfBirth')),
    placeOfBirth: readPlace(child(data, NS.e11, 'placeOfBirth')),
    sex: textOf(data, NS.e11, 'sex'),
  };
}

export function readPlacesOfOrigin(
  parent: XNode | undefined,
  local = 'placeOfOriginInfo',
): Array<{ name?: string; canton?: string }> {
  return childrenNamed(parent, NS.e20, local).map((info) => {
    const origin = child(info, NS.e20, 'placeOfOrigin');
    return { name: textOf(origin, NS.e11, 'originName'), canton: textOf(origin, NS.e11, 'canton') };
  });
}

/** eCH-0020 baseDeliveryPersonType (and its moveIn restriction). */
export function readFullPerson(node: XNode | undefined): EchFullPerson | undefined {
  const identification = readPersonIdentification(child(node, NS.e20, 'personIdentification'));
  if (!node || !identification) return undefined;
  const birth = readBirth(child(node, NS.e20, 'birthInfo'));
  const origins = readPlacesOfOrigin(node);
  const permitData = child(node, NS.e20, 'residencePermitData');
  return {
    identification,
    name: readName(child(child(node, NS.e20, 'nameInfo'), NS.e20, 'nameData')),
    dateOfBirth: birth.dateOfBirth ?? identification.dateOfBirth,
    sex: birth.sex ?? identification.sex,
    placeOfBirth: birth.placeOfBirth,
    nationality: readNationality(child(node, NS.e20, 'nationalityData')),
    languageOfCorrespondence: textOf(child(node, NS.e20, 'personAdditionalData'), NS.e21, 'languageOfCorrespondance'),
    placesOfOrigin: origins.length > 0 ? origins : undefined,
    residencePermit: readResidencePermit(permitData),
  };
}

/**
 * eCH-0020 reportingMunicipalityType and its restrictions, plus the eCH-0011 residence types used by
 * correctReporting (mainResidence/secondaryResidence wrappers). `type` says which choice held it.
 */
export function readResidence(holder: XNode | undefined): EchResidence | undefined {
  const r = choiceOf(holder, NS.e20, ['hasMainResidence', 'hasSecondaryResidence', 'hasOtherResidence']);
  if (!r) return undefined;
  const type = r.local === 'hasMainResidence' ? 'main' : r.local === 'hasSecondaryResidence' ? 'secondary' : 'other';
  return {
    type,
    reportingMunicipality: readMunicipality(child(r, NS.e20, 'reportingMunicipality')),
    federalRegister: textOf(r, NS.e20, 'federalRegister'),
    arrivalDate: normaliseDate(textOf(r, NS.e20, 'arrivalDate')),
    comesFrom: readPlace(child(r, NS.e20, 'comesFrom')),
    dwelling: readDwelling(child(r, NS.e20, 'dwellingAddress')),
    departureDate: normaliseDate(textOf(r, NS.e20, 'departureDate')),
    goesTo: readPlace(child(r, NS.e20, 'goesTo')),
    mainResidence: type === 'secondary' ? readMunicipality(child(r, NS.e20, 'mainResidence')) : undefined,
  };
}
