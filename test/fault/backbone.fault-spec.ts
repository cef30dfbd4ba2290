// Fault test of the event backbone (issue 2, item 9), against the real local PostgreSQL and RabbitMQ:
// 10,000 events (500 subjects x 20 steps) go from a producer's outbox through the relay and the broker into a
// consumer's effect table while RabbitMQ is stopped and started, the consumer is SIGKILLed and restarted and
// the relay is SIGKILLed and restarted. Every effect must exist exactly once, every subject's steps must have
// been applied in order, and one poison event must end in the dead-letter queue with its reason without
// holding up the others. It stops the shared broker: run it alone (infra/scripts/test.sh runs fault specs last,
// with --runInBand). Needs `npx tsc -b tsconfig.json` first (the relay and consumer run from test/dist).
import { connect, type GetMessage } from 'amqplib';
import { EventValidator, Outbox, declareTopology, deleteTopology, findQueue, type CloudEvent } from '@si/messaging';
import { createDataSource } from '@si/persistence';
import { eventually } from '@si/testing';
import {
  AMQP_URL,
  QUEUE,
  STEP,
  backboneDatabases,
  backboneTopology,
  schemasRoot,
  type BackboneDatabases,
  type StepData,
} from '../support/backbone-fixture.js';
import { BackboneChild } from '../support/child-process.js';
import { rabbitmqPid, startRabbitmq, stopRabbitmq } from '../support/rabbitmq-control.js';

