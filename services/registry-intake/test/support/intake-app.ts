import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceDir } from '@si/contracts';
import {
  REALM_USERS,
  startServiceTestApp,
  type RealmCaller,
  type Json,
  type ServiceTestApp,
  type TestResponse,
} from '@si/service-testing';
import { IntakeConfigModule } from '../../src/config/config.module.js';
import { INTAKE_CONFIG, intakeConfig, type IntakeConfig } from '../../src/config/intake.config.js';
import { DeliveriesModule } from '../../src/deliveries/deliveries.module.js';
import { PartialDeliveryQueue } from '../../src/deliveries/jobs/partial-delivery-queue.js';
import { TargetGroupModule } from '../../src/target-group/target-group.module.js';
import { definition } from '../../src/service.definition.js';

export { AMQP_URL, DEMO_USERS, type Caller, type DemoUser, type Json } from '@si/service-testing';
export type Response = TestResponse;
/** Every person of the demo realm and the register connector: whom the access matrix runs every route against. */
export const CALLERS = [...REALM_USERS, 'register-connector'] as const satisfies readonly RealmCaller[];
export type IntakeCaller = (typeof CALLERS)[number];
export const TEST_PERSON_REF_KEY = 'registry-intake-test-key-0123456789abcdef';

export interface IntakeTestApp extends ServiceTestApp {
  /** The sedex inbox folder of this app. */
  inboxDir: string;
  /** A private copy of contracts/reference, so a test can fix master data. */
  referenceDir: string;
  /** POSTs a delivery (XML by default). */
  deliver(caller: RealmCaller | null, xml: string | Buffer, contentType?: string): Promise<Response>;
}

/**
 * The real registry-intake app on a fresh database (see startServiceTestApp), with its own sedex inbox
 * (timer off: tests drive the poller), master-data folder and BullMQ prefix.
 */
export async function startIntakeApp(settings: Partial<IntakeConfig> = {}): Promise<IntakeTestApp> {
  const work = mkdtempSync(join(tmpdir(), 'ri-test-'));
  const inboxDir = join(work, 'inbox');
  const refDir = join(work, 'reference');
  cpSync(referenceDir, refDir, { recursive: true });
  const t = await startServiceTestApp({
    definition,
    modules: [IntakeConfigModule, TargetGroupModule, DeliveriesModule],
    config: (prefix) => [
      {
        provide: INTAKE_CONFIG,
        useValue: {
          ...intakeConfig({ PERSON_REF_KEY: TEST_PERSON_REF_KEY }),
          sedex: { inboxDir, pollIntervalMs: 0 },
          referenceDir: refDir,
          jobs: { prefix: `${prefix}bull`, enabled: true },
          ...settings,
        } satisfies IntakeConfig,
      },
    ],
    capture: 'person.#',
    // The sweep's job scheduler would otherwise stay in Redis under this test's prefix.
    beforeClose: (app) =>
      app
        .get(PartialDeliveryQueue)
        .bullQueue.obliterate({ force: true })
        .then(
          () => undefined,
          () => undefined,
        ),
  });
  const close = t.close;
  return Object.assign(t, {
    inboxDir,
    referenceDir: refDir,
    deliver: (caller: RealmCaller | null, xml: string | Buffer, contentType = 'application/xml') =>
      t.request(caller, 'POST', '/api/v1/deliveries', xml, contentType),
    async close() {
      await close();
      rmSync(work, { recursive: true, force: true });
    },
  });
}

/** Outbox rows of a type (what the service committed to emit). */
export async function outboxRows(
  t: IntakeTestApp,
  type?: string,
): Promise<Array<{ id: string; type: string; subject: string; payload: Json }>> {
  const r = await t.sql.query(
    `SELECT id, type, subject, payload FROM outbox ${type ? 'WHERE type = $1' : ''} ORDER BY seq`,
    type ? [type] : [],
  );
  return r.rows;
}
