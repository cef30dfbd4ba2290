import { describe, expect, it } from '@jest/globals';
import { nextStatus, payable, type ClaimState } from './claim.js';

const claim = (over: Partial<ClaimState>): ClaimState => ({
  id: 'k',
  municipality: 2601,
  period: '2027-Q1',
  status: 'draft',
  checkedBy: null,
  ...over,
});
const koordination = { id: 'u-ko', name: 'ags.koordination', roles: ['ags'] };
const finanzen = { id: 'u-fi', name: 'ags.finanzen', roles: ['ags', 'ags-finanzen'] };

describe('claim workflow', () => {
  it('goes draft → submitted → checked → approved → exported → paid', () => {
    expect(nextStatus(claim({}), 'submit', koordination)).toBe('submitted');
    expect(nextStatus(claim({ status: 'submitted' }), 'check', koordination)).toBe('checked');
    expect(nextStatus(claim({ status: 'checked', checkedBy: 'u-ko' }), 'approve', finanzen)).toBe('approved');
    expect(nextStatus(claim({ status: 'approved' }), 'export', finanzen)).toBe('exported');
    expect(nextStatus(claim({ status: 'exported' }), 'confirm-payment', finanzen)).toBe('paid');
  });

  it('enforces four eyes: not the checker, and only with the finance role (S6)', () => {
    expect(() => nextStatus(claim({ status: 'checked', checkedBy: 'u-fi' }), 'approve', finanzen)).toThrow(
      expect.objectContaining({ ruleId: 'S6', code: 'four-eyes' }),
    );
    expect(() => nextStatus(claim({ status: 'checked', checkedBy: 'u-other' }), 'approve', koordination)).toThrow(
      expect.objectContaining({ ruleId: 'S6', code: 'approval-needs-finance-role' }),
    );
  });

  it('refuses steps out of order, so nothing is approved or exported twice (S7)', () => {
    expect(() => nextStatus(claim({ status: 'approved' }), 'approve', finanzen)).toThrow(
      expect.objectContaining({ ruleId: 'S7' }),
    );
    expect(() => nextStatus(claim({ status: 'exported' }), 'export', finanzen)).toThrow(
      expect.objectContaining({ ruleId: 'S7' }),
    );
    expect(() => nextStatus(claim({ status: 'draft' }), 'check', koordination)).toThrow(
      expect.objectContaining({ ruleId: 'S7' }),
    );
  });

  it('pays the undisputed lines only', () => {
    expect(
      payable([
        { amountRappen: 30000, disputedReason: null },
        { amountRappen: 8000, disputedReason: 'kein Dolmetscher' },
        { amountRappen: -1000, disputedReason: null },
      ]),
    ).toBe(29000);
  });
});
