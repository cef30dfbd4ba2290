import { join } from 'node:path';
import { referenceDir } from '@si/contracts';
import { readCsvTable } from '../master-data/csv-table.js';

/**
 * The permit category of an eCH-0006 code (its first two digits) as start.integration names it: the letter of the
 * permit card where there is one (A, B, C, Ci, F, G, L, N, S), otherwise what the category is.
 */
export type PermitCategory =
  | 'A'
  | 'B'
  | 'C'
  | 'Ci'
  | 'F'
  | 'G'
  | 'L'
  | 'N'
  | 'S'
  | 'registration-only'
  | 'diplomatic-immunity'
  | 'international-official'
  | 'unassigned';

export const PERMIT_CATEGORIES: readonly PermitCategory[] = [
  'A',
  'B',
  'C',
  'Ci',
  'F',
  'G',
  'L',
  'N',
  'S',
  'registration-only',
  'diplomatic-immunity',
  'international-official',
  'unassigned',
];

const CATEGORY_BY_CODE: Record<string, PermitCategory> = {
  '01': 'A',
  '02': 'B',
  '03': 'C',
  '04': 'Ci',
  '05': 'F',
  '06': 'G',
  '07': 'L',
  '08': 'N',
  '09': 'S',
  '10': 'registration-only',
  '11': 'diplomatic-immunity',
  '12': 'international-official',
  '13': 'unassigned',
};

/** The category of an eCH-0006 code, or null when the code is not of the form `CC`, `CCRR` or `CCRRSS` with a known category. */
export function permitCategoryOf(code: string | null): PermitCategory | null {
  if (code === null || !/^\d{2}(\d{2}){0,2}$/.test(code)) return null;
  return CATEGORY_BY_CODE[code.slice(0, 2)] ?? null;
}

/** What the events carry about a residence permit. */
export interface PermitInfo {
  /** The full eCH-0006 code as sent (2, 4 or 6 digits): granularity differs by sender. */
  code: string;
  category: PermitCategory;
  /** The two-digit eCH-0006 category code. */
  categoryCode: string;
  /** true: under the EU/EFTA free-movement agreement (ruling 01); false: ruling 02; null: not stated by the code. */
  euEfta: boolean | null;
  label: string | null;
}

/**
 * The eCH-0006 residence permit codes (contracts/reference/residence-permits.csv): category, EU/EFTA ruling and
 * German label per code. A code the list does not know but whose first two digits are a category still gets that
 * category, so that a sender's finer or coarser code never loses the permit.
 */
export class ResidencePermitCatalog {
  constructor(private readonly rows: Map<string, { euEfta: boolean | null; label: string }>) {}

  static load(dir: string = referenceDir): ResidencePermitCatalog {
    const rows = new Map<string, { euEfta: boolean | null; label: string }>();
    for (const row of readCsvTable(join(dir, 'residence-permits.csv'))) {
      const euEfta = row.eu_efta_regulation === 'ja' ? true : row.eu_efta_regulation === 'nein' ? false : null;
      rows.set(row.ech0006_code, { euEfta, label: row.label_de });
    }
    return new ResidencePermitCatalog(rows);
  }

  has(code: string): boolean {
    return this.rows.has(code);
  }

  /** null when the code's first two digits are no eCH-0006 category. */
  describe(code: string): PermitInfo | null {
    const category = permitCategoryOf(code);
    if (category === null) return null;
    const categoryCode = code.slice(0, 2);
    const row = this.rows.get(code);
    const ruling = code.slice(2, 4);
    const euEfta = row ? row.euEfta : ruling === '01' ? true : ruling === '02' ? false : null;
    return { code, category, categoryCode, euEfta, label: row?.label ?? null };
  }
}
