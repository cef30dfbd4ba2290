import { describe, expect, it } from '@jest/globals';
import { CountryDirectory } from './country-directory.js';
import { parseCsv } from './csv-table.js';
import { nameKey } from './name-key.js';

const countries = CountryDirectory.load();

describe('CountryDirectory', () => {
  it('resolves by BFS code and by ISO2, with the EU/EFTA flag', () => {
    expect(countries.resolve({ bfsCode: 8207, iso2: 'DE', nameShort: 'Deutschland' })).toEqual({
      bfsCode: 8207,
      iso2: 'DE',
      name: 'Deutschland',
      euEfta: true,
      matchedByName: false,
    });
    expect(countries.resolve({ iso2: 'er', nameShort: 'Eritrea' })).toMatchObject({
      bfsCode: 8362,
      euEfta: false,
      matchedByName: false,
    });
  });

  it('matches a country sent with its name only (German, English, French, Italian) and flags it', () => {
    expect(countries.resolve({ nameShort: 'Portugal' })).toMatchObject({
      bfsCode: 8231,
      iso2: 'PT',
      matchedByName: true,
    });
    expect(countries.resolve({ nameShort: 'Türkei' })).toMatchObject({ bfsCode: 8239, matchedByName: true });
    expect(countries.resolve({ nameShort: 'Turkey' })).toMatchObject({ bfsCode: 8239 });
    expect(countries.resolve({ nameShort: 'Allemagne' })).toMatchObject({ bfsCode: 8207 });
  });

  it('treats the literal "unknown" (as ORDIPRO sends it) as no country', () => {
    expect(countries.resolve({ nameShort: 'unknown' })).toBeNull();
    expect(countries.resolve({ nameShort: 'Unbekannt' })).toBeNull();
  });

  it('keeps Kosovo without ISO code, and an unmatched name as sent', () => {
    expect(countries.resolve({ bfsCode: 8256, nameShort: 'Kosovo' })).toMatchObject({ bfsCode: 8256, iso2: null });
    expect(countries.resolve({ nameShort: 'Ruritania' })).toEqual({
      bfsCode: null,
      iso2: null,
      name: 'Ruritania',
      euEfta: null,
      matchedByName: false,
    });
  });
});

describe('reference CSV reading', () => {
  it('parses quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n')).toEqual([{ a: 'x, y', b: 'say "hi"\nthere' }]);
  });

  it('folds names for lookup only', () => {
    expect(nameKey('Büren (SO)')).toBe(nameKey('bueren'));
    expect(nameKey('St. Niklaus')).toBe(nameKey('Sankt Niklaus'));
    expect(nameKey('Olten')).not.toBe(nameKey('Solothurn'));
  });
});
