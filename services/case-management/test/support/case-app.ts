import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestingModuleBuilder } from '@nestjs/testing';
import { buildOpenApi } from '@si/http';
import { buildCloudEvent, EventValidator, type CloudEvent } from '@si/messaging';
import { startServiceTestApp, type ServiceTestApp } from '@si/service-testing';
import { CasesModule } from '../../src/cases/cases.module.js';
import {
  CASE_MANAGEMENT_CONFIG,
  loadConfig,
  type CaseManagementConfig,
} from '../../src/config/case-management.config.js';
import { DeadlineQueue } from '../../src/cases/jobs/deadline-queue.js';
import { SharedModule } from '../../src/shared/shared.module.js';
import { definition } from '../../src/service.definition.js';

export { DEMO_USERS, type DemoUser } from '@si/service-testing';

export interface CaseTestApp extends ServiceTestApp {
  /** Publishes a CloudEvent to this test's exchange as a producing service would. */
  publish(type: string, subject: string, data: unknown, id?: string): Promise<CloudEvent>;
}

export interface CaseAppOptions {
  /** Replace providers (e.g. the Clock) before the app starts. */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** Settings of this test on top of the defaults (the BullMQ prefix is the test's own). */
  config?: Partial<CaseManagementConfig>;
  /** The same as variables (validated as at start, never written to `process.env`); prefer `config`. */
  env?: Record<string, string>;
}

/** The real case-management app on a fresh database (see startServiceTestApp), with its own BullMQ prefix. */
export async function startCaseApp(options: CaseAppOptions = {}): Promise<CaseTestApp> {
  const t = await startServiceTestApp({
    definition,
    modules: [SharedModule, CasesModule],
    config: (prefix) => [
      {
        provide: CASE_MANAGEMENT_CONFIG,
        useValue: { ...loadConfig(options.env ?? {}), jobsPrefix: `${prefix}bull`, ...options.config },
      },
    ],
    override: options.override,
    capture: 'case.#',
    // The sweep's job scheduler would otherwise stay in Redis under this test's prefix.
    beforeClose: (app) =>
      app
        .get(DeadlineQueue)
        .bullQueue.obliterate({ force: true })
        .catch(() => undefined),
  });
  // The offer the request bodies refer to (bodies.referral) is published in this service's catalogue (CM8).
  await t.sql.query(
    `INSERT INTO offer_catalogue (offer_id, status, version, provider_id, updated_at) VALUES ('offer-42', 'published', 1, 'vhs-solothurn', now())`,
  );
  const publisher = await t.amqp.createConfirmChannel();
  const validator: EventValidator = new EventValidator();
  return Object.assign(t, {
    async publish(type: string, subject: string, data: unknown, id?: string) {
      const producer =
        type.split('.')[0] === 'dfpa' ? 'dfpa' : type.split('.')[0] === 'offer' ? 'offers' : 'registry-intake';
      const event = { ...buildCloudEvent(producer, { type, subject, data }), ...(id ? { id } : {}) } as CloudEvent;
      validator.validate(event); // a test builder that drifts from the contract fails here, not silently in the DLQ
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
  });
}

export function openApiOf(app: NestFastifyApplication) {
  return buildOpenApi(app, { title: definition.title, description: definition.description });
}

export const newId = () => randomUUID();
