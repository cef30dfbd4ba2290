import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@si/audit';
import { EventConsumers, Outbox } from '@si/messaging';
import type { Logger } from '@si/observability';
import { OffersModule } from '../offers/offers.module.js';
import { OfferRepository } from '../offers/infrastructure/offer.repository.js';
import { Clock } from '../shared/clock.js';
import { OFFERS_LOGGER } from '../shared/shared.module.js';
import { Participations } from './application/participations.js';
import { ReferralsController } from './http/referrals.controller.js';
import { ReferralRepository } from './infrastructure/referral.repository.js';
import { ReferralConsumer } from './messaging/referral-consumer.js';

/** Referrals from cases and the providers' confirmations of participation. */
@Module({
  imports: [OffersModule],
  controllers: [ReferralsController],
  providers: [
    { provide: ReferralRepository, useValue: new ReferralRepository() },
    {
      provide: Participations,
      inject: [getDataSourceToken(), ReferralRepository, OfferRepository, Outbox, AuditLog, Clock, OFFERS_LOGGER],
      useFactory: (
        ds: DataSource,
        r: ReferralRepository,
        o: OfferRepository,
        outbox: Outbox,
        audit: AuditLog,
        clock: Clock,
        logger: Logger,
      ) => new Participations(ds, r, o, outbox, audit, clock, logger),
    },
    {
      provide: ReferralConsumer,
      inject: [EventConsumers, Participations],
      useFactory: (c: EventConsumers, p: Participations) => new ReferralConsumer(c, p),
    },
  ],
})
export class ParticipationModule {}
