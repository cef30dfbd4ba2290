import { join } from 'node:path';
import { readJson, referenceDir } from '@si/contracts';

/** The 13 Sozialregionen (contracts/reference/sozialregionen.json): ids and the municipalities each serves. */
export interface SozialregionReference {
  readonly ids: readonly string[];
  regionOf(bfs: number): string | undefined;
}

export function loadSozialregionen(dir = referenceDir): SozialregionReference {
  const raw = readJson<{ sozialregionen: { id: string; municipalities: number[] }[] }>(
    join(dir, 'sozialregionen.json'),
  );
  const byBfs = new Map<number, string>();
  for (const r of raw.sozialregionen) for (const m of r.municipalities) byBfs.set(m, r.id);
  return { ids: raw.sozialregionen.map((r) => r.id), regionOf: (bfs) => byBfs.get(bfs) };
}
