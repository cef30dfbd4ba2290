import { describe, expect, it } from '@jest/globals';
import { MunicipalityDirectory } from './municipality-directory.js';

const directory = MunicipalityDirectory.load();

describe('MunicipalityDirectory', () => {
  it('holds the 106 current Solothurn municipalities with the check values of the reference data', () => {
    expect(directory.all()).toHaveLength(106);
    expect(directory.byBfsNumber(2601)?.name).toBe('Solothurn');
    expect(directory.byBfsNumber(2581)?.name).toBe('Olten');
    expect(directory.byBfsNumber(2546)?.name).toBe('Grenchen');
  });

  it('finds a municipality by BFS number', () => {
    expect(directory.resolve({ bfsNumber: 2581, name: 'Olten', canton: 'SO' })).toMatchObject({
      status: 'found',
      matchedBy: 'bfs-number',
      municipality: { bfsNumber: 2581 },
    });
  });

  it('matches a name without BFS number, ignoring case, accents, "(SO)" and transliteration, and says so', () => {
    for (const name of ['Holderbank', 'holderbank (so)', 'Holderbank (SO)']) {
      const r = directory.resolve({ name });
      expect(r).toMatchObject({ status: 'found', matchedBy: 'name', municipality: { bfsNumber: 2425 } });
      expect(r.status === 'found' && r.note).toMatch(/matched by name/);
    }
    expect(directory.resolve({ name: 'Haerkingen' })).toMatchObject({
      status: 'found',
      municipality: { bfsNumber: 2402 },
    });
    expect(directory.resolve({ name: 'Nuglar-Sankt Pantaleon' })).toMatchObject({
      status: 'found',
      municipality: { bfsNumber: 2478 },
    });
  });

  it('maps a former municipality (merger) to the current one, by number and by name', () => {
    expect(directory.resolve({ bfsNumber: 2456 })).toMatchObject({
      status: 'found',
      matchedBy: 'merger',
      municipality: { bfsNumber: 2465 },
    });
    expect(directory.resolve({ name: 'Lüterswil-Gächliwil' })).toMatchObject({
      status: 'found',
      matchedBy: 'merger',
      municipality: { bfsNumber: 2465 },
    });
    expect(directory.resolve({ name: 'Gänsbrunnen' })).toMatchObject({
      status: 'found',
      municipality: { bfsNumber: 2430 },
    });
  });

  it('does not apply the unverified 2026 merger: Halten and Oekingen stay themselves', () => {
    expect(directory.resolve({ bfsNumber: 2520 })).toMatchObject({
      status: 'found',
      matchedBy: 'bfs-number',
      municipality: { name: 'Halten' },
    });
  });

  it('reports municipalities of other cantons as outside the canton', () => {
    expect(directory.resolve({ bfsNumber: 351, name: 'Bern', canton: 'BE' })).toMatchObject({
      status: 'outside-canton',
    });
    expect(directory.resolve({ bfsNumber: 351, name: 'Bern' })).toMatchObject({ status: 'outside-canton' });
    expect(directory.resolve({ name: 'Solothurn', canton: 'BE' })).toMatchObject({ status: 'outside-canton' });
  });

  it('reports unknown numbers in the Solothurn block and unknown names as unknown', () => {
    expect(directory.resolve({ bfsNumber: 2599 })).toMatchObject({ status: 'unknown' });
    expect(directory.resolve({ name: 'Atlantis' })).toMatchObject({ status: 'unknown' });
    expect(directory.resolve({})).toMatchObject({ status: 'unknown' });
  });

  it('uses the BFS number when the name disagrees, and notes the difference', () => {
    const r = directory.resolve({ bfsNumber: 2601, name: 'Olten' });
    expect(r).toMatchObject({ status: 'found', municipality: { name: 'Solothurn' } });
    expect(r.status === 'found' && r.note).toMatch(/differs/);
  });
});
