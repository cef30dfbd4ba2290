import type { TestingModuleBuilder } from '@nestjs/testing';
import { buildCloudEvent, EventValidator, type CloudEvent } from '@si/messaging';
import { startServiceTestApp, type Caller, type Json, type ServiceTestApp } from '@si/service-testing';
import { OFFERS_CONFIG, offersSettings, type OffersConfig } from '../../src/config/offers.config.js';
import { OffersModule } from '../../src/offers/offers.module.js';
import { OfferReviewQueue } from '../../src/offers/jobs/offer-review.queue.js';
import { ParticipationModule } from '../../src/participation/participation.module.js';
import { MentoringModule } from '../../src/mentoring/mentoring.module.js';
import { SharedModule } from '../../src/shared/shared.module.js';
import { definition } from '../../src/service.definition.js';

/** The platform's demo users plus this service's own: provider staff and a pool coordinator. */
export const OFFERS_USERS = [
  'ib.solothurn',
  'ib.olten',
  'ib.hubersdorf',
  'sr.olten',
  'ags.koordination',
  'ma.integration',
  'anbieter.vhs',
  'anbieter.caritas',
  'mp.olten',
] as const;
export type OffersUser = (typeof OFFERS_USERS)[number];

export interface OffersTestApp extends Omit<ServiceTestApp, 'call'> {
  call(
    caller: OffersUser | { token: string } | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Json; headers: Headers }>;
  /** Publishes a CloudEvent to this test's exchange as a producing service would. */
  publish(type: string, subject: string, data: unknown, id?: string): Promise<CloudEvent>;
}

export interface OffersAppOptions {
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  config?: Partial<OffersConfig>;
  modules?: Parameters<typeof startServiceTestApp>[0]['modules'];
}

/** The real offers app on a fresh database (see startServiceTestApp), with its own Redis prefix and no job schedule. */
export async function startOffersApp(options: OffersAppOptions = {}): Promise<OffersTestApp> {
  const t = await startServiceTestApp({
    definition,
    modules: [SharedModule, OffersModule, ParticipationModule, MentoringModule, ...(options.modules ?? [])],
    config: (prefix) => [
      {
        provide: OFFERS_CONFIG,
        useValue: offersSettings.defaults({ jobsPrefix: `${prefix}bull`, jobsEnabled: false, ...options.config }),
      },
    ],
    override: options.override,
    capture: '#',
    beforeClose: (app) =>
      app
        .get(OfferReviewQueue)
        .bullQueue.obliterate({ force: true })
        .catch(() => undefined),
  });
  const publisher = await t.amqp.createConfirmChannel();
  const validator: EventValidator = new EventValidator();
  const call = t.call;
  return Object.assign(t, {
    // The demo users beyond the platform's list log in the same way (password grant).
    call: (caller: OffersUser | { token: string } | null, method: string, path: string, body?: unknown) =>
      call(caller as Caller, method, path, body),
    async publish(type: string, subject: string, data: unknown, id?: string) {
      const event = {
        ...buildCloudEvent(type.split('.')[0] === 'case' ? 'case-management' : 'offers', { type, subject, data }),
        ...(id ? { id } : {}),
      } as CloudEvent;
      validator.validate(event);
      await new Promise<void>((resolve, reject) => {
        publisher.publish(
          t.topology.exchange,
          type,
          Buffer.from(JSON.stringify(event)),
          {
            persistent: true,
            messageId: event.id,
            contentType: 'application/cloudevents+json',
            type,
          },
          (err) => (err ? reject(err) : resolve()),
        );
      });
      return event;
    },
  }) as OffersTestApp;
}
