import { join } from 'node:path';
import { referenceDir } from '@si/contracts';
import { readCsvTable } from './csv-table.js';
import { nameKey } from './name-key.js';

/** A current political municipality of Canton Solothurn (contracts/reference/solothurn-municipalities.csv). */
export interface SolothurnMunicipality {
  bfsNumber: number;
  name: string;
  districtBfsNumber: number;
  districtName: string;
}

/** A municipality as a message names it: eCH-0007 makes the BFS number optional, only the name is required. */
export interface MunicipalityReference {
  bfsNumber?: number;
  name?: string;
  canton?: string;
}

export type MunicipalityResolution =
  | { status: 'found'; municipality: SolothurnMunicipality; matchedBy: 'bfs-number' | 'name' | 'merger'; note?: string }
  | { status: 'outside-canton'; reason: string }
  | { status: 'unknown'; reason: string };

/** A former municipality merged into a current one (solothurn-municipality-mergers.csv, confident rows only). */
interface Merger {
  oldBfsNumbers: number[];
  oldNames: string[];
  newBfsNumber: number;
  effective: string;
}

/** BFS numbers are given out in blocks per canton; 2401–2622 is Solothurn's block. */
const SOLOTHURN_BFS_BLOCK = { from: 2401, to: 2622 } as const;

/**
 * The Solothurn municipalities with their BFS numbers, and the rules for recognising one in a message:
 * by BFS number, by a former municipality's number or name (mergers), or by name alone. Anything else is
 * reported as unknown or outside the canton, so that the delivery can be refused with that reason.
 */
export class MunicipalityDirectory {
  private readonly byNumber = new Map<number, SolothurnMunicipality>();
  private readonly byName = new Map<string, SolothurnMunicipality>();
  private readonly mergedNumbers = new Map<number, Merger>();
  private readonly mergedNames = new Map<string, Merger>();

  constructor(municipalities: SolothurnMunicipality[], mergers: Merger[] = []) {
    for (const m of municipalities) {
      this.byNumber.set(m.bfsNumber, m);
      this.byName.set(nameKey(m.name), m);
    }
    for (const merger of mergers) {
      if (!this.byNumber.has(merger.newBfsNumber)) continue;
      for (const n of merger.oldBfsNumbers) if (!this.byNumber.has(n)) this.mergedNumbers.set(n, merger);
      for (const name of merger.oldNames)
        if (!this.byName.has(nameKey(name))) this.mergedNames.set(nameKey(name), merger);
    }
  }

  /** Loads the repository copies of the reference data (never the shared research folder). */
  static load(dir: string = referenceDir): MunicipalityDirectory {
    const municipalities = readCsvTable(join(dir, 'solothurn-municipalities.csv')).map((row) => ({
      bfsNumber: Number(row.bfs_nr),
      name: row.name,
      districtBfsNumber: Number(row.district_bfs_nr),
      districtName: row.district_name,
    }));
    const mergers = readCsvTable(join(dir, 'solothurn-municipality-mergers.csv'))
      .filter((row) => !/^low/i.test(row.confidence) && !/unverified/i.test(row.effective_date))
      .map((row) => ({
        oldBfsNumbers: splitList(row.old_bfs_nr).map(Number).filter(Number.isInteger),
        oldNames: splitList(row.old_name),
        newBfsNumber: Number(row.new_bfs_nr),
        effective: row.effective_date,
      }));
    return new MunicipalityDirectory(municipalities, mergers);
  }

  all(): SolothurnMunicipality[] {
    return [...this.byNumber.values()];
  }

  byBfsNumber(bfsNumber: number): SolothurnMunicipality | undefined {
    return this.byNumber.get(bfsNumber);
  }

  /** True when the number lies in Solothurn's BFS block, known or not. */
  isSolothurnNumber(bfsNumber: number): boolean {
    return bfsNumber >= SOLOTHURN_BFS_BLOCK.from && bfsNumber <= SOLOTHURN_BFS_BLOCK.to;
  }

  resolve(ref: MunicipalityReference): MunicipalityResolution {
    const label = describe(ref);
    if (ref.canton && ref.canton !== 'SO') {
      return { status: 'outside-canton', reason: `${label} is in canton ${ref.canton}, not in Solothurn (SO)` };
    }
    if (ref.bfsNumber !== undefined) {
      const found = this.byNumber.get(ref.bfsNumber);
      if (found) {
        const differs = ref.name !== undefined && nameKey(ref.name) !== nameKey(found.name);
        return differs
          ? {
              status: 'found',
              municipality: found,
              matchedBy: 'bfs-number',
              note: `name "${ref.name}" differs from the official name "${found.name}" of BFS ${found.bfsNumber}; the BFS number was used`,
            }
          : { status: 'found', municipality: found, matchedBy: 'bfs-number' };
      }
      const merger = this.mergedNumbers.get(ref.bfsNumber);
      if (merger) return this.merged(merger, `BFS ${ref.bfsNumber}`);
      if (!this.isSolothurnNumber(ref.bfsNumber)) {
        return {
          status: 'outside-canton',
          reason: `${label}: BFS number ${ref.bfsNumber} is not a Solothurn municipality (Solothurn's numbers are ${SOLOTHURN_BFS_BLOCK.from}–${SOLOTHURN_BFS_BLOCK.to})`,
        };
      }
      return {
        status: 'unknown',
        reason: `${label}: BFS number ${ref.bfsNumber} is not a current Solothurn municipality`,
      };
    }
    if (ref.name !== undefined) {
      const key = nameKey(ref.name);
      const found = this.byName.get(key);
      if (found) {
        return {
          status: 'found',
          municipality: found,
          matchedBy: 'name',
          note: `municipality "${ref.name}" had no BFS number; matched by name to ${found.name} (BFS ${found.bfsNumber})`,
        };
      }
      const merger = this.mergedNames.get(key);
      if (merger) return this.merged(merger, `"${ref.name}"`);
      return {
        status: 'unknown',
        reason: `municipality "${ref.name}" (no BFS number) matches no Solothurn municipality: unknown or outside the canton`,
      };
    }
    return { status: 'unknown', reason: 'the message names no municipality' };
  }

  private merged(merger: Merger, what: string): MunicipalityResolution {
    const municipality = this.byNumber.get(merger.newBfsNumber) as SolothurnMunicipality; // checked in the constructor
    return {
      status: 'found',
      municipality,
      matchedBy: 'merger',
      note: `${what} is a former municipality, merged into ${municipality.name} (BFS ${municipality.bfsNumber}) on ${merger.effective}`,
    };
  }
}

function splitList(value: string): string[] {
  return value
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function describe(ref: MunicipalityReference): string {
  const parts = [
    ref.name ? `"${ref.name}"` : undefined,
    ref.bfsNumber !== undefined ? `BFS ${ref.bfsNumber}` : undefined,
  ];
  return `municipality ${parts.filter(Boolean).join(' ') || '(unnamed)'}`;
}
