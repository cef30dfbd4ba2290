import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel the outbox trigger notifies on commit; the relay LISTENs to it as a wake-up. */
export const OUTBOX_CHANNEL = 'si_outbox';

/**
 * The transactional outbox. Rows are written in the transaction of the state change that causes them
 * (so an event exists if and only if the change committed) and are published by the relay in `seq` order.
 * `seq` is insert order, not commit order: the relay never keeps a watermark on it, it always reads
 * `published_at IS NULL` through the partial index. `payload` is `json`, not `jsonb`: it keeps the exact text
 * that was validated and is published as is, and reading it back costs no jsonb-to-text conversion (measured
 * here at about 25 µs per row, a tenth of the whole pipeline's CPU per event). The `->`/`->>` operators work on it.
 */
export class CreateOutbox1763683200000 implements MigrationInterface {
  name = 'CreateOutbox1763683200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL,
        type text NOT NULL,
        subject text NOT NULL,
        payload json NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query('CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL');
    await q.query(
      `COMMENT ON TABLE outbox IS 'Transactional outbox: events written with the state change that caused them, published by the relay in seq order. payload is the whole CloudEvent and may hold personal data; published rows are deleted after the retention period.'`,
    );
    // One notification per statement (not per row), delivered on commit only: a wake-up hint for the relay.
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await q.query(
      'CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox');
    await q.query('DROP FUNCTION outbox_notify()');
  }
}

/**
 * The idempotent-consumer inbox: one row per (message id, consumer), inserted in the transaction of the
 * effect. A redelivered message finds its row and is skipped, so an effect is applied at most once; the
 * broker's redelivery makes it at least once.
 */
export class CreateInbox1763683200001 implements MigrationInterface {
  name = 'CreateInbox1763683200001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbox (
        message_id uuid NOT NULL,
        consumer text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, consumer)
      )`);
    await q.query('CREATE INDEX inbox_received_at ON inbox (received_at)');
    await q.query(
      `COMMENT ON TABLE inbox IS 'Idempotency keys of consumed events (CloudEvent id + consumer), written in the same transaction as the effect. Keep rows longer than any redelivery or dead-letter replay can take.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inbox');
  }
}

/**
 * Subjects whose order a delayed retry holds (subject-holds.ts): the message in retry and the later messages of its
 * subject sent after it. Usually empty; a row lives from a failure until its message is applied or dead-lettered.
 */
export class CreateSubjectHold1767000000000 implements MigrationInterface {
  name = 'CreateSubjectHold1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subject_hold (
        consumer text NOT NULL,
        queue text NOT NULL,
        subject text NOT NULL,
        message_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('blocker', 'held')),
        retry_queue text NOT NULL,
        held_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (consumer, queue, message_id)
      )`);
    await q.query('CREATE INDEX subject_hold_subject ON subject_hold (consumer, queue, subject)');
    await q.query(
      `COMMENT ON TABLE subject_hold IS 'Per-subject order under delayed retry: the message in retry (blocker) and the later messages of its subject sent after it (held). No payloads.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE subject_hold');
  }
}

/** Add these to a service's migration list (they create the outbox, inbox and subject-hold tables). */
export const messagingMigrations: (new () => MigrationInterface)[] = [
  CreateOutbox1763683200000,
  CreateInbox1763683200001,
  CreateSubjectHold1767000000000,
];
