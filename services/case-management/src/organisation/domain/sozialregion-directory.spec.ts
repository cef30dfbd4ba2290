import { describe, expect, it } from '@jest/globals';
import { readRepoJson } from '../../cases/domain/case.fixtures.js';
import { parseSozialregionen, SozialregionDirectory, SozialregionDirectoryError } from './sozialregion-directory.js';

describe('Sozialregion directory (contracts/reference/sozialregionen.json)', () => {
  const directory = SozialregionDirectory.load(() => readRepoJson('contracts/reference/sozialregionen.json'));

  it('covers the 13 regions and every Solothurn municipality exactly once', () => {
    expect(directory.regions).toHaveLength(13);
    expect(directory.municipalities).toHaveLength(106);
  });

  it('finds the region of a municipality', () => {
    expect(directory.sozialregionOf(2547)?.id).toBe('mittlerer-unterer-leberberg');
    expect(directory.sozialregionOf(2548)?.id).toBe('mittlerer-unterer-leberberg');
    expect(directory.sozialregionOf(2581)?.id).toBe('olten');
    expect(directory.sozialregionOf(2601)?.id).toBe('solothurn');
    expect(directory.sozialregionOf(351)).toBeUndefined();
    expect(directory.isCantonal(2546)).toBe(true);
    expect(directory.isCantonal(2456)).toBe(false); // Lüterswil-Gächliwil, merged into Buchegg 2024
  });

  it('refuses data a lookup could get silently wrong', () => {
    expect(
      () =>
        new SozialregionDirectory([
          { id: 'a', name: 'A', municipalities: [1] },
          { id: 'b', name: 'B', municipalities: [1] },
        ]),
    ).toThrow(SozialregionDirectoryError);
    expect(
      () =>
        new SozialregionDirectory([
          { id: 'a', name: 'A', municipalities: [] },
          { id: 'a', name: 'A2', municipalities: [] },
        ]),
    ).toThrow(SozialregionDirectoryError);
    expect(() => parseSozialregionen({})).toThrow(SozialregionDirectoryError);
    expect(() => parseSozialregionen({ sozialregionen: [{ id: 'Bad Id', name: 'x', municipalities: [] }] })).toThrow(
      SozialregionDirectoryError,
    );
    expect(() => parseSozialregionen({ sozialregionen: [{ id: 'a', name: 'x', municipalities: ['2601'] }] })).toThrow(
      SozialregionDirectoryError,
    );
  });
});
