import { join } from 'node:path';
import { readCsv, readJson, referenceDir } from '@si/contracts';
import { SozialregionDirectory } from '../organisation/domain/index.js';

/**
 * The reference data the case needs, read once at start from contracts/reference: the Sozialregion of
 * every Solothurn municipality (DFPA target, R16; cantonal moves, CM5) the EU/EFTA flag per country
 * (free movement when the permit code has no regulation, R10) and the ISO 639-1 → 639-3 language map.
 */
export class ReferenceData {
  constructor(
    readonly directory: SozialregionDirectory,
    private readonly euEftaByBfs: ReadonlyMap<number, boolean>,
    private readonly iso639_3By1: ReadonlyMap<string, string> = new Map(),
  ) {}

  static load(dir = referenceDir): ReferenceData {
    const directory = SozialregionDirectory.load(() => readJson(join(dir, 'sozialregionen.json')));
    const countries = readCsv(join(dir, 'countries.csv'));
    const euEfta = new Map(countries.map((c) => [Number(c['bfs_code']), c['eu_efta'] === 'true'] as const));
    const languages = readCsv(join(dir, 'languages.csv'));
    const iso3 = new Map(
      languages
        .filter((l) => l['iso639_1'] && l['iso639_3'])
        .map((l) => [String(l['iso639_1']), String(l['iso639_3'])] as const),
    );
    return new ReferenceData(directory, euEfta, iso3);
  }

  /** ISO 639-3 for the register's ISO 639-1 correspondence language (languages.csv), null where unknown. */
  language3(iso639_1: string | null | undefined): string | null {
    return iso639_1 ? (this.iso639_3By1.get(iso639_1) ?? null) : null;
  }

  /** countries.csv `eu_efta` of a BFS country code; unknown codes are not EU/EFTA. */
  isEuEfta(bfsCountry: number): boolean {
    return this.euEftaByBfs.get(bfsCountry) ?? false;
  }
}
