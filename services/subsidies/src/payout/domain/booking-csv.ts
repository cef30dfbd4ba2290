import type { LocalDate } from '../../shared/local-date.js';
import { chf } from './money.js';
import type { PayoutClaim } from './payout-claim.js';

/**
 * The booking file for the cantonal finance system (SAP), one line per approved claim, then a control line.
 * Columns (wave2-domain.md §4.3; the exact layout is still to come from the finance office):
 * claimId, municipalityBfs, creditorNo, periodFrom, periodTo, amountChf (two decimals from integer Rappen),
 * postingDate, dueDate, glAccount, costCentre, text, checkedBy, approvedBy.
 * Control line: `#control`, the number of lines, the sum in CHF. UTF-8, comma separated, RFC 4180 quoting.
 */
export const BOOKING_COLUMNS = [
  'claimId',
  'municipalityBfs',
  'creditorNo',
  'periodFrom',
  'periodTo',
  'amountChf',
  'postingDate',
  'dueDate',
  'glAccount',
  'costCentre',
  'text',
  'checkedBy',
  'approvedBy',
] as const;

export interface BookingSettings {
  readonly postingDate: LocalDate;
  readonly dueDate: LocalDate;
  readonly glAccount: string;
  readonly costCentre: string;
}

const quote = (value: string | number) => {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function bookingCsv(claims: readonly PayoutClaim[], s: BookingSettings): string {
  const lines = [BOOKING_COLUMNS.join(',')];
  for (const c of claims) {
    lines.push(
      [
        c.claimId,
        c.municipality,
        c.payee.creditorNo,
        c.periodFrom,
        c.periodTo,
        chf(c.payableRappen),
        s.postingDate,
        s.dueDate,
        s.glAccount,
        s.costCentre,
        `start.integration Subventionen ${c.period} BFS ${c.municipality}`,
        c.checkedBy,
        c.approvedBy,
      ]
        .map(quote)
        .join(','),
    );
  }
  const total = claims.reduce((sum, c) => sum + c.payableRappen, 0);
  lines.push(['#control', claims.length, chf(total)].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
