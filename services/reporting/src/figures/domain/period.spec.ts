import { describe, expect, it } from '@jest/globals';
import { parsePeriod, previousYear } from './period.js';

describe('reporting periods', () => {
  it('reads years, half-years, quarters and months with their first and last day', () => {
    expect(parsePeriod('2027')).toMatchObject({ kind: 'year', from: '2027-01-01', to: '2027-12-31' });
    expect(parsePeriod('2027-H2')).toMatchObject({ kind: 'half-year', from: '2027-07-01', to: '2027-12-31' });
    expect(parsePeriod('2028-Q1')).toMatchObject({
      kind: 'quarter',
      from: '2028-01-01',
      to: '2028-03-31',
      months: ['2028-01-01', '2028-02-01', '2028-03-01'],
      lastMonth: '2028-03-01',
    });
    expect(parsePeriod('2028-02')).toMatchObject({ kind: 'month', from: '2028-02-01', to: '2028-02-29' });
    expect(previousYear(parsePeriod('2027-Q3')).label).toBe('2026-Q3');
  });

  it('refuses anything else naming rule RP1', () => {
    for (const bad of ['2027-Q5', '27', '2027-13', '2027-01-01', ''])
      expect(() => parsePeriod(bad)).toThrow(expect.objectContaining({ ruleId: 'RP1', kind: 'unprocessable' }));
  });
});
