import { describe, expect, it } from '@jest/globals';
import { correctionsFor } from './retroactive-corrections.js';
import { assertTariffVersion, rateOn, type TariffVersion } from './tariff.js';

const v = (id: number, over: Partial<TariffVersion>): TariffVersion => ({
  id,
  item: 'first-information-talk',
  validFrom: '2024-01-01',
  validTo: null,
  amountRappen: 30000,
  placeholder: true,
  reference: 'test',
  reason: 'test',
  recordedBy: 'ags',
  recordedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('tariffs', () => {
  const versions = [
    v(1, { validFrom: '2022-01-01', validTo: '2023-12-31', amountRappen: 25000 }),
    v(2, {}),
    v(3, { item: 'info-folder', amountRappen: 5000 }),
  ];

  it('gives the rate valid on the event date', () => {
    expect(rateOn(versions, 'first-information-talk', '2023-12-31')?.amountRappen).toBe(25000);
    expect(rateOn(versions, 'first-information-talk', '2024-01-01')?.amountRappen).toBe(30000);
    expect(rateOn(versions, 'first-information-talk', '2021-12-31')).toBeNull();
  });

  it('lets a newer version win for the days it covers only', () => {
    const all = [...versions, v(4, { validFrom: '2027-04-01', amountRappen: 32000 })];
    expect(rateOn(all, 'first-information-talk', '2027-03-31')?.amountRappen).toBe(30000);
    expect(rateOn(all, 'first-information-talk', '2027-04-01')?.amountRappen).toBe(32000);
  });

  it('books a correction for the difference on booked days a retroactive version covers, none elsewhere', () => {
    const retro = v(5, { validFrom: '2027-01-01', validTo: '2027-03-31', amountRappen: 31000 });
    const booked = [
      { entryId: 10, item: 'first-information-talk' as const, serviceDate: '2027-02-01', netRappen: 30000 },
      { entryId: 11, item: 'first-information-talk' as const, serviceDate: '2027-04-02', netRappen: 30000 },
      { entryId: 12, item: 'first-information-talk' as const, serviceDate: '2027-03-01', netRappen: 31000 },
    ];
    expect(correctionsFor(retro, [...versions, retro], booked)).toEqual([
      expect.objectContaining({ corrects: 10, deltaRappen: 1000, tariff: retro }),
    ]);
  });

  it('refuses amounts that are not whole Rappen and ranges that end before they start (S11)', () => {
    const base = {
      item: 'interpreter' as const,
      validFrom: '2027-01-01',
      validTo: null,
      amountRappen: 100,
      placeholder: false,
      reference: 'KRS',
      reason: 'neu',
    };
    expect(() => assertTariffVersion({ ...base, amountRappen: 10.5 })).toThrow(
      expect.objectContaining({ ruleId: 'S11', code: 'tariff-amount-invalid' }),
    );
    expect(() => assertTariffVersion({ ...base, validTo: '2026-12-31' })).toThrow(
      expect.objectContaining({ ruleId: 'S11', code: 'tariff-range-invalid' }),
    );
    expect(() => assertTariffVersion(base)).not.toThrow();
  });
});
