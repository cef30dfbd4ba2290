import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Outbox } from '@si/messaging';
import type { Logger } from '@si/observability';
import { OFFERS_CONFIG, type OffersConfig } from '../config/offers.config.js';
import { Canton } from '../shared/canton.js';
import { Clock } from '../shared/clock.js';
import { PublicRateLimitGuard } from '../shared/public-rate-limit.guard.js';
import { OFFERS_LOGGER } from '../shared/shared.module.js';
import { OfferCommands } from './application/offer-commands.js';
import { OfferQueries } from './application/offer-queries.js';
import { PublicCatalogue } from './application/public-catalogue.js';
import { CurationController, OffersController } from './http/offers.controller.js';
import { ProvidersController } from './http/providers.controller.js';
import { PublicOffersController } from './http/public-offers.controller.js';
import { OfferRepository } from './infrastructure/offer.repository.js';
import { ProviderRepository } from './infrastructure/provider.repository.js';
import { PublicSearchQuery } from './infrastructure/public-search.query.js';
import { OfferReviewLifecycle } from './jobs/offer-review.lifecycle.js';
import { OfferReviewQueue } from './jobs/offer-review.queue.js';

const DS = getDataSourceToken();

/** Providers, offers, curation, the public search and the expiry/confirmation job. */
@Module({
  controllers: [PublicOffersController, OffersController, CurationController, ProvidersController],
  providers: [
    PublicRateLimitGuard,
    { provide: OfferRepository, inject: [Canton], useFactory: (c: Canton) => new OfferRepository(c) },
    { provide: ProviderRepository, useValue: new ProviderRepository() },
    { provide: PublicSearchQuery, inject: [Canton], useFactory: (c: Canton) => new PublicSearchQuery(c) },
    {
      provide: OfferCommands,
      inject: [DS, OfferRepository, ProviderRepository, Outbox, Canton, Clock],
      useFactory: (
        ds: DataSource,
        o: OfferRepository,
        p: ProviderRepository,
        outbox: Outbox,
        c: Canton,
        clock: Clock,
      ) => new OfferCommands(ds, o, p, outbox, c, clock),
    },
    {
      provide: OfferQueries,
      inject: [DS, OfferRepository],
      useFactory: (ds: DataSource, o: OfferRepository) => new OfferQueries(ds, o),
    },
    {
      provide: PublicCatalogue,
      inject: [DS, PublicSearchQuery, Clock, OFFERS_CONFIG],
      useFactory: (ds: DataSource, s: PublicSearchQuery, clock: Clock, c: OffersConfig) =>
        new PublicCatalogue(ds, s, clock, c.publicCacheEntries),
    },
    {
      provide: OfferReviewQueue,
      inject: [DS, OfferRepository, OfferCommands, Clock, OFFERS_LOGGER, OFFERS_CONFIG],
      useFactory: (
        ds: DataSource,
        o: OfferRepository,
        cmd: OfferCommands,
        clock: Clock,
        logger: Logger,
        c: OffersConfig,
      ) => new OfferReviewQueue(ds, o, cmd, clock, logger, { prefix: c.jobsPrefix, everyMs: c.reviewEveryMs }),
    },
    {
      provide: OfferReviewLifecycle,
      inject: [OfferReviewQueue, OFFERS_CONFIG],
      useFactory: (q: OfferReviewQueue, c: OffersConfig) => new OfferReviewLifecycle(q, c.jobsEnabled),
    },
  ],
  exports: [OfferRepository, OfferQueries],
})
export class OffersModule {}
