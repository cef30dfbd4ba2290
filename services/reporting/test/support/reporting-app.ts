import type { TestingModuleBuilder } from '@nestjs/testing';
import { buildCloudEvent, EventValidator, type CloudEvent } from '@si/messaging';
import { startServiceTestApp, type ServiceTestApp } from '@si/service-testing';
import { eventually } from '@si/testing';
import { REPORTING_CONFIG, reportingSettings, type ReportingConfig } from '../../src/config/reporting.config.js';
import { FiguresModule } from '../../src/figures/figures.module.js';
import { LogModule } from '../../src/log/log.module.js';
import { SelfDeclarationModule } from '../../src/self-declaration/self-declaration.module.js';
import { SelfDeclarationQueue } from '../../src/self-declaration/jobs/self-declaration-queue.js';
import { Clock } from '../../src/shared/clock.js';
import { SharedModule } from '../../src/shared/shared.module.js';
import { definition } from '../../src/service.definition.js';

export { DEMO_USERS, type DemoUser } from '@si/service-testing';

/** A clock the test sets: "today" is where the test's data lies. */
export class TestClock extends Clock {
  constructor(public at: Date) {
    super();
  }

  now(): Date {
    return this.at;
  }
}

export interface ReportingTestApp extends ServiceTestApp {
  clock: TestClock;
  /** Publishes events to this test's exchange as their producers would, and waits until all are in the log. */
  publish(events: readonly CloudEvent[]): Promise<void>;
}

export interface ReportingAppOptions {
  config?: Partial<ReportingConfig>;
  now?: Date;
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

const validator: EventValidator = new EventValidator();

/** A CloudEvent of `type` from its producer (the aggregate names it), validated against its contract. */
export function event(
  type: string,
  data: Record<string, unknown>,
  subject = String(data['caseId'] ?? data['claimId'] ?? 'x'),
): CloudEvent {
  const producer =
    { case: 'case-management', dfpa: 'dfpa', subsidy: 'subsidies', person: 'registry-intake' }[
      type.slice(0, type.indexOf('.'))
    ] ?? 'offers';
  const e = buildCloudEvent(producer, { type, subject, data }) as CloudEvent;
  validator.validate(e); // a builder that drifts from the contract fails here, not silently in the DLQ
  return e;
}

/** The real reporting app on a fresh database (see startServiceTestApp), with its own BullMQ prefix. */
export async function startReportingApp(options: ReportingAppOptions = {}): Promise<ReportingTestApp> {
  const clock = new TestClock(options.now ?? new Date('2027-04-15T10:00:00Z'));
  const t = await startServiceTestApp({
    definition,
    modules: [SharedModule, LogModule, FiguresModule, SelfDeclarationModule],
    config: (prefix) => [
      {
        provide: REPORTING_CONFIG,
        useValue: reportingSettings.defaults({ jobsPrefix: `${prefix}bull`, ...options.config }),
      },
    ],
    override: (b) => (options.override ?? ((x) => x))(b.overrideProvider(Clock).useValue(clock)),
    capture: 'selfdeclaration.#',
    beforeClose: (app) => app.get(SelfDeclarationQueue).close(true),
  });
  const publisher = await t.amqp.createConfirmChannel();
  return Object.assign(t, {
    clock,
    async publish(events: readonly CloudEvent[]) {
      for (const e of events) {
        publisher.publish(t.topology.exchange, e.type, Buffer.from(JSON.stringify(e)), {
          persistent: true,
          messageId: e.id,
          contentType: 'application/cloudevents+json',
          type: e.type,
        });
      }
      await publisher.waitForConfirms();
      const ids = events.map((e) => e.id);
      await eventually(
        async () => {
          const { rows } = await t.sql.query('SELECT count(*)::int AS n FROM event_log WHERE event_id = ANY($1)', [
            ids,
          ]);
          if (rows[0].n !== ids.length) throw new Error(`${rows[0].n} of ${ids.length} events logged`);
        },
        { timeoutMs: 30_000 },
      );
    },
  });
}
