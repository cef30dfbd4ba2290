/**
 * Which Sozialregion serves which municipality (contracts/reference/sozialregionen.json, 13 regions,
 * every Solothurn municipality in exactly one). The DFPA hand-over goes to the region of the case's
 * municipality (R16), and a move to a municipality listed here is a move within the canton (CM5).
 *
 * Pure: the shell reads the file (`SozialregionSource`) and hands the parsed JSON to
 * `parseSozialregionen`; tests do the same with the real file or a fixture.
 */
import type { MunicipalityDirectory, Sozialregion } from '../../cases/domain/municipality-directory.js';

// The port is the case domain's (it uses it); this is its implementation.
export type { MunicipalityDirectory, Sozialregion };

/** Reads the raw reference data (e.g. `readJson(join(referenceDir, 'sozialregionen.json'))`). */
export type SozialregionSource = () => unknown;

export class SozialregionDirectoryError extends Error {}

export class SozialregionDirectory implements MunicipalityDirectory {
  private readonly byMunicipality = new Map<number, Sozialregion>();
  private readonly byId = new Map<string, Sozialregion>();

  constructor(regions: readonly Sozialregion[]) {
    for (const r of regions) {
      if (this.byId.has(r.id)) throw new SozialregionDirectoryError(`duplicate Sozialregion id ${r.id}`);
      const region = Object.freeze({ id: r.id, name: r.name, municipalities: Object.freeze([...r.municipalities]) });
      this.byId.set(r.id, region);
      for (const bfs of r.municipalities) {
        const other = this.byMunicipality.get(bfs);
        if (other) throw new SozialregionDirectoryError(`municipality ${bfs} is in ${other.id} and ${r.id}`);
        this.byMunicipality.set(bfs, region);
      }
    }
  }

  static load(source: SozialregionSource): SozialregionDirectory {
    return new SozialregionDirectory(parseSozialregionen(source()));
  }

  isCantonal(bfs: number): boolean {
    return this.byMunicipality.has(bfs);
  }

  sozialregionOf(bfs: number): Sozialregion | undefined {
    return this.byMunicipality.get(bfs);
  }

  region(id: string): Sozialregion | undefined {
    return this.byId.get(id);
  }

  get regions(): readonly Sozialregion[] {
    return [...this.byId.values()];
  }

  get municipalities(): readonly number[] {
    return [...this.byMunicipality.keys()].sort((a, b) => a - b);
  }
}

/** Validates the shape of sozialregionen.json; throws on anything a lookup could silently get wrong. */
export function parseSozialregionen(json: unknown): Sozialregion[] {
  const list = (json as { sozialregionen?: unknown })?.sozialregionen;
  if (!Array.isArray(list) || list.length === 0)
    throw new SozialregionDirectoryError('sozialregionen: expected a non-empty array');
  return list.map((r: unknown, i) => {
    const { id, name, municipalities } = (r ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id))
      throw new SozialregionDirectoryError(`sozialregionen[${i}].id invalid`);
    if (typeof name !== 'string' || !name) throw new SozialregionDirectoryError(`sozialregionen[${i}].name invalid`);
    if (!Array.isArray(municipalities) || !municipalities.every((b) => Number.isInteger(b) && b > 0 && b < 10000)) {
      throw new SozialregionDirectoryError(`sozialregionen[${i}].municipalities invalid`);
    }
    return { id, name, municipalities: municipalities as number[] };
  });
}
