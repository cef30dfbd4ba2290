import { InvalidCommandError } from './case.errors.js';
import { isFreeMovement, parseResidencePermit, type ResidencePermit } from './residence-permit.js';

export type Sex = 'female' | 'male' | 'unknown';

/** Nationality as eCH-0008 / BFS country id, with ISO2 where one exists (Kosovo 8256 has none). */
export interface Nationality {
  readonly bfsCode: number;
  readonly iso2: string | null;
  /** countries.csv `eu_efta` for that state (the shell looks it up). */
  readonly euEfta: boolean;
}

/**
 * The person as the case knows them: a pseudonymous reference and the attributes reports count by.
 * No names, addresses or AHV numbers: those stay in the shell's person store and only travel in the
 * DFPA hand-over and the Migrationsamt disclosure.
 */
export interface CaseSubject {
  readonly personRef: string;
  readonly householdRef: string | null;
  readonly nationality: Nationality;
  readonly permit: ResidencePermit | null;
  /** Free movement (R10), derived from the permit regulation, else from the nationality. */
  readonly euEfta: boolean;
  /** Family member of a Swiss national (AIG Art. 42): recorded by IB, Migrationsamt or register. */
  readonly familyOfSwiss: boolean;
  readonly sex: Sex;
  readonly birthYear: number;
  /** Main language, ISO 639-3 (languages.csv), where known. */
  readonly language: string | null;
}

export interface CaseSubjectInput {
  readonly personRef: string;
  readonly householdRef?: string | null;
  readonly nationality: Nationality;
  /** eCH-0006 code; absent when the register delivered none yet. */
  readonly residencePermit?: string | null;
  readonly sex: Sex;
  readonly birthYear: number;
  readonly language?: string | null;
  readonly familyOfSwiss?: boolean;
}

const ISO639_3 = /^[a-z]{3}$/;

export function assertLanguage(field: string, code: string): void {
  if (!ISO639_3.test(code))
    throw new InvalidCommandError(field, `«${code}» ist kein ISO-639-3-Code`, `"${code}" is not an ISO 639-3 code`);
}

export function buildCaseSubject(input: CaseSubjectInput): CaseSubject {
  if (!input.personRef?.trim()) throw new InvalidCommandError('personRef', 'fehlt', 'is missing');
  const { bfsCode, iso2 } = input.nationality;
  if (!Number.isInteger(bfsCode) || bfsCode < 8000 || bfsCode > 8999) {
    throw new InvalidCommandError(
      'nationality.bfsCode',
      'kein BFS-Staatencode (8xxx)',
      'not a BFS country code (8xxx)',
    );
  }
  if (iso2 !== null && !/^[A-Z]{2}$/.test(iso2))
    throw new InvalidCommandError('nationality.iso2', 'kein ISO-3166-Code', 'not an ISO 3166 alpha-2 code');
  if (!Number.isInteger(input.birthYear) || input.birthYear < 1900 || input.birthYear > 2100) {
    throw new InvalidCommandError('birthYear', 'unplausibel', 'implausible');
  }
  if (input.language) assertLanguage('language', input.language);
  const permit = input.residencePermit ? parseResidencePermit(input.residencePermit) : null;
  return {
    personRef: input.personRef,
    householdRef: input.householdRef ?? null,
    nationality: { bfsCode, iso2, euEfta: input.nationality.euEfta },
    permit,
    euEfta: isFreeMovement(permit, input.nationality.euEfta),
    familyOfSwiss: input.familyOfSwiss ?? false,
    sex: input.sex,
    birthYear: input.birthYear,
    language: input.language ?? null,
  };
}

/** The subject after a permit change: the EU/EFTA status follows the new code (R10, R12). */
export function withPermit(subject: CaseSubject, code: string): CaseSubject {
  const permit = parseResidencePermit(code);
  return { ...subject, permit, euEfta: isFreeMovement(permit, subject.nationality.euEfta) };
}
