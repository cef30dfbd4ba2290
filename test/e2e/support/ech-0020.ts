import { randomUUID } from 'node:crypto';

/** A newcomer as the municipal register reports them (synthetic). */
export interface Newcomer {
  officialName: string;
  firstName: string;
  sex: 1 | 2;
  dateOfBirth: string;
  country: { bfsCode: number; iso2: string; name: string };
  permit: string;
  language: string;
  municipality: { bfs: number; name: string; zip: string };
  arrivalDate: string;
  localId: string;
  /** AHV number (13 digits, 756…), when the register delivers one. */
  vn?: string;
}

const x = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/** eCH-0058 partialDelivery: the message is package `number` of `total` of the register `uniqueIdDelivery`. */
export interface RegisterPackage {
  uniqueIdDelivery: string;
  total: number;
  number: number;
}

const header = (bfs: number, eventDate?: string, pkg?: RegisterPackage) => `
  <deliveryHeader>
    <e58:senderId>sedex://T1-${bfs}-1</e58:senderId>
    <e58:messageId>${randomUUID()}</e58:messageId>
    <e58:messageType>http://www.ech.ch/xmlns/eCH-0020/3</e58:messageType>
    <e58:sendingApplication><e58:manufacturer>Example AG</e58:manufacturer><e58:product>Einwohnerregister</e58:product><e58:productVersion>7.2</e58:productVersion></e58:sendingApplication>${
      pkg
        ? `
    <e58:partialDelivery><e58:uniqueIdDelivery>${pkg.uniqueIdDelivery}</e58:uniqueIdDelivery><e58:totalNumberOfPackages>${pkg.total}</e58:totalNumberOfPackages><e58:numberOfActualPackage>${pkg.number}</e58:numberOfActualPackage></e58:partialDelivery>`
        : ''
    }
    <e58:messageDate>${new Date().toISOString().slice(0, 19)}</e58:messageDate>${
      eventDate
        ? `
    <e58:eventDate>${eventDate}</e58:eventDate>`
        : ''
    }
    <e58:action>1</e58:action>
    <e58:testDeliveryFlag>true</e58:testDeliveryFlag>
  </deliveryHeader>`;

const delivery = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<delivery xmlns="http://www.ech.ch/xmlns/eCH-0020/3" xmlns:e58="http://www.ech.ch/xmlns/eCH-0058/5" xmlns:p="http://www.ech.ch/xmlns/eCH-0044/4"
          xmlns:r="http://www.ech.ch/xmlns/eCH-0011/8" xmlns:a="http://www.ech.ch/xmlns/eCH-0010/5" xmlns:c="http://www.ech.ch/xmlns/eCH-0008/3"
          xmlns:m="http://www.ech.ch/xmlns/eCH-0007/5" xmlns:x="http://www.ech.ch/xmlns/eCH-0021/7" version="3.0">${body}
</delivery>
`;

/** The full person (eCH-0020 baseDeliveryPersonType, of which moveInPerson is a restriction). */
function fullPerson(p: Newcomer): string {
  const c = `<c:countryId>${p.country.bfsCode}</c:countryId><c:countryIdISO2>${p.country.iso2}</c:countryIdISO2><c:countryNameShort>${x(p.country.name)}</c:countryNameShort>`;
  return `
      <personIdentification>
        ${p.vn ? `<p:vn>${p.vn}</p:vn>` : ''}
        <p:localPersonId><p:personIdCategory>MU.${p.municipality.bfs}</p:personIdCategory><p:personId>${p.localId}</p:personId></p:localPersonId>
        <p:officialName>${x(p.officialName)}</p:officialName>
        <p:firstName>${x(p.firstName)}</p:firstName>
        <p:sex>${p.sex}</p:sex>
        <p:dateOfBirth><p:yearMonthDay>${p.dateOfBirth}</p:yearMonthDay></p:dateOfBirth>
      </personIdentification>
      <nameInfo><nameData><r:officialName>${x(p.officialName)}</r:officialName><r:firstName>${x(p.firstName)}</r:firstName></nameData></nameInfo>
      <birthInfo><birthData>
        <r:dateOfBirth><p:yearMonthDay>${p.dateOfBirth}</p:yearMonthDay></r:dateOfBirth>
        <r:placeOfBirth><r:foreignCountry><r:country>${c}</r:country></r:foreignCountry></r:placeOfBirth>
        <r:sex>${p.sex}</r:sex>
      </birthData></birthInfo>
      <religionData><r:religion>000</r:religion></religionData>
      <maritalInfo><maritalData><r:maritalStatus>1</r:maritalStatus></maritalData></maritalInfo>
      <nationalityData><r:nationalityStatus>2</r:nationalityStatus><r:countryInfo><r:country>${c}</r:country></r:countryInfo></nationalityData>
      <personAdditionalData><x:languageOfCorrespondance>${p.language}</x:languageOfCorrespondance></personAdditionalData>
      <residencePermitData>
        <r:residencePermit>${p.permit}</r:residencePermit>
        <r:residencePermitValidFrom>${p.arrivalDate}</r:residencePermitValidFrom>
        <r:entryDate>${p.arrivalDate}</r:entryDate>
      </residencePermitData>
      <lockData><x:dataLock>0</x:dataLock><x:paperLock>0</x:paperLock></lockData>`;
}

function mainResidence(p: Newcomer): string {
  const c = `<c:countryId>${p.country.bfsCode}</c:countryId><c:countryIdISO2>${p.country.iso2}</c:countryIdISO2><c:countryNameShort>${x(p.country.name)}</c:countryNameShort>`;
  return `
    <hasMainResidence>
      <reportingMunicipality><m:municipalityId>${p.municipality.bfs}</m:municipalityId><m:municipalityName>${x(p.municipality.name)}</m:municipalityName><m:cantonAbbreviation>SO</m:cantonAbbreviation></reportingMunicipality>
      <arrivalDate>${p.arrivalDate}</arrivalDate>
      <comesFrom><r:foreignCountry><r:country>${c}</r:country></r:foreignCountry></comesFrom>
      <dwellingAddress>
        <r:address><a:street>Hauptgasse</a:street><a:houseNumber>7</a:houseNumber><a:town>${x(p.municipality.name)}</a:town><a:swissZipCode>${p.municipality.zip}</a:swissZipCode><a:country>CH</a:country></r:address>
        <r:typeOfHousehold>1</r:typeOfHousehold>
      </dwellingAddress>
    </hasMainResidence>`;
}

/**
 * An eCH-0020 v3.0 delivery with one moveIn from abroad (main residence), as a municipality's register
 * sends it over sedex: what registry-intake validates against the XSDs and turns into person.arrived.v1.
 */
export function moveInDelivery(p: Newcomer): string {
  return delivery(`${header(p.municipality.bfs)}
  <moveIn>
    <moveInPerson>${fullPerson(p)}
    </moveInPerson>${mainResidence(p)}
  </moveIn>`);
}

/** A base delivery (the municipality's whole register as of `eventDate`, or one package of it) listing `persons`. */
export function baseDelivery(bfs: number, eventDate: string, persons: Newcomer[], pkg?: RegisterPackage): string {
  const messages = persons
    .map(
      (p) => `
    <messages>
    <baseDeliveryPerson>${fullPerson(p)}
    </baseDeliveryPerson>${mainResidence(p)}
    </messages>`,
    )
    .join('');
  return delivery(`${header(bfs, eventDate, pkg)}
  <baseDelivery>${messages}
  </baseDelivery>`);
}
