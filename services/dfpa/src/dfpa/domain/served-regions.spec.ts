import { DfpaDomainError } from './dfpa.errors.js';
import { ServedRegions } from './served-regions.js';

const KNOWN = ['olten', 'thal-gaeu', 'solothurn'];

describe('the regions one instance serves (DFPA_SOZIALREGIONEN)', () => {
  it('reads a list or * for all', () => {
    expect(ServedRegions.parse('olten, thal-gaeu', KNOWN).ids).toEqual(['olten', 'thal-gaeu']);
    expect(ServedRegions.parse('*', KNOWN).ids).toEqual(KNOWN);
  });

  it('refuses an unknown or empty list at start, naming the ids', () => {
    expect(() => ServedRegions.parse('olten,olton', KNOWN)).toThrow(/unknown Sozialregionen: olton/);
    expect(() => ServedRegions.parse(' , ', KNOWN)).toThrow(/names no Sozialregion/);
  });

  it('refuses a caller of a region it does not serve, or without a region, by rule R25', () => {
    const olten = ServedRegions.parse('olten', KNOWN);
    expect(olten.assertServed('olten')).toBe('olten');
    for (const region of ['thal-gaeu', undefined]) {
      try {
        olten.assertServed(region);
        throw new Error('not refused');
      } catch (e) {
        expect(e).toBeInstanceOf(DfpaDomainError);
        expect((e as DfpaDomainError).ruleId).toBe('R25');
      }
    }
  });
});
