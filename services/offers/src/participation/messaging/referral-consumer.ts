import type { OnModuleInit } from '@nestjs/common';
import type { CaseReferralDisclosedV1, CaseReferralMadeV1 } from '@si/contracts';
import type { EventConsumers } from '@si/messaging';
import type { Participations } from '../application/participations.js';

export const CASE_EVENTS_QUEUE = 'offers.case-events';

/**
 * case.referral-made.v1 → a referral the provider sees, case.referral-disclosed.v1 → the name and contact the person consented
 * to disclose; each in the consumer's transaction with the inbox row (idempotent).
 */
export class ReferralConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly participations: Participations,
  ) {}

  onModuleInit(): void {
    this.consumers.register(
      CASE_EVENTS_QUEUE,
      {
        'case.referral-made.v1': (e, em) => this.participations.referred(em, e.data as unknown as CaseReferralMadeV1),
        'case.referral-disclosed.v1': (e, em) =>
          this.participations.disclosed(em, e.data as unknown as CaseReferralDisclosedV1),
      },
      { unhandled: 'ignore' },
    );
  }
}
