import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { catalogue, LANGUAGES, preferredLanguage, translator } from './i18n.js';
import { endOfWeek, formatDate, formatDateTime, formatNumber } from './format.js';

const keys = (o: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

/** What public pages and the login show: complete in all four languages. */
const PUBLIC = ['layout.', 'language.', 'home.', 'auth.', 'error.', 'offers.'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) && !/\.spec\.ts$/.test(f) ? [p] : [];
  });
}

describe('message catalogues', () => {
  const de = new Set(keys(catalogue('de')));

  it('French, Italian and English are complete for the public pages and the login', () => {
    const publicDe = [...de].filter((k) => PUBLIC.some((p) => k.startsWith(p))).sort();
    for (const lang of LANGUAGES.filter((l) => l !== 'de')) {
      const other = keys(catalogue(lang));
      expect({ lang, keys: other.filter((k) => PUBLIC.some((p) => k.startsWith(p))).sort() }).toEqual({
        lang,
        keys: publicDe,
      });
      // and carry nothing German lacks
      expect(other.filter((k) => !de.has(k))).toEqual([]);
    }
  });

  it('German has every key the code uses (t("…") with a literal key)', () => {
    const root = new URL('..', import.meta.url).pathname;
    const used = new Set<string>();
    for (const file of sources(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of readFileSync(file, 'utf8').matchAll(
        /\b(?:label|labelKey|titleKey|textKey|hintKey): '([a-z][a-zA-Z0-9_]*\.[a-zA-Z0-9_.]+)'/g,
      ))
        used.add(m[1]!);
    }
    const missing = [...used].filter((k) => !de.has(k) && !de.has(`${k}_one`));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });

  it('translates with plural forms', () => {
    expect(translator('fr')('layout.login')).toBe('Se connecter');
    expect(translator('it')('layout.logout')).toBe('Esci');
  });
});

describe('Swiss formats', () => {
  it('writes days as 31.12.2026 whatever the time zone', () => {
    expect(formatDate('2026-12-31')).toBe('31.12.2026');
    expect(formatDate('2026-01-05', 'fr')).toBe('05.01.2026');
    expect(formatDate(null)).toBe('–');
  });

  it('writes instants in Swiss time and numbers with the apostrophe', () => {
    expect(formatDateTime('2026-12-31T23:30:00Z')).toBe('01.01.2027, 00:30');
    expect(formatNumber(1234567)).toBe("1'234'567");
  });

  it('ends the week on Sunday', () => {
    expect(endOfWeek('2026-12-04')).toBe('2026-12-06');
    expect(endOfWeek('2026-12-06')).toBe('2026-12-06');
    expect(endOfWeek('2026-12-07')).toBe('2026-12-13');
  });

  it('picks the first-visit language from Accept-Language', () => {
    expect(preferredLanguage('fr-CH,fr;q=0.9,de;q=0.5')).toBe('fr');
    expect(preferredLanguage('es,it;q=0.8')).toBe('it');
    expect(preferredLanguage(undefined)).toBe('de');
  });
});
