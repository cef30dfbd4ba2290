import { readFileSync } from 'node:fs';

/**
 * The 13 Sozialregionen (contracts/reference/sozialregionen.json): id = the token's `sozialregion` claim, the DFPA
 * service's region and the offers service's region id alike.
 */
interface Region {
  id: string;
  name: string;
  municipalities: number[];
}

const regions: Region[] = (
  JSON.parse(readFileSync(new URL('../../../../contracts/reference/sozialregionen.json', import.meta.url), 'utf8')) as {
    sozialregionen: Region[];
  }
).sozialregionen;

export function regionName(id: string | null | undefined): string {
  if (!id) return '–';
  return regions.find((r) => r.id === id)?.name ?? id;
}

export function allRegions(): readonly Region[] {
  return regions;
}

/** The BFS numbers of a region's municipalities (where a directly assigned person may live). */
export function municipalitiesOf(id: string | undefined): number[] {
  return regions.find((r) => r.id === id)?.municipalities ?? [];
}
