import { normaliseDate } from './ech-dates.js';
import { NS } from './ech-namespaces.js';
import type { DeliveryHeader, EchPersonIdentification, EchRecord } from './ech-record.types.js';
import {
  readBirth,
  readDwelling,
  readFullPerson,
  readMunicipality,
  readName,
  readNamedId,
  readNationality,
  readPersonIdentification,
  readPlace,
  readPlacesOfOrigin,
  readResidence,
  readResidencePermit,
} from './ech-value-readers.js';
import { child, childrenNamed, intOf, textOf, type XNode } from './xml-subtree.js';

/** The person element of each short event (eCH-0044 personIdentificationType unless noted). */
const PERSON_ELEMENT: Record<string, string> = {
  move: 'movePerson',
  moveOut: 'moveOutPerson',
  changeResidencePermit: 'entryResidencePermitPerson',
  correctResidencePermit: 'correctResidencePermitPerson',
  naturalizeForeigner: 'naturalizeForeignerPerson',
  death: 'deathPerson',
  correctName: 'correctNamePerson',
  changeName: 'changeNamePerson',
  correctNationality: 'correctNationalityPerson',
  changeNationality: 'changeNationalityPerson',
  correctBirthInfo: 'correctBirthInfoPerson',
};

/** Thrown when an element the schema requires is missing; only reachable if validation was bypassed. */
export class RecordShapeError extends Error {}

function person(event: XNode, local: string): EchPersonIdentification {
  const p = readPersonIdentification(child(event, NS.e20, local));
  if (!p) throw new RecordShapeError(`${event.local} at line ${event.line}: ${local} without localPersonId`);
  return p;
}

/** Any eCH-0020 event: the first child that is a person identification, for the delivery log of unused events. */
function anyPerson(event: XNode): EchPersonIdentification | undefined {
  for (const c of event.children) {
    const direct = readPersonIdentification(c);
    if (direct) return direct;
    const nested = readPersonIdentification(child(c, NS.e20, 'personIdentification'));
    if (nested) return nested;
  }
  return undefined;
}

/** Reads one event element (a child of `delivery` other than the header and the base delivery). */
export function readEventRecord(event: XNode): EchRecord {
  const base = { echEvent: event.local, line: event.line };
  switch (event.local) {
    case 'moveIn': {
      const p = readFullPerson(child(event, NS.e20, 'moveInPerson'));
      const residence = readResidence(event);
      if (!p || !residence) throw new RecordShapeError(`moveIn at line ${event.line}: person or residence missing`);
      return { ...base, kind: 'moveIn', person: p, residence };
    }
    case 'move': {
      const reporting = child(event, NS.e20, 'moveReportingMunicipality');
      return {
        ...base,
        kind: 'move',
        person: person(event, PERSON_ELEMENT.move),
        municipality: readMunicipality(child(reporting, NS.e20, 'reportingMunicipality')),
        federalRegister: textOf(reporting, NS.e20, 'federalRegister'),
        dwelling: readDwelling(child(reporting, NS.e20, 'dwellingAddress')),
      };
    }
    case 'moveOut': {
      const destination = child(event, NS.e20, 'moveOutReportingDestination');
      return {
        ...base,
        kind: 'moveOut',
        person: person(event, PERSON_ELEMENT.moveOut),
        municipality: readMunicipality(child(destination, NS.e20, 'reportingMunicipality')),
        federalRegister: textOf(destination, NS.e20, 'federalRegister'),
        departureDate: normaliseDate(textOf(destination, NS.e20, 'departureDate')),
        goesTo: readPlace(child(destination, NS.e20, 'goesTo')),
      };
    }
    case 'changeResidencePermit':
    case 'correctResidencePermit': {
      const kind = event.local;
      const permit = readResidencePermit(child(event, NS.e20, 'residencePermitData'));
      return { ...base, kind, person: person(event, PERSON_ELEMENT[kind]), permit };
    }
    case 'naturalizeForeigner': {
      const dates = childrenNamed(event, NS.e20, 'placeOfOriginInfo')
        .map((info) =>
          normaliseDate(textOf(child(info, NS.e20, 'placeOfOriginAddonData'), NS.e21, 'naturalizationDate')),
        )
        .filter((d): d is string => d !== undefined)
        .sort();
      return {
        ...base,
        kind: 'naturalizeForeigner',
        person: person(event, PERSON_ELEMENT.naturalizeForeigner),
        naturalizationDate: dates[0],
        placesOfOrigin: readPlacesOfOrigin(event),
      };
    }
    case 'death':
      return {
        ...base,
        kind: 'death',
        person: person(event, PERSON_ELEMENT.death),
        dateOfDeath: normaliseDate(
          textOf(child(child(event, NS.e20, 'deathData'), NS.e11, 'deathPeriod'), NS.e11, 'dateFrom'),
        ),
      };
    case 'correctName':
    case 'changeName':
      return {
        ...base,
        kind: event.local,
        person: person(event, PERSON_ELEMENT[event.local]),
        name: readName(child(child(event, NS.e20, 'nameInfo'), NS.e20, 'nameData')),
      };
    case 'correctNationality':
    case 'changeNationality':
      return {
        ...base,
        kind: event.local,
        person: person(event, PERSON_ELEMENT[event.local]),
        nationality: readNationality(child(event, NS.e20, 'nationalityData')) ?? { countries: [] },
      };
    case 'correctBirthInfo': {
      const birth = readBirth(child(event, NS.e20, 'birthInfo'));
      return {
        ...base,
        kind: 'correctBirthInfo',
        person: person(event, PERSON_ELEMENT.correctBirthInfo),
        dateOfBirth: birth.dateOfBirth,
        sex: birth.sex,
      };
    }
    case 'changeSex': {
      const holder = child(event, NS.e20, 'changeSexPerson');
      const p = readPersonIdentification(child(holder, NS.e20, 'personIdentification'));
      if (!p) throw new RecordShapeError(`changeSex at line ${event.line}: person missing`);
      return { ...base, kind: 'changeSex', person: p, sex: textOf(holder, NS.e20, 'sex') };
    }
    case 'correctIdentification': {
      const holder = child(event, NS.e20, 'correctIdentificationPerson');
      const before = readPersonIdentification(child(holder, NS.e20, 'personIdentificationBefore'));
      const after = child(holder, NS.e20, 'personIdentificationAfter');
      if (!before) throw new RecordShapeError(`correctIdentification at line ${event.line}: person missing`);
      // personIdentificationAfter is eCH-0020 personIdOnlyType: its vn and localPersonId are local eCH-0020 elements.
      const vnText = textOf(after, NS.e20, 'vn');
      return {
        ...base,
        kind: 'correctIdentification',
        before,
        after: {
          vn: vnText ? /^\+?0*(\d+)$/.exec(vnText)?.[1] : undefined,
          localPersonId: readNamedId(child(after, NS.e20, 'localPersonId')),
        },
      };
    }
    case 'identificationConversion':
      return {
        ...base,
        kind: 'identificationConversion',
        persons: childrenNamed(event, NS.e20, 'identificationConversionPerson').flatMap((p) => {
          const before = readNamedId(child(p, NS.e20, 'localPersonIdBefore'));
          const after = readNamedId(child(p, NS.e20, 'localPersonIdAfter'));
          // vn of identificationConversionPerson is a local eCH-0020 element typed eCH-0044:vnType.
          const vnText = textOf(p, NS.e20, 'vn');
          const vn = vnText ? /^\+?0*(\d+)$/.exec(vnText)?.[1] : undefined;
          return before && after ? [{ vn, before, after }] : [];
        }),
      };
    default:
      return { ...base, kind: 'other', person: anyPerson(event) };
  }
}

