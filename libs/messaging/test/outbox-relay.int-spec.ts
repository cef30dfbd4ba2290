import type { ConsumeMessage } from 'amqplib';
import { eventually } from '@si/testing';
import type { CloudEvent } from '../src/events/cloud-event.js';
import { EventValidationError } from '../src/events/event-validator.js';
import { OutboxRelay } from '../src/outbox/outbox-relay.js';
import { Outbox } from '../src/outbox/outbox.js';
import { findQueue } from '../src/topology/topology.js';
import {
  AMQP_URL,
  OTHER,
  QUEUE,
  THING,
  rawBroker,
  sleep,
  testDb,
  testTopology,
  testValidator,
  type TestDb,
} from './support/messaging-fixture.js';
import { TcpProxy } from './support/tcp-proxy.js';

const validator = testValidator();
const outbox = new Outbox({ source: 'registry-intake', validator });

describe('Outbox and OutboxRelay (real PostgreSQL and RabbitMQ)', () => {
  let db: TestDb;
  const { topology, prefix } = testTopology();
  const queue = findQueue(topology, prefix + QUEUE);
  let broker: Awaited<ReturnType<typeof rawBroker>>;
  const received: CloudEvent[] = [];
  const badProperties: string[] = [];
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    db = await testDb('registry-intake');
    broker = await rawBroker(topology);
    const consumer = await broker.model.createChannel();
    await consumer.consume(queue.name, (msg: ConsumeMessage | null) => {
      if (!msg) return;
      const event = JSON.parse(msg.content.toString()) as CloudEvent;
      received.push(event);
      if (
        msg.properties.contentType !== 'application/cloudevents+json' ||
        msg.properties.deliveryMode !== 2 ||
        msg.properties.messageId !== event.id ||
        msg.fields.routingKey !== event.type
      ) {
        badProperties.push(JSON.stringify({ properties: msg.properties, routingKey: msg.fields.routingKey }));
      }
      consumer.ack(msg);
    });
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    expect(badProperties).toEqual([]);
    await broker.close();
    await db.close();
  });

  const relay = (amqp = AMQP_URL) => {
    const r = new OutboxRelay({
      dataSource: db.dataSource,
      amqp,
      service: 'registry-intake',
      topology,
      pollIntervalMs: 200,
      window: 64,
      batchSize: 100,
      brokerGraceMs: 500,
    });
    relays.push(r);
    return r;
  };

  const unpublished = async () =>
    Number((await db.dataSource.query('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL'))[0].n);

  it('writes nothing when the transaction rolls back, and refuses invalid events', async () => {
    await expect(
      db.dataSource.transaction(async (em) => {
        await outbox.add(em, { type: THING, subject: 'rolled-back', data: { n: 0 } });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    await expect(
      db.dataSource.transaction((em) => outbox.add(em, { type: THING, subject: 'invalid', data: { n: -1 } })),
    ).rejects.toThrow(EventValidationError);
    await expect(
      db.dataSource.transaction((em) => outbox.add(em, { type: 'test.unknown.v1', subject: 'x', data: {} })),
    ).rejects.toThrow(/no schema/);
    await expect(
      outbox.add(db.dataSource.manager, { type: THING, subject: 'no-transaction', data: { n: 0 } }),
    ).rejects.toThrow(/running transaction/);
    expect((await db.dataSource.query('SELECT count(*)::int AS n FROM outbox'))[0].n).toBe(0);

    await relay().start();
    await db.dataSource.transaction((em) => outbox.add(em, { type: OTHER, subject: 'committed', data: {} }));
    await eventually(() => expect(received.map((e) => e.subject)).toEqual(['committed']), { timeoutMs: 10_000 });
    await sleep(300);
    expect(received.map((e) => e.subject)).toEqual(['committed']);
    received.length = 0;
  });

  it('publishes committed events in outbox order with their envelope and marks them published', async () => {
    const r = relay();
    await r.start();
    // 10 transactions × 3 subjects × 10 steps, committed while the relay runs.
    for (let t = 0; t < 10; t += 1) {
      await db.dataSource.transaction((em) =>
        outbox.add(
          em,
          ...['a', 'b', 'c'].flatMap((s) =>
            Array.from({ length: 10 }, (_, i) => ({
              type: THING,
              subject: s,
              data: { n: t * 10 + i },
              correlationId: 'corr-1',
            })),
          ),
        ),
      );
    }
    await eventually(() => expect(received).toHaveLength(300), { timeoutMs: 15_000 });
    for (const s of ['a', 'b', 'c']) {
      expect(received.filter((e) => e.subject === s).map((e) => (e.data as { n: number }).n)).toEqual(
        Array.from({ length: 100 }, (_, i) => i),
      );
    }
    expect(received[0]).toMatchObject({
      specversion: '1.0',
      source: '/si/registry-intake',
      type: THING,
      correlationid: 'corr-1',
    });
    expect(() => validator.validate(received[0])).not.toThrow();
    await eventually(async () => expect(await unpublished()).toBe(0));
    expect(r.isActive()).toBe(true);
    expect(r.isConnected()).toBe(true);
    received.length = 0;
  });

  it('loses nothing when the broker connection drops mid-stream (in-flight publishes are republished)', async () => {
    const proxy = new TcpProxy({ host: '127.0.0.1', port: Number(new URL(AMQP_URL).port || 5672) });
    await proxy.start();
    try {
      const r = relay(proxy.url(AMQP_URL));
      await r.start();
      const writer = (async () => {
        for (let t = 0; t < 40; t += 1) {
          await db.dataSource.transaction((em) =>
            outbox.add(
              em,
              ...Array.from({ length: 50 }, (_, i) => ({
                type: THING,
                subject: `s${i % 5}`,
                data: { n: t * 10 + Math.floor(i / 5) },
              })),
            ),
          );
          await sleep(10);
        }
      })();
      await eventually(() => expect(received.length).toBeGreaterThan(200), { timeoutMs: 10_000 });
      proxy.cut();
      await eventually(() => expect(r.isConnected()).toBe(false), { timeoutMs: 5_000 });
      await sleep(1_000);
      proxy.restore();
      await writer;
      await eventually(async () => expect(await unpublished()).toBe(0), { timeoutMs: 20_000 });
      await eventually(() => expect(new Set(received.map((e) => e.id)).size).toBe(2000), { timeoutMs: 10_000 });
      // Duplicates are allowed (consumers deduplicate); the first arrival of each event keeps the outbox order per subject.
      const firstSeen = new Map<string, CloudEvent>();
      for (const e of received) if (!firstSeen.has(e.id)) firstSeen.set(e.id, e);
      for (let s = 0; s < 5; s += 1) {
        const order = [...firstSeen.values()]
          .filter((e) => e.subject === `s${s}`)
          .map((e) => (e.data as { n: number }).n);
        expect(order).toEqual([...order].sort((x, y) => x - y));
        expect(order).toHaveLength(400);
      }
    } finally {
      received.length = 0;
      await proxy.stop();
    }
  });

  it('lets one relay instance publish while others stand by, and hands over when it stops', async () => {
    const first = relay();
    const second = relay();
    await first.start();
    await eventually(() => expect(first.isActive()).toBe(true));
    await second.start();
    await sleep(500);
    expect(second.isActive()).toBe(false);
    expect(second.isConnected()).toBe(true);
    await first.stop();
    await eventually(() => expect(second.isActive()).toBe(true), { timeoutMs: 5_000 });
    await db.dataSource.transaction((em) => outbox.add(em, { type: THING, subject: 'handover', data: { n: 1 } }));
    await eventually(() => expect(received.map((e) => e.subject)).toEqual(['handover']), { timeoutMs: 5_000 });
    received.length = 0;
  });

  it('hands the lock over when the active relay loses the broker but keeps its database session', async () => {
    const proxy = new TcpProxy({ host: '127.0.0.1', port: Number(new URL(AMQP_URL).port || 5672) });
    await proxy.start();
    try {
      const cutOff = relay(proxy.url(AMQP_URL));
      await cutOff.start();
      await eventually(() => expect(cutOff.isActive()).toBe(true));
      const healthy = relay();
      await healthy.start();
      await sleep(400);
      expect(healthy.isActive()).toBe(false);
      proxy.cut();
      await db.dataSource.transaction((em) => outbox.add(em, { type: THING, subject: 'after-cut', data: { n: 1 } }));
      await eventually(() => expect(healthy.isActive()).toBe(true), { timeoutMs: 5_000 });
      expect(cutOff.isActive()).toBe(false);
      await eventually(() => expect(received.map((e) => e.subject)).toEqual(['after-cut']), { timeoutMs: 5_000 });
    } finally {
      received.length = 0;
      await proxy.stop();
    }
  });
});
