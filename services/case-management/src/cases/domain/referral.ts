import { CaseDomainError, InvalidCommandError } from './case.errors.js';
import type { LocalDate } from './local-date.js';

/**
 * The structures VIntA Art. 4 names for inter-institutional cooperation (IIZ), plus the specific
 * integration promotion of the KIP. Until the offers service exists, a referral names one of these
 * (R3), an offer id, or free text.
 */
export const REGULAR_STRUCTURES = [
  'specific-integration-promotion',
  'asylum',
  'early-childhood',
  'school',
  'vocational-training',
  'social-services',
  'employment-services',
  'disability-insurance',
  'health',
  'naturalisation',
] as const;
export type RegularStructure = (typeof REGULAR_STRUCTURES)[number];

export type ReferralTarget =
  | { readonly kind: 'offer'; readonly offerId: string }
  | { readonly kind: 'regular-structure'; readonly structure: RegularStructure }
  | { readonly kind: 'free-text'; readonly text: string };

/** Measure categories reports and the Bund bill by (language / education-work / social; R30). */
export const MEASURE_CATEGORIES = ['language', 'education-work', 'social', 'other'] as const;
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];

export const REFERRAL_STATUSES = [
  'proposed',
  'agreed',
  'started',
  'completed',
  'not-taken-up',
  'discontinued',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The allowed status steps of a referral; terminal statuses have none. */
export const REFERRAL_STEPS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  proposed: ['agreed', 'not-taken-up', 'cancelled'],
  agreed: ['started', 'not-taken-up', 'cancelled'],
  started: ['completed', 'discontinued'],
  completed: [],
  'not-taken-up': [],
  discontinued: [],
  cancelled: [],
};

/** What a referral discloses to the offer's provider where the person consented (name and contact, nothing else). */
export interface DisclosedPerson {
  readonly officialName: string;
  readonly firstName: string;
  readonly address: {
    readonly street: string;
    readonly houseNumber?: string;
    readonly postalCode: string;
    readonly town: string;
  } | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface Referral {
  readonly referralId: string;
  readonly madeOn: LocalDate;
  readonly target: ReferralTarget;
  readonly category: MeasureCategory;
  /** What the person is to do, e.g. "Deutschkurs A2, 2× pro Woche". */
  readonly measure: string;
  /**
   * The person consented that the offer's provider learns their name and contact (offers only; absent in referrals
   * recorded before the consent was asked: no).
   */
  readonly disclosureConsent?: boolean;
  readonly status: ReferralStatus;
  readonly statusHistory: readonly {
    readonly status: ReferralStatus;
    readonly on: LocalDate;
    readonly reason: string | null;
  }[];
}

export function assertReferralTarget(field: string, target: ReferralTarget | undefined): ReferralTarget {
  switch (target?.kind) {
    case 'offer':
      if (!target.offerId?.trim()) break;
      return { kind: 'offer', offerId: target.offerId };
    case 'regular-structure':
      if (!REGULAR_STRUCTURES.includes(target.structure)) break;
      return { kind: 'regular-structure', structure: target.structure };
    case 'free-text':
      if (!target.text?.trim()) break;
      return { kind: 'free-text', text: target.text.trim() };
  }
  throw new InvalidCommandError(
    field,
    'Angebot, Regelstruktur (VIntA Art. 4) oder Freitext nötig',
    'needs an offer id, a regular structure (VIntA Art. 4) or free text',
    'R3',
  );
}

export function nextReferralStatus(referral: Referral, to: ReferralStatus): ReferralStatus {
  if (!REFERRAL_STEPS[referral.status].includes(to)) {
    throw new CaseDomainError(
      'CM2',
      'referral-status-step',
      {
        de: `Zuweisung «${referral.referralId}»: von «${referral.status}» nach «${to}» ist nicht möglich.`,
        en: `Referral "${referral.referralId}": "${referral.status}" → "${to}" is not allowed.`,
      },
      'conflict',
      { from: referral.status, to },
    );
  }
  return to;
}
