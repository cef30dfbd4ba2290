import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { connect, type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createDataSource, runMigrations } from '@si/persistence';
import { createTestDatabase, type TestDatabase } from '@si/testing';
import { EventValidator } from '../../src/events/event-validator.js';
import { messagingMigrations } from '../../src/messaging.migration.js';
import {
  declareTopology,
  deleteTopology,
  resolveTopology,
  type ResolvedTopology,
  type Topology,
} from '../../src/topology/topology.js';

export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const fixtureSchemas = fileURLToPath(new URL('../fixtures/events', import.meta.url));
export const THING = 'test.thing-happened.v1';
export const OTHER = 'test.other-happened.v1';
export const QUEUE = 'test.things';

export function testValidator(): EventValidator {
  return new EventValidator({ schemasRoot: fixtureSchemas });
}

/** A topology of its own per test file: prefixed exchanges, one queue bound to `test.#`, short retry delays. */
export function testTopology(retryDelaysMs = [100, 200]): { topology: ResolvedTopology; prefix: string } {
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const raw: Topology = {
    exchange: 'si.events',
    deadLetterExchange: 'si.dead-letter',
    retryExchange: 'si.retry',
    defaults: {
      deliveryLimit: 10,
      maxLength: 100_000,
      dlqMaxLength: 100_000,
      retryDelaysMs,
      singleActiveConsumer: true,
    },
    queues: [{ name: QUEUE, consumer: 'test', bindings: ['test.#'] }],
  };
  return { topology: resolveTopology(raw, prefix), prefix };
}

/** The effect the test handler applies: one row per event, `applied_seq` records the order of application. */
export class CreateThingEffect1763683300000 implements MigrationInterface {
  name = 'CreateThingEffect1763683300000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE thing_effect (
      event_id uuid PRIMARY KEY, subject text NOT NULL, n integer NOT NULL, applied_seq bigserial NOT NULL, UNIQUE (subject, n))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE thing_effect');
  }
}

export interface TestDb {
  db: TestDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A fresh database with the outbox, the inbox and the effect table, opened as the runtime role. */
export async function testDb(service: 'case-management' | 'registry-intake' = 'case-management'): Promise<TestDb> {
  const db = await createTestDatabase(service);
  await runMigrations({
    migratorUrl: db.migratorUrl,
    appRole: db.appRole,
    migrations: [...messagingMigrations, CreateThingEffect1763683300000],
  });
  const dataSource = createDataSource({ url: db.appUrl, poolSize: 8 });
  await dataSource.initialize();
  return {
    db,
    dataSource,
    async close() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/** A plain amqplib connection for the test itself (declaring, peeking into queues, publishing raw). */
export async function rawBroker(
  topology: ResolvedTopology,
): Promise<{ model: ChannelModel; channel: Channel; close(): Promise<void> }> {
  const model = await connect(AMQP_URL);
  const channel = await model.createConfirmChannel();
  await declareTopology(channel, topology);
  return {
    model,
    channel,
    async close() {
      await deleteTopology(channel, topology).catch(() => undefined);
      await model.close().catch(() => undefined);
    },
  };
}

/** Takes every message currently in `queue` (acked). */
export async function drainQueue(channel: Channel, queue: string): Promise<GetMessage[]> {
  const out: GetMessage[] = [];
  for (;;) {
    const msg = await channel.get(queue, { noAck: false });
    if (!msg) return out;
    channel.ack(msg);
    out.push(msg);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
