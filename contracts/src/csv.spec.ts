import { join } from 'node:path';
import { parseCsv, readCsv } from './csv.js';
import { referenceDir } from './schemas.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF', () => {
    const text = 'code,name,note\r\n1,"Biel, Bienne","sagt ""grüezi"""\n2,Olten,"zwei\nZeilen"\n';
    expect(parseCsv(text)).toEqual([
      { code: '1', name: 'Biel, Bienne', note: 'sagt "grüezi"' },
      { code: '2', name: 'Olten', note: 'zwei\nZeilen' },
    ]);
  });

  it('fills missing trailing fields with empty text, skips blank lines and reads a last line without newline', () => {
    expect(parseCsv('a,b\n\n1\n2,3')).toEqual([
      { a: '1', b: '' },
      { a: '2', b: '3' },
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('reads the reference tables the services load', () => {
    const countries = readCsv(join(referenceDir, 'countries.csv'));
    expect(countries.length).toBeGreaterThan(150);
    expect(countries.find((c) => c['bfs_code'] === '8207')).toEqual(expect.objectContaining({ eu_efta: 'true' }));
  });
});
