import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv, readJson, referenceDir } from '@si/contracts';

export const LEVELS = ['municipality', 'leitgemeinde', 'sozialregion', 'canton'] as const;
export type Level = (typeof LEVELS)[number];

/** A row of a figure table: a municipality, a Leitgemeinde with its members, a Sozialregion or the canton. */
export interface AreaRef {
  readonly level: Level;
  readonly id: string;
  readonly name: string;
}

export interface Sozialregion {
  readonly id: string;
  readonly name: string;
  readonly municipalities: readonly number[];
}

export interface LeitgemeindePeriod {
  readonly municipality: number;
  readonly leitgemeinde: number;
  readonly validFrom: string;
}

const serviceRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The areas figures roll up to: the 106 Solothurn municipalities (contracts/reference), their Sozialregion
 * (sozialregionen.json) and the Leitgemeinde relation over time (reference/leitgemeinden.json, see there why a file).
 * A member of a Leitgemeinde keeps its own row at municipality level (R29: reports split by residence).
 */
export class ReportingReference {
  private readonly regionOf = new Map<number, Sozialregion>();

  constructor(
    readonly municipalities: ReadonlyMap<number, string>,
    readonly regions: readonly Sozialregion[],
    private readonly periods: readonly LeitgemeindePeriod[],
  ) {
    for (const region of regions) for (const bfs of region.municipalities) this.regionOf.set(bfs, region);
  }

  static load(): ReportingReference {
    const rows = readCsv(join(referenceDir, 'solothurn-municipalities.csv'));
    const municipalities = new Map(rows.map((r) => [Number(r['bfs_nr']), String(r['name'])] as const));
    const { sozialregionen } = readJson<{ sozialregionen: Sozialregion[] }>(join(referenceDir, 'sozialregionen.json'));
    const { periods } = readJson<{ periods: LeitgemeindePeriod[] }>(
      join(serviceRoot, 'reference', 'leitgemeinden.json'),
    );
    return new ReportingReference(municipalities, sozialregionen, periods);
  }

  nameOf(bfs: number): string {
    return this.municipalities.get(bfs) ?? `BFS ${bfs}`;
  }

  region(id: string): Sozialregion | undefined {
    return this.regions.find((r) => r.id === id);
  }

  regionOfMunicipality(bfs: number): Sozialregion | undefined {
    return this.regionOf.get(bfs);
  }

  /** The municipality whose IB works `bfs`'s cases on `day`: its Leitgemeinde, or itself (in-house). */
  responsibleUnit(bfs: number, day: string): number {
    let unit = bfs;
    let from = '';
    for (const p of this.periods)
      if (p.municipality === bfs && p.validFrom <= day && p.validFrom >= from)
        [unit, from] = [p.leitgemeinde, p.validFrom];
    return unit;
  }

  /** The municipalities a unit answers for on `day` (itself and its members). */
  membersOf(unit: number, day: string): number[] {
    return [...this.municipalities.keys()]
      .filter((bfs) => this.responsibleUnit(bfs, day) === unit)
      .sort((a, b) => a - b);
  }

  /** The row a municipality's count goes to at `level` in the month starting `month`. */
  areaOf(level: Level, bfs: number, month: string): AreaRef {
    switch (level) {
      case 'municipality':
        return { level, id: String(bfs), name: this.nameOf(bfs) };
      case 'leitgemeinde': {
        const unit = this.responsibleUnit(bfs, month);
        const members = this.membersOf(unit, month).length;
        return { level, id: String(unit), name: members > 1 ? `Leitgemeinde ${this.nameOf(unit)}` : this.nameOf(unit) };
      }
      case 'sozialregion': {
        const region = this.regionOf.get(bfs);
        return region
          ? { level, id: region.id, name: region.name }
          : { level, id: 'ausserkantonal', name: 'Ausserhalb der Sozialregionen' };
      }
      case 'canton':
        return { level, id: 'SO', name: 'Kanton Solothurn' };
    }
  }
}
