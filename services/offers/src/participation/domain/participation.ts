import type { LocalDate } from '@si/kernel';
import { refuse } from '../../shared/rules.js';

export const PARTICIPATION_STEPS = ['enrolled', 'attending', 'completed', 'dropped-out'] as const;
export type ParticipationStep = (typeof PARTICIPATION_STEPS)[number];
export type ReferralStage = 'referred' | ParticipationStep;

/** Forward only (PA2): enrolled → attending → completed; a drop-out after the referral, the enrolment or during attendance. */
const NEXT: Readonly<Record<ReferralStage, readonly ParticipationStep[]>> = {
  referred: ['enrolled', 'dropped-out'],
  enrolled: ['attending', 'dropped-out'],
  attending: ['completed', 'dropped-out'],
  completed: [],
  'dropped-out': [],
};

/** Name and contact the person consented to disclose to the provider (case.referral-disclosed.v1). */
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
  readonly consentOn: LocalDate;
}

/** A referral to one of a provider's offers, as the provider sees it: pseudonymous unless the person consented. */
export interface ProviderReferral {
  readonly referralId: string;
  readonly caseId: string;
  readonly personRef: string;
  readonly municipality: number;
  readonly offerId: string;
  readonly providerId: string;
  readonly category: string;
  readonly madeOn: LocalDate;
  readonly stage: ReferralStage;
  /** Name and contact where the person consented to their disclosure, else null (the pseudonymous reference only). */
  readonly person: DisclosedPerson | null;
  readonly stages: readonly {
    readonly stage: ParticipationStep;
    readonly on: LocalDate;
    readonly reason: string | null;
  }[];
}

export function assertProviderOf(referral: ProviderReferral, providerId: string | undefined): void {
  if (referral.providerId !== providerId) {
    refuse(
      'PA1',
      'not-your-referral',
      'Diese Zuweisung gilt einem Angebot einer anderen Organisation.',
      "This referral is to another provider's offer.",
      'forbidden',
    );
  }
}

/** The referral after the provider's confirmation, or a refusal naming PA2. */
export function recordStep(
  referral: ProviderReferral,
  step: ParticipationStep,
  on: LocalDate,
  today: LocalDate,
  reason?: string,
): ProviderReferral {
  if (!NEXT[referral.stage].includes(step)) {
    refuse(
      'PA2',
      'participation-step-not-allowed',
      `Von «${referral.stage}» nach «${step}» ist nicht möglich.`,
      `"${referral.stage}" → "${step}" is not allowed.`,
      'conflict',
      { from: referral.stage, to: step },
    );
  }
  if (on > today)
    refuse(
      'PA2',
      'participation-in-future',
      'Das Datum liegt in der Zukunft.',
      'The date lies in the future.',
      'unprocessable',
      { field: 'on' },
    );
  const last = referral.stages.at(-1)?.on ?? referral.madeOn;
  if (on < last)
    refuse(
      'PA2',
      'participation-before-previous',
      `Das Datum liegt vor dem vorherigen Schritt (${last}).`,
      `The date is before the previous step (${last}).`,
      'unprocessable',
      { field: 'on' },
    );
  return {
    ...referral,
    stage: step,
    stages: [...referral.stages, { stage: step, on, reason: reason?.trim() || null }],
  };
}