/** Reads one `messages` element of a base delivery. */
export function readBaseDeliveryRecord(messages: XNode, index: number): EchRecord {
  const p = readFullPerson(child(messages, NS.e20, 'baseDeliveryPerson'));
  const residence = readResidence(messages);
  if (!p || !residence)
    throw new RecordShapeError(`baseDelivery person at line ${messages.line}: person or residence missing`);
  return {
    echEvent: 'baseDelivery',
    line: messages.line,
    kind: 'baseDeliveryPerson',
    index,
    person: p,
    residence,
    validFrom: normaliseDate(textOf(messages, NS.e20, 'baseDeliveryValidFrom')),
  };
}

/**
 * A base-delivery entry whose person has no residence permit data, read without the person (see the record kind):
 * `messages` needs to hold no more than its residence element with the reporting municipality or federal register.
 */
export function readBaseDeliveryCitizen(messages: XNode, index: number): EchRecord {
  const residence = readResidence(messages);
  if (!residence) throw new RecordShapeError(`baseDelivery person at line ${messages.line}: residence missing`);
  const { type, reportingMunicipality, federalRegister } = residence;
  return {
    echEvent: 'baseDelivery',
    line: messages.line,
    kind: 'baseDeliveryCitizen',
    index,
    residence: { type, reportingMunicipality, federalRegister },
  };
}

/** Reads the eCH-0058 v5 header (the eCH-0020 deliveryHeader extends it). */
export function readHeader(header: XNode): DeliveryHeader {
  const e58 = NS.e58;
  const partial = child(header, e58, 'partialDelivery');
  const app = child(header, e58, 'sendingApplication');
  const flag = textOf(header, e58, 'testDeliveryFlag');
  return {
    senderId: textOf(header, e58, 'senderId'),
    recipientIds: childrenNamed(header, e58, 'recipientId').map((r) => r.text.trim()),
    messageId: textOf(header, e58, 'messageId'),
    referenceMessageId: textOf(header, e58, 'referenceMessageId'),
    messageType: textOf(header, e58, 'messageType'),
    subMessageType: textOf(header, e58, 'subMessageType'),
    messageDate: textOf(header, e58, 'messageDate'),
    eventDate: normaliseDate(textOf(header, e58, 'eventDate')),
    action: textOf(header, e58, 'action'),
    testDeliveryFlag: flag === undefined ? undefined : flag === 'true' || flag === '1',
    partialDelivery: partial
      ? {
          uniqueIdDelivery: textOf(partial, e58, 'uniqueIdDelivery'),
          totalNumberOfPackages: intOf(partial, e58, 'totalNumberOfPackages'),
          numberOfActualPackage: intOf(partial, e58, 'numberOfActualPackage'),
        }
      : undefined,
    sendingApplication: app
      ? {
          manufacturer: textOf(app, e58, 'manufacturer'),
          product: textOf(app, e58, 'product'),
          productVersion: textOf(app, e58, 'productVersion'),
        }
      : undefined,
  };
}
