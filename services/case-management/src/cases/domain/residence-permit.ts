import { InvalidCommandError } from './case.errors.js';

/**
 * eCH-0006 `residencePermitType` (R12): 2 digits category, optionally 2 digits regulation ("Regelung")
 * and 2 digits subtype. The regulation `01` means "nach EU/EFTA-Abkommen": that person is under free
 * movement (R10), whatever their passport says, so the binding-agreement rule reads the code, not a
 * nationality table. Only when the register delivers a bare category (no regulation) does the case fall
 * back to the nationality's EU/EFTA flag.
 */
export interface ResidencePermit {
  /** The code as delivered, e.g. `0202`. */
  readonly code: string;
  /** Category `01`–`13`. */
  readonly category: string;
  /** The card letter (B, C, F, …) where the category has one. */
  readonly ausweis: PermitLetter | null;
  /** Regulation `01`–`09`, `00`, or null when the code is a bare category. */
  readonly regulation: string | null;
}

const LETTERS = {
  '01': 'A',
  '02': 'B',
  '03': 'C',
  '04': 'Ci',
  '05': 'F',
  '06': 'G',
  '07': 'L',
  '08': 'N',
  '09': 'S',
} as const;
export type PermitLetter = (typeof LETTERS)[keyof typeof LETTERS];

const CODE = /^(0[1-9]|1[0-3])(\d{2})?(\d{2})?$/;

export function parseResidencePermit(code: string): ResidencePermit {
  const m = CODE.exec(code);
  if (!m || (m[3] !== undefined && m[2] === undefined)) {
    throw new InvalidCommandError(
      'residencePermit',
      `«${code}» ist kein eCH-0006-Code`,
      `"${code}" is not an eCH-0006 code`,
      'R12',
    );
  }
  const category = m[1] as string;
  return {
    code,
    category,
    ausweis: (LETTERS as Record<string, PermitLetter>)[category] ?? null,
    regulation: m[2] ?? null,
  };
}

/**
 * Whether free movement applies: regulation `01` ⇒ true; any other regulation ⇒ false; no
 * regulation (or no permit yet) ⇒ the nationality's EU/EFTA flag from countries.csv.
 */
export function isFreeMovement(permit: ResidencePermit | null, nationalityEuEfta: boolean): boolean {
  if (permit?.regulation) return permit.regulation === '01';
  return nationalityEuEfta;
}
