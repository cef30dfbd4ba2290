// A relay or a consumer as its own process, for the fault test (which SIGKILLs it) and the benchmark:
// `node test/dist/support/backbone-child.js relay|consumer` with BACKBONE_CONFIG (JSON) in the environment.
// Talks to the parent over the IPC channel: {ready}, {applied: [[eventId, committedAtMs], ...]}, {rss}.
import { performance } from 'node:perf_hooks';
import { EventConsumer, EventValidator, OutboxRelay, type CloudEvent, type ResolvedTopology } from '@si/messaging';
import { createLogger } from '@si/observability';
import { createDataSource } from '@si/persistence';
import { CONSUMER, QUEUE, STEP, applyStep, applySteps, schemasRoot } from './backbone-fixture.js';

export interface ChildConfig {
  dbUrl: string;
  amqpUrl: string;
  topology: ResolvedTopology;
  prefix: string;
  maxAttempts?: number;
  /** Report every committed event with its commit time (latency measurement). */
  reportApplied?: boolean;
  concurrency?: number;
  batchSize?: number;
  prefetch?: number;
  window?: number;
  poolSize?: number;
  /**
   * `batch`: the consumer applies runs of events with one statement (BatchEventHandler); `none`: a handler per event
   * that issues no statement (the benchmark's measure of the consumer path without the effect).
   */
  handler?: 'event' | 'batch' | 'none';
}

const role = process.argv[2];
const config = JSON.parse(process.env.BACKBONE_CONFIG ?? '{}') as ChildConfig;
const logger = createLogger(`backbone-${role}`, process.env.LOG_LEVEL ?? 'warn');
const send = (message: unknown) => process.send?.(message);

const dataSource = createDataSource({
  url: config.dbUrl,
  poolSize: config.poolSize ?? 10,
  applicationName: `backbone-${role}`,
});
await dataSource.initialize();

let component: { start(): Promise<void>; stop(): Promise<void>; isConnected(): boolean };
if (role === 'relay') {
  component = new OutboxRelay({
    dataSource,
    amqp: config.amqpUrl,
    service: 'registry-intake',
    topology: config.topology,
    window: config.window,
    pollIntervalMs: 500,
    logger,
  });
} else if (role === 'consumer') {
  const now = () => performance.timeOrigin + performance.now();
  component = new EventConsumer({
    amqp: config.amqpUrl,
    dataSource,
    queue: QUEUE,
    prefix: config.prefix,
    topology: config.topology,
    consumer: CONSUMER,
    handlers: {
      [STEP]:
        config.handler === 'batch'
          ? { batch: applySteps }
          : config.handler === 'none'
            ? async () => undefined
            : applyStep,
    },
    validator: new EventValidator({ schemasRoot }),
    maxAttempts: config.maxAttempts,
    concurrency: config.concurrency,
    batchSize: config.batchSize,
    prefetch: config.prefetch,
    logger,
    afterCommit: (events: CloudEvent[]) => {
      const at = now();
      send(config.reportApplied ? { applied: events.map((e) => [e.id, at]) } : { appliedCount: events.length });
    },
  });
} else {
  throw new Error(`usage: backbone-child.js relay|consumer (got ${role})`);
}

await component.start();
const readyTimer = setInterval(() => {
  if (component.isConnected()) {
    clearInterval(readyTimer);
    send({ ready: true });
  }
}, 20);

async function shutdown(): Promise<void> {
  clearInterval(readyTimer);
  await component.stop();
  await dataSource.destroy();
  send({ rssKb: process.resourceUsage().maxRSS });
  process.disconnect?.();
}
process.on('SIGTERM', () => void shutdown());
process.on('message', (m: { stop?: boolean }) => {
  if (m.stop) void shutdown();
});
