import type { LocalDate } from '../../shared/local-date.js';

/** An approved claim as the payout files need it. */
export interface PayoutClaim {
  readonly claimId: string;
  readonly municipality: number;
  readonly period: string;
  readonly periodFrom: LocalDate;
  readonly periodTo: LocalDate;
  readonly payableRappen: number;
  readonly checkedBy: string;
  readonly approvedBy: string;
  readonly payee: Payee;
}

/** Where a municipality is paid: structured address as SPS 2022 requires from November 2026. */
export interface Payee {
  readonly municipality: number;
  readonly name: string;
  readonly iban: string;
  readonly creditorNo: string;
  readonly street: string;
  readonly buildingNo: string | null;
  readonly postCode: string;
  readonly town: string;
}

/** The canton as debtor: its account and address come from configuration, not from code. */
export interface Debtor {
  readonly name: string;
  readonly iban: string;
  readonly street: string;
  readonly buildingNo: string | null;
  readonly postCode: string;
  readonly town: string;
}
