import type { NsKey } from '../ech-namespaces.js';
import type { EchXmlWriter } from './ech-xml-writer.js';
import type { GenCountry, GenHousehold, GenMunicipality, GenPerson } from './person-factory.js';

/** Variations that real senders produce and the reader must cope with. */
export interface Variations {
  /** Municipalities with `municipalityName` only, no BFS number (eCH-0007 makes it optional). */
  municipalityNameOnly?: boolean;
  /** Countries with `countryNameShort` only (a real ORDIPRO message has just that). */
  countryNameOnly?: boolean;
  /** A vendor extension (`e20:extension` with foreign content) at the end of every event. */
  withExtension?: boolean;
}

/**
 * Renders the eCH-0020 v3 building blocks in XSD order. Wrapper elements are in the eCH-0020 namespace, their
 * content in eCH-0011/0021/0044/0010/0008/0007, exactly as the schema's types declare them.
 */
export class EchFragments {
  constructor(
    private readonly w: EchXmlWriter,
    private readonly v: Variations = {},
  ) {}

  personIdentification(ns: NsKey, local: string, p: GenPerson): string {
    const w = this.w;
    return w.wrap(
      ns,
      local,
      w.opt('e44', 'vn', p.vn) +
        w.wrap(
          'e44',
          'localPersonId',
          w.el('e44', 'personIdCategory', p.localId.category) + w.el('e44', 'personId', p.localId.id),
        ) +
        w.el('e44', 'officialName', p.officialName) +
        w.el('e44', 'firstName', p.firstName) +
        w.el('e44', 'sex', p.sex) +
        w.wrap('e44', 'dateOfBirth', w.date('e44', 'yearMonthDay', p.dateOfBirth)),
    );
  }

  municipality(ns: NsKey, local: string, m: GenMunicipality): string {
    const w = this.w;
    const nameOnly = this.v.municipalityNameOnly === true;
    return w.wrap(
      ns,
      local,
      (nameOnly ? '' : w.el('e7', 'municipalityId', m.bfsNumber)) +
        w.el('e7', 'municipalityName', m.name) +
        (nameOnly ? '' : w.el('e7', 'cantonAbbreviation', m.canton)),
    );
  }

  country(ns: NsKey, local: string, c: GenCountry): string {
    const w = this.w;
    const nameOnly = this.v.countryNameOnly === true;
    return w.wrap(
      ns,
      local,
      (nameOnly ? '' : w.el('e8', 'countryId', c.bfsCode)) +
        (nameOnly || c.iso2 === null ? '' : w.el('e8', 'countryIdISO2', c.iso2)) +
        w.el('e8', 'countryNameShort', c.nameDe),
    );
  }

  nameInfo(p: Pick<GenPerson, 'officialName' | 'firstName'>): string {
    const w = this.w;
    return w.wrap(
      'e20',
      'nameInfo',
      w.wrap('e20', 'nameData', w.el('e11', 'officialName', p.officialName) + w.el('e11', 'firstName', p.firstName)),
    );
  }

  birthInfo(p: GenPerson, municipalityOfBirth: GenMunicipality): string {
    const w = this.w;
    const place = p.birthCountry
      ? w.wrap(
          'e11',
          'foreignCountry',
          this.country('e11', 'country', p.birthCountry) + w.opt('e11', 'town', p.birthTown),
        )
      : this.municipality('e11', 'swissTown', municipalityOfBirth);
    return w.wrap(
      'e20',
      'birthInfo',
      w.wrap(
        'e20',
        'birthData',
        w.wrap('e11', 'dateOfBirth', w.date('e44', 'yearMonthDay', p.dateOfBirth)) +
          w.wrap('e11', 'placeOfBirth', place) +
          w.el('e11', 'sex', p.sex),
      ),
    );
  }

  nationalityData(nationality: GenCountry | 'CH'): string {
    const w = this.w;
    const country: GenCountry = nationality === 'CH' ? { bfsCode: 8100, iso2: 'CH', nameDe: 'Schweiz' } : nationality;
    return w.wrap(
      'e20',
      'nationalityData',
      w.el('e11', 'nationalityStatus', '2') + w.wrap('e11', 'countryInfo', this.country('e11', 'country', country)),
    );
  }

  residencePermitData(permit: NonNullable<GenPerson['permit']>): string {
    const w = this.w;
    return w.wrap(
      'e20',
      'residencePermitData',
      w.el('e11', 'residencePermit', permit.code) +
        w.date('e11', 'residencePermitValidFrom', permit.validFrom) +
        w.date('e11', 'residencePermitValidTill', permit.validTill) +
        w.date('e11', 'entryDate', permit.entryDate),
    );
  }

  placeOfOriginInfo(origin: { name: string; canton: string }, naturalizationDate?: string): string {
    const w = this.w;
    return w.wrap(
      'e20',
      'placeOfOriginInfo',
      w.wrap('e20', 'placeOfOrigin', w.el('e11', 'originName', origin.name) + w.el('e11', 'canton', origin.canton)) +
        (naturalizationDate
          ? w.wrap('e20', 'placeOfOriginAddonData', w.date('e21', 'naturalizationDate', naturalizationDate))
          : ''),
    );
  }

