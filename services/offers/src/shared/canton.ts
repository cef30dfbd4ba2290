import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, referenceDir } from '@si/contracts';
import { MUNICIPALITY_COORDINATES } from './municipality-coordinates.js';

interface SozialregionenFile {
  sozialregionen: { id: string; name: string; municipalities: number[] }[];
}

/** French and Italian names of the places a reader may type in their language (the register has the German ones). */
const OTHER_NAMES: ReadonlyMap<number, readonly string[]> = new Map([
  [2601, ['Soleure', 'Soletta']],
  [2546, ['Granges']],
]);

/**
 * The canton as offers and mentoring need it, read once at start from contracts/reference: the current
 * municipalities (BFS number, name), the Sozialregion of each, and the coordinates of those known.
 */
export class Canton {
  private constructor(
    private readonly names: ReadonlyMap<number, string>,
    private readonly regionOf: ReadonlyMap<number, string>,
    readonly regions: readonly { id: string; name: string; municipalities: readonly number[] }[],
  ) {}

  static load(dir = referenceDir): Canton {
    const lines = readFileSync(join(dir, 'solothurn-municipalities.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    // The first two columns (bfs_nr, name) hold no commas or quotes; later columns may.
    const names = new Map(
      lines.map((l) => {
        const [bfs, name] = l.split(',');
        return [Number(bfs), String(name)] as const;
      }),
    );
    const file = readJson<SozialregionenFile>(join(dir, 'sozialregionen.json'));
    const regionOf = new Map(file.sozialregionen.flatMap((r) => r.municipalities.map((m) => [m, r.id] as const)));
    return new Canton(names, regionOf, file.sozialregionen);
  }

  isMunicipality(bfs: number): boolean {
    return this.names.has(bfs);
  }

  isRegion(id: string): boolean {
    return this.regions.some((r) => r.id === id);
  }

  nameOf(bfs: number): string | undefined {
    return this.names.get(bfs);
  }

  /** The German name and the French/Italian ones, for the search document of an offer held there. */
  searchNamesOf(bfs: number): string[] {
    const name = this.names.get(bfs);
    return [...(name ? [name] : []), ...(OTHER_NAMES.get(bfs) ?? [])];
  }

  regionOfMunicipality(bfs: number): string | undefined {
    return this.regionOf.get(bfs);
  }

  coordinatesOf(bfs: number): readonly [number, number] | undefined {
    return MUNICIPALITY_COORDINATES.get(bfs);
  }
}
