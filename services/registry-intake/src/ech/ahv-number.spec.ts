import { describe, expect, it } from '@jest/globals';
import { ahvCheckDigit, ahvNumberFromBody, formatAhvNumber, isValidAhvNumber } from './ahv-number.js';

describe('AHV-13 numbers', () => {
  it('computes the EAN-13 check digit (the example number of the Federal Social Insurance Office)', () => {
    expect(ahvCheckDigit('756123456789')).toBe(7);
    expect(isValidAhvNumber('7561234567897')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong country prefix and a wrong length', () => {
    expect(isValidAhvNumber('7561234567898')).toBe(false);
    expect(isValidAhvNumber('7571234567897')).toBe(false);
    expect(isValidAhvNumber('756123456789')).toBe(false);
  });

  it('builds valid numbers from nine digits and prints them in the usual form', () => {
    for (const body of ['000000000', '123456789', '999999999', '42'])
      expect(isValidAhvNumber(ahvNumberFromBody(body))).toBe(true);
    expect(formatAhvNumber('7561234567897')).toBe('756.1234.5678.97');
  });
});