  /** The full person of moveIn and baseDelivery (eCH-0020 baseDeliveryPersonType and its moveIn restriction). */
  fullPerson(local: string, p: GenPerson): string {
    const w = this.w;
    return w.wrap(
      'e20',
      local,
      this.personIdentification('e20', 'personIdentification', p) +
        this.nameInfo(p) +
        this.birthInfo(p, p.household.municipality) +
        w.wrap('e20', 'religionData', w.el('e11', 'religion', p.religion)) +
        w.wrap('e20', 'maritalInfo', w.wrap('e20', 'maritalData', w.el('e11', 'maritalStatus', p.maritalStatus))) +
        this.nationalityData(p.nationality) +
        (p.language ? w.wrap('e20', 'personAdditionalData', w.el('e21', 'languageOfCorrespondance', p.language)) : '') +
        (p.permit
          ? this.residencePermitData(p.permit)
          : this.placeOfOriginInfo(p.placeOfOrigin ?? { name: 'Solothurn', canton: 'SO' })) +
        w.wrap('e20', 'lockData', w.el('e21', 'dataLock', '0') + w.el('e21', 'paperLock', '0')),
    );
  }

  dwellingAddress(h: GenHousehold): string {
    const w = this.w;
    return w.wrap(
      'e20',
      'dwellingAddress',
      w.el('e11', 'EGID', h.egid) +
        w.el('e11', 'EWID', h.ewid) +
        w.el('e11', 'householdID', h.id) +
        w.wrap(
          'e11',
          'address',
          w.el('e10', 'street', h.address.street) +
            w.el('e10', 'houseNumber', h.address.houseNumber) +
            w.el('e10', 'town', h.address.town) +
            w.el('e10', 'swissZipCode', h.address.zip) +
            w.el('e10', 'country', 'CH'),
        ) +
        w.el('e11', 'typeOfHousehold', h.typeOfHousehold),
    );
  }

  /** eCH-0011 destinationType: where a person comes from or goes to. */
  place(
    local: 'comesFrom' | 'goesTo',
    place:
      | { kind: 'unknown' }
      | { kind: 'swissTown'; municipality: GenMunicipality }
      | { kind: 'foreignCountry'; country: GenCountry; town?: string },
  ): string {
    const w = this.w;
    const content =
      place.kind === 'unknown'
        ? w.el('e11', 'unknown', '0')
        : place.kind === 'swissTown'
          ? this.municipality('e11', 'swissTown', place.municipality)
          : w.wrap(
              'e11',
              'foreignCountry',
              this.country('e11', 'country', place.country) + w.opt('e11', 'town', place.town),
            );
    return w.wrap('e20', local, content);
  }

  extension(): string {
    if (!this.v.withExtension) return '';
    return this.w.wrap(
      'e20',
      'extension',
      '<vrsg:personExtension xmlns:vrsg="http://xmlns.vrsg.ch/xmlns/eEK-0020/1"><vrsg:internalNumber>4711</vrsg:internalNumber>' +
        '<vrsg:note>unknown vendor content, ignored</vrsg:note></vrsg:personExtension>',
    );
  }

  header(h: {
    senderId: string;
    messageId: string;
    messageDate: string;
    eventDate?: string;
    testDelivery: boolean;
    action?: string;
    partialDelivery?: { uniqueIdDelivery: string; totalNumberOfPackages: number; numberOfActualPackage: number };
  }): string {
    const p = h.partialDelivery;
    const w = this.w;
    return w.wrap(
      'e20',
      'deliveryHeader',
      w.el('e58', 'senderId', h.senderId) +
        w.el('e58', 'recipientId', 'sedex://T6-SO-1') +
        w.el('e58', 'messageId', h.messageId) +
        w.el('e58', 'messageType', 'http://www.ech.ch/xmlns/eCH-0020/3') +
        w.wrap(
          'e58',
          'sendingApplication',
          w.el('e58', 'manufacturer', 'start.integration') +
            w.el('e58', 'product', 'gen-ech') +
            w.el('e58', 'productVersion', '1.0'),
        ) +
        (p
          ? w.wrap(
              'e58',
              'partialDelivery',
              w.el('e58', 'uniqueIdDelivery', p.uniqueIdDelivery) +
                w.el('e58', 'totalNumberOfPackages', String(p.totalNumberOfPackages)) +
                w.el('e58', 'numberOfActualPackage', String(p.numberOfActualPackage)),
            )
          : '') +
        w.el('e58', 'messageDate', h.messageDate) +
        w.date('e58', 'eventDate', h.eventDate) +
        w.el('e58', 'action', h.action ?? '1') +
        w.el('e58', 'testDeliveryFlag', String(h.testDelivery)),
    );
  }
}
