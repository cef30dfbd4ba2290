import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { messagingMigrations, resolveTopology, type CloudEvent, type ResolvedTopology } from '@si/messaging';
import { runMigrations } from '@si/persistence';
import { createTestDatabase, type TestDatabase } from '@si/testing';
import { repoRoot } from '@si/testing';

/** The fixture event of the backbone fault test and benchmark (test/support/fixtures/events). */
export const STEP = 'test.step-recorded.v1';
export const QUEUE = 'test.steps';
export const CONSUMER = 'backbone-test';
export const schemasRoot = join(repoRoot(), 'test', 'support', 'fixtures', 'events');
export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface StepData {
  n: number;
  poison?: boolean;
  pad?: string;
}

/** A topology of its own (prefixed names) on the shared broker: one queue bound to `test.#`. */
export function backboneTopology(retryDelaysMs: number[]): { topology: ResolvedTopology; prefix: string } {
  const prefix = `bb${randomBytes(3).toString('hex')}.`;
  const topology = resolveTopology(
    {
      exchange: 'si.events',
      deadLetterExchange: 'si.dead-letter',
      retryExchange: 'si.retry',
      defaults: {
        deliveryLimit: 10,
        maxLength: 1_000_000,
        dlqMaxLength: 100_000,
        retryDelaysMs,
        singleActiveConsumer: true,
      },
      queues: [{ name: QUEUE, consumer: CONSUMER, bindings: ['test.#'] }],
    },
    prefix,
  );
  return { topology, prefix };
}

/** The consumer's effect: one row per (subject, n), `applied_seq` records the order in which steps were applied. */
export class CreateStepEffect1763683400000 implements MigrationInterface {
  name = 'CreateStepEffect1763683400000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE step_effect (
      event_id uuid PRIMARY KEY, subject text NOT NULL, n integer NOT NULL, applied_seq bigserial NOT NULL, UNIQUE (subject, n))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE step_effect');
  }
}

/** The handler: a poison step always fails; any other step becomes one effect row (a second one would violate UNIQUE). */
export async function applyStep(event: CloudEvent<StepData>, em: EntityManager): Promise<void> {
  if (event.data.poison) throw new Error(`step ${event.data.n} of this subject is poison`);
  await em.query('INSERT INTO step_effect (event_id, subject, n) VALUES ($1, $2, $3)', [
    event.id,
    event.subject,
    event.data.n,
  ]);
}

/** The same effect for a run of events at once (one multi-row INSERT, in delivery order). */
export async function applySteps(events: CloudEvent<StepData>[], em: EntityManager): Promise<void> {
  const poison = events.find((e) => e.data.poison);
  if (poison) throw new Error(`step ${poison.data.n} of this subject is poison`);
  await em.query(
    `INSERT INTO step_effect (event_id, subject, n)
     SELECT id, subject, n FROM unnest($1::uuid[], $2::text[], $3::int[]) WITH ORDINALITY AS s(id, subject, n, ord) ORDER BY ord`,
    [events.map((e) => e.id), events.map((e) => e.subject), events.map((e) => e.data.n)],
  );
}

export interface BackboneDatabases {
  producer: TestDatabase;
  consumer: TestDatabase;
  drop(): Promise<void>;
}

/** A producer database (outbox) and a consumer database (inbox + effect), as two services have. */
export async function backboneDatabases(): Promise<BackboneDatabases> {
  const producer = await createTestDatabase('registry-intake');
  const consumer = await createTestDatabase('case-management');
  await runMigrations({
    migratorUrl: producer.migratorUrl,
    appRole: producer.appRole,
    migrations: messagingMigrations,
  });
  await runMigrations({
    migratorUrl: consumer.migratorUrl,
    appRole: consumer.appRole,
    migrations: [...messagingMigrations, CreateStepEffect1763683400000],
  });
  return {
    producer,
    consumer,
    async drop() {
      await producer.drop();
      await consumer.drop();
    },
  };
}
