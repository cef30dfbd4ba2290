import { isLocalDate, type LocalDate, type Nationality, type OpenCaseInput, type Sex } from '../domain/index.js';
import type { PersonRecord } from '../infrastructure/person.repository.js';
import type { ReferenceData } from '../../shared/reference-data.js';
import type { PersonArrivedData, PersonEventBase, PersonalData } from './person-event.data.js';

/**
 * BFS codes for persons without a known state (the BFS country list's special codes): the case needs a
 * nationality, and "stateless" / "unknown" are facts the IB must see, not errors.
 */
export const STATELESS_BFS = 8997;
export const UNKNOWN_NATIONALITY_BFS = 8998;

const PERMIT_CODE = /^(0[1-9]|1[0-3])(\d{2})?(\d{2})?$/;

/** Thrown for an event the domain could never accept (the consumer dead-letters it with this reason). */
export class UnmappableEventError extends Error {}

export function nationalityOf(d: PersonEventBase, reference: ReferenceData): Nationality {
  const country =
    d.nationality?.status === 'known' ? d.nationality.countries.find((c) => c.bfsCode !== null) : undefined;
  if (!country || country.bfsCode === null) {
    return {
      bfsCode: d.nationality?.status === 'stateless' ? STATELESS_BFS : UNKNOWN_NATIONALITY_BFS,
      iso2: null,
      euEfta: false,
    };
  }
  return {
    bfsCode: country.bfsCode,
    iso2: country.iso2,
    euEfta: country.euEfta ?? reference.isEuEfta(country.bfsCode),
  };
}

/** The register's permit code when it is a well-formed eCH-0006 code, else null (the case records "no permit yet"). */
export function permitCodeOf(d: Pick<PersonEventBase, 'residencePermit'>): string | null {
  const code = d.residencePermit?.code;
  return code && PERMIT_CODE.test(code) ? code : null;
}

export function birthYearOf(d: PersonEventBase): number {
  const year = d.yearOfBirth ?? (d.dateOfBirth ? Number(d.dateOfBirth.slice(0, 4)) : null);
  if (!year) throw new UnmappableEventError('the register delivered no year of birth; the case cannot be opened');
  return year;
}

export const sexOf = (d: PersonEventBase): Sex => d.sex ?? 'unknown';

/** A full birth date only (eCH-0044 allows YYYY or YYYY-MM); partial dates stay in the year of birth. */
export function fullDateOfBirth(d: PersonEventBase): LocalDate | null {
  return isLocalDate(d.dateOfBirth) ? d.dateOfBirth : null;
}

/**
 * person.arrived.v1 → the domain's opening input. The register's `arrivalDate` (moveIn date) is the
 * registration date the first-information deadline counts from (R13); `entryDate` (entry into
 * Switzerland) is the domain's arrival date. The language is converted from ISO 639-1 to 639-3.
 */
export function openCaseInput(
  caseId: string,
  eventId: string,
  d: PersonArrivedData,
  reference: ReferenceData,
): OpenCaseInput {
  if (!isLocalDate(d.arrivalDate)) throw new UnmappableEventError('arrivalDate is not a calendar date');
  return {
    caseId,
    arrivalEventId: eventId,
    personRef: d.personRef,
    householdRef: d.householdId,
    municipality: d.bfsNumber,
    registrationDate: d.arrivalDate,
    arrivalDate: isLocalDate(d.entryDate) ? d.entryDate : null,
    nationality: nationalityOf(d, reference),
    residencePermit: permitCodeOf(d),
    sex: sexOf(d),
    birthYear: birthYearOf(d),
    language: reference.language3(d.language),
  };
}

/** The person store's record from an event with personal data. */
export function personRecord(d: PersonEventBase & { personalData: PersonalData }): PersonRecord {
  const a = d.personalData.address;
  const street = a?.street ?? a?.addressLine1 ?? null;
  return {
    personRef: d.personRef,
    householdRef: d.householdId,
    officialName: d.personalData.officialName,
    firstName: d.personalData.firstName,
    dateOfBirth: fullDateOfBirth(d),
    sex: sexOf(d),
    vn: d.personalData.vn,
    address:
      a && street && a.postalCode && a.town
        ? { street, ...(a.houseNumber ? { houseNumber: a.houseNumber } : {}), postalCode: a.postalCode, town: a.town }
        : null,
    phone: null,
    email: null,
  };
}

/** The day a register fact happened: its own date, else the event date, else today. */
export function factDate(own: string | null | undefined, d: PersonEventBase, today: LocalDate): LocalDate {
  if (isLocalDate(own)) return own;
  if (isLocalDate(d.eventDate)) return d.eventDate;
  return today;
}

export const personRefsOf = (d: PersonEventBase): string[] => [...new Set([d.personRef, ...d.alternatePersonRefs])];