const SUBJECTS = 500;
const STEPS = 20;
const TOTAL = SUBJECTS * STEPS;
const TX_SIZE = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('event backbone under faults', () => {
  let dbs: BackboneDatabases;
  const { topology, prefix } = backboneTopology([200, 500]);
  const queue = findQueue(topology, prefix + QUEUE);
  const children: BackboneChild[] = [];

  beforeAll(async () => {
    dbs = await backboneDatabases();
    const admin = await connect(AMQP_URL);
    await declareTopology(await admin.createChannel(), topology);
    await admin.close();
  });

  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill()));
    const admin = await connect(AMQP_URL).catch(() => undefined);
    if (admin) {
      await deleteTopology(await admin.createChannel(), topology).catch(() => undefined);
      await admin.close().catch(() => undefined);
    }
    await dbs?.drop();
  });

  it('delivers 10,000 events exactly once and in order per subject through a broker restart and killed processes, and parks the poison event', async () => {
    const producer = createDataSource({ url: dbs.producer.appUrl, poolSize: 4 });
    const consumerDb = createDataSource({ url: dbs.consumer.appUrl, poolSize: 2 });
    await producer.initialize();
    await consumerDb.initialize();
    const outbox = new Outbox({ source: 'registry-intake', validator: new EventValidator({ schemasRoot }) });
    const effects = async () => Number((await consumerDb.query('SELECT count(*) AS n FROM step_effect'))[0].n);
    const config = { amqpUrl: AMQP_URL, topology, prefix, maxAttempts: 3 };
    const relay = new BackboneChild('relay', { ...config, dbUrl: dbs.producer.appUrl });
    const consumer = new BackboneChild('consumer', { ...config, dbUrl: dbs.consumer.appUrl });
    children.push(relay, consumer);
    const log: string[] = [];
    const note = async (what: string) => log.push(`${what} at ${await effects()} effects`);

    try {
      await Promise.all([relay.start(), consumer.start()]);

      // The poison event comes first: it must not hold up the 10,000 behind it.
      const [poison] = (await producer.transaction((em) =>
        outbox.add<StepData>(em, { type: STEP, subject: 'poison', data: { n: 0, poison: true } }),
      )) as CloudEvent<StepData>[];

      // The producer writes for about 12 s, one transaction of 50 events every 60 ms, while faults happen.
      const production = (async () => {
        for (let t = 0; t < TOTAL / TX_SIZE; t += 1) {
          await producer.transaction((em) =>
            outbox.add<StepData>(
              em,
              ...Array.from({ length: TX_SIZE }, (_, i) => {
                const k = t * TX_SIZE + i;
                return { type: STEP, subject: `subject-${k % SUBJECTS}`, data: { n: Math.floor(k / SUBJECTS) } };
              }),
            ),
          );
          await sleep(60);
        }
      })();

      // Fault 1: the broker stops mid-stream and comes back.
      await eventually(async () => expect(await effects()).toBeGreaterThan(1_000), {
        timeoutMs: 30_000,
        intervalMs: 100,
      });
      const brokerBefore = rabbitmqPid();
      await note('RabbitMQ stopped');
      const outageStart = Date.now();
      stopRabbitmq();
      await sleep(1_000);
      startRabbitmq();
      log.push(`broker down for ${Date.now() - outageStart} ms`);
      expect(rabbitmqPid()).not.toBe(brokerBefore);
      await note('RabbitMQ started');

      // Fault 2: the consumer is SIGKILLed with deliveries in flight, and restarted.
      const afterBroker = await effects();
      await eventually(
        async () => expect(await effects()).toBeGreaterThan(Math.min(afterBroker + 1_000, TOTAL - 4_000)),
        { timeoutMs: 60_000, intervalMs: 50 },
      );
      await note('consumer SIGKILLed');
      await consumer.kill();
      await sleep(500);
      await consumer.start();
      await note('consumer restarted');

      // Fault 3: the relay is SIGKILLed between publish and mark, and restarted.
      const afterConsumer = await effects();
      await eventually(
        async () => expect(await effects()).toBeGreaterThan(Math.min(afterConsumer + 500, TOTAL - 2_000)),
        { timeoutMs: 60_000, intervalMs: 50 },
      );
      await note('relay SIGKILLed');
      await relay.kill();
      await sleep(300);
      await relay.start();
      await note('relay restarted');

      await production;
      await eventually(async () => expect(await effects()).toBe(TOTAL), { timeoutMs: 90_000, intervalMs: 200 });
      await note('all effects');
      expect(log.at(-1)).toBe(`all effects at ${TOTAL} effects`);
      // The faults happened mid-stream, not before the first or after the last event.
      expect(
        log
          .filter((l) => l.startsWith('RabbitMQ stopped') || l.includes('SIGKILLed'))
          .every((l) => !l.endsWith(` ${TOTAL} effects`)),
      ).toBe(true);

      // Exactly once: 10,000 distinct effects (UNIQUE (subject, n) would also reject a second application).
      const [counts] = await consumerDb.query(
        'SELECT count(*)::int AS effects, count(DISTINCT (subject, n))::int AS distinct_steps, count(DISTINCT event_id)::int AS events FROM step_effect',
      );
      expect(counts).toEqual({ effects: TOTAL, distinct_steps: TOTAL, events: TOTAL });
      expect((await consumerDb.query('SELECT count(*)::int AS n FROM inbox'))[0].n).toBe(TOTAL);
      expect((await producer.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0].n).toBe(0);

      // In order per subject: the order of application (applied_seq) is 0, 1, ..., 19 for every subject.
      const outOfOrder = await consumerDb.query(
        `SELECT subject, array_agg(n ORDER BY applied_seq) AS steps FROM step_effect GROUP BY subject
         HAVING array_agg(n ORDER BY applied_seq) <> array(SELECT generate_series(0, ${STEPS - 1}))`,
      );
      expect(outOfOrder).toEqual([]);
      expect((await consumerDb.query('SELECT count(DISTINCT subject)::int AS n FROM step_effect'))[0].n).toBe(SUBJECTS);

      // The poison event is parked with its reason (possibly twice, if a kill hit between its DLQ publish and ack).
      const admin = await connect(AMQP_URL);
      const channel = await admin.createChannel();
      const parked: GetMessage[] = [];
      await eventually(
        async () => {
          for (let m = await channel.get(queue.dlq); m; m = await channel.get(queue.dlq)) parked.push(m);
          expect(parked.length).toBeGreaterThan(0);
        },
        { timeoutMs: 20_000, intervalMs: 200 },
      );
      expect(new Set(parked.map((m) => m.properties.messageId))).toEqual(new Set([poison?.id]));
      expect(parked[0]?.properties.headers).toMatchObject({
        'x-si-death-reason': 'max-attempts',
        'x-si-attempts': 3,
        'x-si-error': 'Error: step 0 of this subject is poison',
        'x-si-queue': queue.name,
      });
      expect(JSON.parse(String(parked[0]?.content))).toMatchObject({
        id: poison?.id,
        subject: 'poison',
        data: { poison: true },
      });
      await admin.close();
      expect(consumer.starts).toBe(2);
      expect(relay.starts).toBe(2);
      console.log(`backbone fault test: ${log.join('; ')}`);
    } finally {
      await Promise.all([relay.stop(), consumer.stop()]);
      await producer.destroy();
      await consumerDb.destroy();
    }
  }, 240_000);
});
