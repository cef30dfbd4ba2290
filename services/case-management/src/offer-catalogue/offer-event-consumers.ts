import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { OfferParticipationRecordedV1, OfferPublishedV1, OfferWithdrawnV1 } from '@si/contracts';
import type { LocalDate } from '@si/kernel';
import { EventConsumers, PermanentEventError } from '@si/messaging';
import type { EntityManager } from 'typeorm';
import { SystemCaseWriter } from '../cases/application/system-case-writer.js';
import type { ReferralStatus } from '../cases/domain/index.js';
import { OfferCatalogue, referralStatusesFor } from './offer-catalogue.js';

export const OFFER_QUEUE = 'case-management.offer-events';

/**
 * The offers service's events: the catalogue of referable offers, and the provider's confirmations, which move the
 * referral's status (enrolled → agreed, attending → started, completed, dropped out → discontinued or not taken up),
 * stepping through the statuses in between, as a change by the system actor `offers` with its history entry.
 */
@Injectable()
export class OfferEventConsumers implements OnModuleInit {
  constructor(
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
    @Inject(OfferCatalogue) private readonly catalogue: OfferCatalogue,
    @Inject(SystemCaseWriter) private readonly writer: SystemCaseWriter,
  ) {}

  onModuleInit(): void {
    this.consumers.register(
      OFFER_QUEUE,
      {
        'offer.published.v1': (e, em) => this.catalogue.published(em, e.data as unknown as OfferPublishedV1),
        'offer.withdrawn.v1': (e, em) => this.catalogue.withdrawn(em, e.data as unknown as OfferWithdrawnV1),
        'offer.participation-recorded.v1': (e, em) =>
          this.participation(em, e.data as unknown as OfferParticipationRecordedV1),
      },
      { unhandled: 'ignore' },
    );
  }

  private async participation(em: EntityManager, d: OfferParticipationRecordedV1): Promise<void> {
    const found = await this.writer.apply(em, d.caseId, 'offers', 'referral-participation', (c, ctx) => {
      const referral = c.state.referrals.find((r) => r.referralId === d.referralId);
      if (!referral) throw new PermanentEventError(`referral ${d.referralId} is not in case ${d.caseId}`);
      const reason = d.reason ? `Anbieter: ${d.reason}` : `Anbieter bestätigt: ${d.step}`;
      return referralStatusesFor(d.step, referral.status).flatMap((status) =>
        c.updateReferralStatus(d.referralId, { status: status as ReferralStatus, on: d.on as LocalDate, reason }, ctx),
      );
    });
    if (!found) throw new PermanentEventError(`case ${d.caseId} of referral ${d.referralId} does not exist here`);
  }
}
