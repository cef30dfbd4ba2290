import type { TestingModuleBuilder } from '@nestjs/testing';
import { buildCloudEvent, EventValidator, type CloudEvent } from '@si/messaging';
import { REALM_USERS, startServiceTestApp, type ServiceTestApp, type TestResponse } from '@si/service-testing';
import { DFPA_CONFIG, settings, type DfpaConfig } from '../../src/config/dfpa.config.js';
import { DfpaModule } from '../../src/dfpa/dfpa.module.js';
import { DeadlineQueue } from '../../src/dfpa/jobs/deadline-queue.js';
import { Clock } from '../../src/shared/clock.js';
import { SharedModule } from '../../src/shared/shared.module.js';
import { definition } from '../../src/service.definition.js';
import { TestClock } from './test-clock.js';

/** Every person of the demo realm (both regions' caseworkers among them) and the two regions' own systems (point 7). */
export const DFPA_CALLERS = [...REALM_USERS, 'sr-olten-connector', 'sr-thal-gaeu-connector'] as const;
export type DfpaCallerName = (typeof DFPA_CALLERS)[number];

export interface DfpaTestApp extends ServiceTestApp {
  clock: TestClock;
  /** Publishes a hand-over as case-management's relay does: on si.events with the header `sozialregionid`. */
  publishHandover(data: { sozialregionId: string; caseId: string }): Promise<CloudEvent>;
  /**
   * Publishes a case event (case.closed.v1 …) as case-management's relay does: with the header `sozialregionid` when
   * the data names the case's region (`sozialregionId`), so it reaches only that region's queue.
   */
  publishCaseEvent(type: string, subject: string, data: unknown): Promise<CloudEvent>;
  as(caller: DfpaCallerName | null, method: string, path: string, body?: unknown): Promise<TestResponse>;
  /** Messages waiting in a queue of this test's topology (e.g. another region's hand-over queue). */
  waiting(queue: string): Promise<number>;
}

/** The real dfpa app on a fresh database and broker prefix, serving `regions` (DFPA_SOZIALREGIONEN). */
export async function startDfpaApp(
  options: {
    regions?: string;
    config?: Partial<DfpaConfig>;
    override?: (b: TestingModuleBuilder) => TestingModuleBuilder;
  } = {},
): Promise<DfpaTestApp> {
  const clock = new TestClock();
  const t = await startServiceTestApp({
    definition,
    modules: [SharedModule, DfpaModule],
    config: (prefix) => [
      {
        provide: DFPA_CONFIG,
        useValue: settings.defaults({
          jobsPrefix: `${prefix}bull`,
          sozialregionen: options.regions ?? '*',
          ...options.config,
        }),
      },
    ],
    override: (b) => (options.override ? options.override(b) : b).overrideProvider(Clock).useValue(clock),
    capture: 'dfpa.#',
    beforeClose: (app) =>
      app
        .get(DeadlineQueue)
        .bullQueue.obliterate({ force: true })
        .catch(() => undefined),
  });
  const publisher = await t.amqp.createConfirmChannel();
  const validator: EventValidator = new EventValidator();
  const publish = async (type: string, subject: string, data: unknown, headers?: Record<string, string>) => {
    const event = buildCloudEvent('case-management', { type, subject, data }) as CloudEvent;
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
          ...(headers ? { headers } : {}),
        },
        (err) => (err ? reject(err) : resolve()),
      );
    });
    return event;
  };
  const tokens = new Map<string, string>();
  const tokenOf = async (caller: DfpaCallerName) => {
    const cached = tokens.get(caller);
    if (cached) return cached;
    const form: Record<string, string> = caller.endsWith('-connector')
      ? { grant_type: 'client_credentials', client_id: caller, client_secret: `${caller}-secret` }
      : { grant_type: 'password', client_id: 'si-cli', username: caller, password: 'demo' };
    const response = await fetch(`${t.oidc.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    if (response.status !== 200) throw new Error(`token for ${caller}: ${response.status}`);
    const token = ((await response.json()) as { access_token: string }).access_token;
    tokens.set(caller, token);
    return token;
  };
  return Object.assign(t, {
    clock,
    publishHandover: (data: { sozialregionId: string; caseId: string }) =>
      publish('case.dfpa-handover-requested.v1', data.caseId, data, { sozialregionid: data.sozialregionId }),
    publishCaseEvent: (type: string, subject: string, data: unknown) => {
      const region = (data as { sozialregionId?: unknown }).sozialregionId;
      return publish(type, subject, data, typeof region === 'string' ? { sozialregionid: region } : undefined);
    },
    as: async (caller: DfpaCallerName | null, method: string, path: string, body?: unknown) =>
      t.call(caller ? { token: await tokenOf(caller) } : null, method, path, body),
    async waiting(queue: string) {
      const channel = await t.amqp.createChannel();
      try {
        return (await channel.checkQueue(`${t.prefix}${queue}`)).messageCount;
      } finally {
        await channel.close().catch(() => undefined);
      }
    },
  });
}
