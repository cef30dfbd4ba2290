import { chfFieldValue, formatChf, parseChf } from './money.js';

describe('Swiss francs from and to integer Rappen', () => {
  it('shows Rappen as CHF with the Swiss thousands separator and two decimals', () => {
    expect(formatChf(123450)).toBe("CHF 1'234.50");
    expect(formatChf(5)).toBe('CHF 0.05');
    expect(formatChf(-1550)).toBe('CHF -15.50');
    expect(formatChf(100_000_000_00)).toBe("CHF 100'000'000.00");
    expect(chfFieldValue(8550)).toBe('85.50');
  });

  it('reads what a person types, exactly, and refuses what is not an amount', () => {
    expect(parseChf('85')).toBe(8500);
    expect(parseChf('85.5')).toBe(8550);
    expect(parseChf("1'234.50")).toBe(123450);
    expect(parseChf('1’234,05')).toBe(123405);
    expect(parseChf('CHF 95.–')).toBe(9500);
    expect(parseChf('Fr. 45')).toBe(4500);
    // 0.29 * 100 is 28.999999999999996 in floating point: the parse never multiplies a fraction.
    expect(parseChf('0.29')).toBe(29);
    for (const bad of ['', 'abc', '12.345', '-5', '1.2.3', '12e3']) expect(parseChf(bad)).toBeUndefined();
  });
});
