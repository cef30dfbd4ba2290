import { join } from 'node:path';
import { referenceDir } from '@si/contracts';
import { readCsvTable } from './csv-table.js';
import { nameKey } from './name-key.js';

/** A state or territory of the BFS country list (contracts/reference/countries.csv). */
export interface CountryEntry {
  bfsCode: number;
  iso2: string | null;
  nameDe: string;
  nameEn: string;
  euEfta: boolean;
  /** false for historical entries such as 8220 Jugoslawien. */
  current: boolean;
}

/** A country as an eCH-0008 element gives it: only `countryNameShort` is required. */
export interface CountryReference {
  bfsCode?: number;
  iso2?: string;
  nameShort?: string;
}

/** What the events carry about a country. */
export interface ResolvedCountry {
  bfsCode: number | null;
  iso2: string | null;
  name: string;
  euEfta: boolean | null;
  /** true when the message gave only a name and the code was found by matching it. */
  matchedByName: boolean;
}

/** Names registers use for "no country known"; such a country resolves to null. */
const UNKNOWN_NAMES = new Set(
  ['unknown', 'unbekannt', 'inconnu', 'sconosciuto', 'staat unbekannt', 'ohne angabe'].map(nameKey),
);

/**
 * The BFS country list with lookups by BFS code, ISO2 and name (German, English, French, Italian, official name),
 * so that a nationality or origin that a register sends with its name only still gets its codes.
 */
export class CountryDirectory {
  private readonly byCode = new Map<number, CountryEntry>();
  private readonly byIso = new Map<string, CountryEntry>();
  private readonly byName = new Map<string, CountryEntry>();

  constructor(entries: Array<CountryEntry & { names: string[] }>) {
    // Current entries first, so that a name shared with a historical entry resolves to the current state.
    const ordered = [...entries].sort((a, b) => Number(b.current) - Number(a.current));
    for (const { names, ...entry } of ordered) {
      if (!this.byCode.has(entry.bfsCode)) this.byCode.set(entry.bfsCode, entry);
      if (entry.iso2 && entry.current && !this.byIso.has(entry.iso2)) this.byIso.set(entry.iso2, entry);
      for (const name of names) {
        const key = nameKey(name);
        if (key && !this.byName.has(key)) this.byName.set(key, entry);
      }
    }
  }

  static load(dir: string = referenceDir): CountryDirectory {
    const rows = readCsvTable(join(dir, 'countries.csv'));
    return new CountryDirectory(
      rows.map((row) => ({
        bfsCode: Number(row.bfs_code),
        iso2: row.iso2 || null,
        nameDe: row.name_de,
        nameEn: row.name_en,
        euEfta: row.eu_efta === 'true',
        current: row.entry_valid === 'J',
        names: [row.name_de, row.name_en, row.name_fr, row.name_it, row.official_name_de, row.iso3].filter(Boolean),
      })),
    );
  }

  byBfsCode(code: number): CountryEntry | undefined {
    return this.byCode.get(code);
  }

  byIso2(iso2: string): CountryEntry | undefined {
    return this.byIso.get(iso2.toUpperCase());
  }

  /**
   * Resolves what a message says about a country; null when it says "unknown". Codes in the message win over the
   * name; a code the list does not know is kept as sent.
   */
  resolve(ref: CountryReference): ResolvedCountry | null {
    const entry =
      (ref.bfsCode !== undefined ? this.byCode.get(ref.bfsCode) : undefined) ??
      (ref.iso2 ? this.byIso2(ref.iso2) : undefined);
    if (entry) return this.toResolved(entry, false, ref.nameShort);
    if (ref.bfsCode !== undefined || ref.iso2) {
      return {
        bfsCode: ref.bfsCode ?? null,
        iso2: ref.iso2?.toUpperCase() ?? null,
        name: ref.nameShort ?? '',
        euEfta: null,
        matchedByName: false,
      };
    }
    const name = ref.nameShort?.trim() ?? '';
    if (name === '' || UNKNOWN_NAMES.has(nameKey(name))) return null;
    const byName = this.byName.get(nameKey(name));
    if (byName) return this.toResolved(byName, true, name);
    return { bfsCode: null, iso2: null, name, euEfta: null, matchedByName: false };
  }

  private toResolved(entry: CountryEntry, matchedByName: boolean, sentName?: string): ResolvedCountry {
    return {
      bfsCode: entry.bfsCode,
      iso2: entry.iso2,
      name: entry.nameDe || sentName || '',
      euEfta: entry.current ? entry.euEfta : null,
      matchedByName,
    };
  }
}
