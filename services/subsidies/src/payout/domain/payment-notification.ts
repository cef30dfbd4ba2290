import { isLocalDate, type LocalDate } from '../../shared/local-date.js';
import { normaliseIban } from './iban.js';

/**
 * One payment as the bank's debit notification (camt.054) reports it: a transaction of a booked entry on the
 * canton's account. The end-to-end id is the one the pain.001 gave the claim (its id without dashes).
 */
export interface NotifiedPayment {
  /** The account the notification is about (Ntfctn/Acct/Id/IBAN). */
  readonly account: string | null;
  readonly endToEndId: string | null;
  /** Exact integer Rappen; null when the amount is not a whole number of Rappen. */
  readonly amountRappen: number | null;
  readonly currency: string | null;
  /** DBIT for money leaving the account. */
  readonly creditDebit: string | null;
  /** BOOK, PDNG, INFO … (Sts/Cd, or Sts in older versions). */
  readonly status: string | null;
  readonly bookedOn: LocalDate | null;
}

export interface ClaimToConfirm {
  readonly id: string;
  readonly status: string;
  readonly payableRappen: number;
}

/** Why a reported payment confirms nothing; each is a fact the finance office can act on. */
export type PaymentSkip =
  | 'not-booked'
  | 'not-a-debit'
  | 'other-account'
  | 'not-chf'
  | 'no-booking-date'
  | 'no-claim-reference'
  | 'unknown-claim'
  | 'already-paid'
  | 'not-exported'
  | 'amount-differs';

export type PaymentDecision =
  { readonly confirm: true; readonly paidOn: LocalDate } | { readonly confirm: false; readonly reason: PaymentSkip };

/** The claim an end-to-end id names: the 32 hex digits of its id (pain001.ts `endToEndId`). */
export function claimIdOf(endToEndId: string | null): string | null {
  const m = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/i.exec(endToEndId?.trim() ?? '');
  return m ? m.slice(1).join('-').toLowerCase() : null;
}

/**
 * S18: a reported payment confirms a claim when it is a booked debit of the canton's account in CHF, names the
 * claim by its end-to-end id, the claim is exported (not yet paid) and the amount is its payable amount to the
 * Rappen. Anything else confirms nothing and says why; a payment reported twice finds the claim already paid.
 */
export function decidePayment(p: NotifiedPayment, claim: ClaimToConfirm | null, debtorIban: string): PaymentDecision {
  const skip = (reason: PaymentSkip): PaymentDecision => ({ confirm: false, reason });
  if (p.status !== 'BOOK') return skip('not-booked');
  if (p.creditDebit !== 'DBIT') return skip('not-a-debit');
  if (p.account !== null && normaliseIban(p.account) !== normaliseIban(debtorIban)) return skip('other-account');
  if (p.currency !== 'CHF') return skip('not-chf');
  if (!p.bookedOn || !isLocalDate(p.bookedOn)) return skip('no-booking-date');
  if (!claimIdOf(p.endToEndId)) return skip('no-claim-reference');
  if (!claim) return skip('unknown-claim');
  if (claim.status === 'paid') return skip('already-paid');
  if (claim.status !== 'exported') return skip('not-exported');
  if (p.amountRappen !== claim.payableRappen) return skip('amount-differs');
  return { confirm: true, paidOn: p.bookedOn };
}
