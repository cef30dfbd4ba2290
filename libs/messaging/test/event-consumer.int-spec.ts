import { randomUUID } from 'node:crypto';
import type { ConfirmChannel, GetMessage } from 'amqplib';
import type { EntityManager } from 'typeorm';
import { correlation } from '@si/observability';
import { eventually } from '@si/testing';
import { buildCloudEvent, type CloudEvent } from '../src/events/cloud-event.js';
import { EventConsumer } from '../src/consumer/event-consumer.js';
import { replayDeadLetters } from '../src/consumer/dead-letter-replay.js';
import { findQueue } from '../src/topology/topology.js';
import {
  AMQP_URL,
  OTHER,
  QUEUE,
  THING,
  drainQueue,
  rawBroker,
  sleep,
  testDb,
  testTopology,
  testValidator,
  type TestDb,
} from './support/messaging-fixture.js';
import { TcpProxy } from './support/tcp-proxy.js';

type Thing = { n: number; fail?: 'always' | 'once' };

describe('EventConsumer (real PostgreSQL and RabbitMQ)', () => {
  let db: TestDb;
  const { topology, prefix } = testTopology([100, 200]);
  const queue = findQueue(topology, prefix + QUEUE);
  let broker: Awaited<ReturnType<typeof rawBroker>>;
  let consumer: EventConsumer | undefined;
  const failedOnce = new Set<string>();
  const failingTwice = new Set<string>();
  const failures = new Map<string, number>();
  let dependencyDown = false;
  const seenCorrelation: { correlationId?: string; causationId?: string }[] = [];

  const handlers = {
    [THING]: async (event: CloudEvent<Thing>, em: EntityManager) => {
      seenCorrelation.push({ ...correlation.current() });
      if (event.data.fail === 'always') throw new Error(`step ${event.data.n} cannot be applied`);
      if (event.subject === 'needs-dependency' && dependencyDown) throw new Error('dependency down');
      if (failingTwice.has(event.id) && (failures.get(event.id) ?? 0) < 2) {
        failures.set(event.id, (failures.get(event.id) ?? 0) + 1);
        throw new Error('fails twice');
      }
      if (event.data.fail === 'once' && !failedOnce.has(event.id)) {
        failedOnce.add(event.id);
        throw new Error('flaky dependency');
      }
      await em.query('INSERT INTO thing_effect (event_id, subject, n) VALUES ($1, $2, $3)', [
        event.id,
        event.subject,
        event.data.n,
      ]);
    },
  };

  const startConsumer = async (amqp = AMQP_URL) => {
    consumer = new EventConsumer({
      amqp,
      dataSource: db.dataSource,
      queue: QUEUE,
      prefix,
      topology,
      consumer: 'test',
      handlers,
      validator: testValidator(),
      maxAttempts: 3,
    });
    await consumer.start();
    await eventually(() => expect(consumer?.isConnected()).toBe(true));
  };

  const publish = (channel: ConfirmChannel, event: CloudEvent | Record<string, unknown>, id = String(event.id)) =>
    new Promise<void>((resolve, reject) =>
      channel.publish(
        topology.exchange,
        String(event.type),
        Buffer.from(JSON.stringify(event)),
        { persistent: true, messageId: id, contentType: 'application/cloudevents+json' },
        (err: unknown) => (err ? reject(err) : resolve()),
      ),
    );

  const thing = (subject: string, data: Thing) =>
    buildCloudEvent('registry-intake', { type: THING, subject, data, correlationId: 'corr-7' });
  const effects = async () =>
    (await db.dataSource.query('SELECT subject, n FROM thing_effect ORDER BY applied_seq')) as {
      subject: string;
      n: number;
    }[];
  const dlq = async () => drainQueue(broker.channel, queue.dlq);
  const headers = (m: GetMessage | undefined) => m?.properties.headers ?? {};

  beforeAll(async () => {
    db = await testDb('case-management');
    broker = await rawBroker(topology);
  });

  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
    // Copies a test leaves behind (a redelivery after a cut connection, a retry still waiting) must not reach the next
    // test's consumer after the inbox that would have recognised them is emptied.
    for (const name of [queue.name, ...queue.retryQueues.map((r) => r.name), queue.dlq])
      await broker.channel.purgeQueue(name);
    await db.dataSource.query('DELETE FROM thing_effect; DELETE FROM inbox; DELETE FROM subject_hold');
  });

  afterAll(async () => {
    await broker.close();
    await db.close();
  });

  it('applies each event once in a transaction with its inbox row, even when the same message id arrives twice', async () => {
    await startConsumer();
    const event = thing('dedup', { n: 1 });
    await publish(broker.channel as ConfirmChannel, event);
    await publish(broker.channel as ConfirmChannel, event);
    await eventually(async () => expect(await effects()).toEqual([{ subject: 'dedup', n: 1 }]));
    await sleep(300);
    expect(await effects()).toHaveLength(1);
    expect(await db.dataSource.query('SELECT message_id, consumer FROM inbox')).toEqual([
      { message_id: event.id, consumer: 'test' },
    ]);
    expect(seenCorrelation.at(-1)).toEqual({ correlationId: 'corr-7', causationId: event.id });
  });

  it('refuses handlers for event types without a contract', () => {
    expect(
      () =>
        new EventConsumer({
          amqp: AMQP_URL,
          dataSource: db.dataSource,
          queue: QUEUE,
          prefix,
          topology,
          consumer: 'test',
          handlers: { 'test.unknown.v1': async () => undefined },
          validator: testValidator(),
        }),
    ).toThrow(/no contract for handled event type\(s\) test.unknown.v1/);
  });

  it('keeps order per subject while applying many subjects concurrently', async () => {
    await startConsumer();
    for (let n = 0; n < 50; n += 1)
      for (const s of ['p', 'q', 'r', 's']) await publish(broker.channel as ConfirmChannel, thing(s, { n }));
    await eventually(async () => expect(await effects()).toHaveLength(200), { timeoutMs: 15_000 });
    const applied = await effects();
    for (const s of ['p', 'q', 'r', 's'])
      expect(applied.filter((e) => e.subject === s).map((e) => e.n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('dead-letters an invalid event at once with the reason, and one without handler', async () => {
    await startConsumer();
    const invalid = { ...thing('bad', { n: 1 }), data: { n: -1, on: '21.11.2026' } };
    await publish(broker.channel as ConfirmChannel, invalid);
    await publish(broker.channel as ConfirmChannel, { garbage: true, type: 'test.garbage.v1' }, randomUUID());
    const unhandled = buildCloudEvent('registry-intake', { type: OTHER, subject: 'o', data: {} });
    await publish(broker.channel as ConfirmChannel, unhandled);
    await publish(broker.channel as ConfirmChannel, thing('good', { n: 1 }));
    await eventually(async () => expect(await effects()).toEqual([{ subject: 'good', n: 1 }]));
    const parked: GetMessage[] = [];
    await eventually(async () => {
      parked.push(...(await dlq()));
      expect(parked).toHaveLength(3);
    });
    const byId = new Map(parked.map((m) => [m.properties.messageId as string, m]));
    expect(headers(byId.get(invalid.id))).toMatchObject({
      'x-si-death-reason': 'invalid-event',
      'x-si-error': expect.stringContaining('data/on must match format "date"'),
      'x-si-failed-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      'x-si-queue': queue.name,
      'x-si-consumer': 'test',
    });
    expect(JSON.parse(String(byId.get(invalid.id)?.content))).toEqual(invalid);
    expect(headers(byId.get(unhandled.id))).toMatchObject({ 'x-si-death-reason': 'no-handler' });
    expect(parked.map((m) => headers(m)['x-si-death-reason']).sort()).toEqual([
      'invalid-event',
      'invalid-event',
      'no-handler',
    ]);
  });

  it('retries a failing event with backoff, then parks a poison event after maxAttempts without holding up the others', async () => {
    await startConsumer();
    const poison = thing('poison', { n: 0, fail: 'always' });
    const flaky = thing('flaky', { n: 0, fail: 'once' });
    await publish(broker.channel as ConfirmChannel, poison);
    await publish(broker.channel as ConfirmChannel, flaky);
    for (let n = 0; n < 30; n += 1) await publish(broker.channel as ConfirmChannel, thing(`ok-${n % 3}`, { n }));
    // The 30 others are applied while the poison event waits in the retry queues.
    await eventually(async () => expect((await effects()).filter((e) => e.subject.startsWith('ok'))).toHaveLength(30), {
      timeoutMs: 5_000,
    });
    await eventually(
      async () => expect((await effects()).filter((e) => e.subject === 'flaky')).toEqual([{ subject: 'flaky', n: 0 }]),
      { timeoutMs: 10_000 },
    );
    let parked: GetMessage[] = [];
    await eventually(
      async () => {
        parked = [...parked, ...(await dlq())];
        expect(parked).toHaveLength(1);
      },
      { timeoutMs: 10_000 },
    );
    expect(parked[0]?.properties.messageId).toBe(poison.id);
    expect(headers(parked[0])).toMatchObject({
      'x-si-death-reason': 'max-attempts',
      'x-si-attempts': 3,
      'x-si-error': 'Error: step 0 cannot be applied',
    });
    expect((await effects()).filter((e) => e.subject === 'poison')).toEqual([]);
  });

  it('keeps the order of a subject under delayed retry: a handler fails twice for one subject while later events of it arrive (issue 9 point 3)', async () => {
    await startConsumer();
    const failTwice = thing('held', { n: 1 });
    failingTwice.add(failTwice.id);
    const channel = broker.channel as ConfirmChannel;
    await publish(channel, failTwice);
    for (let n = 2; n <= 6; n += 1) {
      await publish(channel, thing('held', { n }));
      await publish(channel, thing('free', { n }));
      await sleep(40); // the later events arrive while the first waits in the retry queues (100 ms, then 200 ms)
    }
    // The other subject is not held up; the held subject is applied complete and in order once its first succeeds.
    await eventually(
      async () =>
        expect((await effects()).filter((e) => e.subject === 'free').map((e) => e.n)).toEqual([2, 3, 4, 5, 6]),
      { timeoutMs: 5_000 },
    );
    await eventually(
      async () =>
        expect((await effects()).filter((e) => e.subject === 'held').map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6]),
      { timeoutMs: 10_000 },
    );
    expect(failures.get(failTwice.id)).toBe(2);
    // A later event of the subject, after all came back, is applied directly; nothing is left held.
    await publish(channel, thing('held', { n: 7 }));
    await eventually(async () =>
      expect((await effects()).filter((e) => e.subject === 'held').map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6, 7]),
    );
    expect(await db.dataSource.query('SELECT * FROM subject_hold')).toEqual([]);
    expect(await dlq()).toEqual([]);
  });

  it('lets the held events of a subject go on once the event they waited for is dead-lettered', async () => {
    await startConsumer();
    const channel = broker.channel as ConfirmChannel;
    await publish(channel, thing('orphan', { n: 1, fail: 'always' }));
    await sleep(30);
    await publish(channel, thing('orphan', { n: 2 }));
    await publish(channel, thing('orphan', { n: 3 }));
    await eventually(
      async () => expect((await effects()).filter((e) => e.subject === 'orphan').map((e) => e.n)).toEqual([2, 3]),
      { timeoutMs: 10_000 },
    );
    await eventually(async () => expect((await dlq()).map((m) => JSON.parse(String(m.content)).data.n)).toEqual([1]), {
      timeoutMs: 5_000,
    });
    await eventually(async () => expect(await db.dataSource.query('SELECT * FROM subject_hold')).toEqual([]));
  });

  it('resumes after the broker connection drops, without losing or doubling an effect', async () => {
    const proxy = new TcpProxy({ host: '127.0.0.1', port: Number(new URL(AMQP_URL).port || 5672) });
    await proxy.start();
    try {
      await startConsumer(proxy.url(AMQP_URL));
      const publisher = (async () => {
        for (let n = 0; n < 400; n += 1) {
          await publish(broker.channel as ConfirmChannel, thing(`c${n % 8}`, { n }));
          if (n % 50 === 0) await sleep(20);
        }
      })();
      await eventually(async () => expect((await effects()).length).toBeGreaterThan(50), { timeoutMs: 10_000 });
      proxy.cut();
      await eventually(() => expect(consumer?.isConnected()).toBe(false));
      await sleep(500);
      proxy.restore();
      await publisher;
      await eventually(async () => expect(await effects()).toHaveLength(400), { timeoutMs: 20_000 });
      const applied = await effects();
      for (let s = 0; s < 8; s += 1) {
        const order = applied.filter((e) => e.subject === `c${s}`).map((e) => e.n);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
    } finally {
      await proxy.stop();
    }
  });

  it('replays dead-lettered messages into the queue once the cause is fixed', async () => {
    await startConsumer();
    dependencyDown = true;
    const event = thing('needs-dependency', { n: 5 });
    await publish(broker.channel as ConfirmChannel, event);
    // 3 attempts (100 ms, 200 ms backoff), then parked.
    await eventually(
      async () => expect(await broker.channel.checkQueue(queue.dlq)).toMatchObject({ messageCount: 1 }),
      { timeoutMs: 10_000 },
    );
    dependencyDown = false;
    expect(await replayDeadLetters(broker.channel as ConfirmChannel, topology, queue)).toBe(1);
    await eventually(async () => expect(await effects()).toEqual([{ subject: 'needs-dependency', n: 5 }]));
    expect(await broker.channel.checkQueue(queue.dlq)).toMatchObject({ messageCount: 0 });
  });
});
