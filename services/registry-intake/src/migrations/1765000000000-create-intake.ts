import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, makeAppendOnly } from '@si/persistence';

/**
 * The delivery log and what registry-intake keeps to process deliveries again.
 *
 * - `delivery`: one row per received delivery (HTTP or sedex), accepted or refused. A delivery's eCH-0058 messageId
 *   is unique among the deliveries being processed or accepted (partial index): a second one is a duplicate,
 *   while a refused (quarantined) delivery does not block a corrected resend of the same message.
 * - `delivery_outcome`: per eCH event (or base-delivery person) what was emitted or skipped, and why.
 * - `delivery_raw`: the raw bytes of HTTP deliveries (needed to reprocess after a rule or master-data fix); sedex
 *   deliveries keep their file in the inbox's processed/ or failed/ folder instead.
 * - `person_permit`: the last residence permit known per person reference, for person.residence-permit-changed.v1.
 * - `target_group_rule_version`: the versioned target-group rule with its history.
 *
 * Personal data: delivery_raw holds names, addresses and AHV numbers. Retention: raw bytes of accepted deliveries
 * are deleted after INTAKE_RAW_RETENTION_DAYS (default 90), those of superseded ones the same time after they were
 * resolved; quarantined ones are kept until they are resolved.
 */
export class CreateIntake1765000000000 implements MigrationInterface {
  name = 'CreateIntake1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delivery (
        id                uuid PRIMARY KEY,
        message_id        text,
        source            text NOT NULL CHECK (source IN ('http', 'sedex')),
        source_ref        text,
        submitted_by      text NOT NULL,
        submitted_by_subject text NOT NULL,
        status            text NOT NULL CHECK (status IN ('processing', 'accepted', 'quarantined', 'superseded')),
        municipality      integer,
        municipality_hint integer,
        scope             integer[],
        sender_id         text,
        event_element     text,
        test_delivery     boolean,
        refusal           jsonb,
        notes             jsonb NOT NULL DEFAULT '[]',
        records           integer NOT NULL DEFAULT 0,
        emitted           integer NOT NULL DEFAULT 0,
        skipped           integer NOT NULL DEFAULT 0,
        summary           jsonb NOT NULL DEFAULT '{}',
        rule_version      text,
        bytes             bigint NOT NULL DEFAULT 0,
        sha256            text,
        raw_store         text NOT NULL CHECK (raw_store IN ('db', 'sedex-file', 'none')),
        raw_complete      boolean NOT NULL DEFAULT false,
        raw_purged_at     timestamptz,
        received_at       timestamptz NOT NULL DEFAULT now(),
        completed_at      timestamptz,
        lease_until       timestamptz,
        attempts          integer NOT NULL DEFAULT 1,
        duplicates        integer NOT NULL DEFAULT 0,
        last_duplicate_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX delivery_live_message_id ON delivery (message_id) WHERE status IN ('processing', 'accepted')`,
    );
    await q.query(`CREATE UNIQUE INDEX delivery_sedex_envelope ON delivery (source_ref) WHERE source = 'sedex'`);
    await q.query('CREATE INDEX delivery_received ON delivery (received_at DESC, id DESC)');
    await q.query(
      `CREATE INDEX delivery_quarantine ON delivery (received_at DESC, id DESC) WHERE status = 'quarantined'`,
    );
    await q.query(`CREATE INDEX delivery_processing_lease ON delivery (lease_until) WHERE status = 'processing'`);
    await q.query(
      `COMMENT ON TABLE delivery IS 'Delivery log of registry-intake: one row per eCH-0020 delivery received (HTTP or sedex), with status, counts and the refusal reason of quarantined ones. Pseudonymous (no names).'`,
    );

    await q.query(`
      CREATE TABLE delivery_outcome (
        delivery_id  uuid NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
        seq          integer NOT NULL,
        ech_event    text NOT NULL,
        line         integer NOT NULL,
        action       text NOT NULL CHECK (action IN ('emit', 'skip')),
        event_type   text,
        event_id     uuid,
        person_ref   text,
        reason       text,
        detail       text,
        notes        jsonb,
        target_group jsonb,
        PRIMARY KEY (delivery_id, seq)
      )`);
    await q.query(
      `COMMENT ON TABLE delivery_outcome IS 'Per eCH event of a delivery: the person event emitted (type, id) or the reason it was skipped; arrivals record the target-group rule version and decision. Pseudonymous (personRef only).'`,
    );

    // lz4: raw XML compresses about tenfold at a fraction of pglz's cost.
    await q.query(`
      CREATE TABLE delivery_raw (
        delivery_id uuid NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
        seq         integer NOT NULL,
        chunk       bytea COMPRESSION lz4 NOT NULL,
        PRIMARY KEY (delivery_id, seq)
      )`);
    await q.query(
      `COMMENT ON TABLE delivery_raw IS 'Raw bytes of deliveries received over HTTP, in order (PERSONAL DATA: names, addresses, AHV numbers). Kept to reprocess a delivery; deleted after the retention period (INTAKE_RAW_RETENTION_DAYS).'`,
    );

    await q.query(`
      CREATE TABLE person_permit (
        person_ref  text PRIMARY KEY,
        permit      jsonb NOT NULL,
        delivery_id uuid NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `COMMENT ON TABLE person_permit IS 'Last residence permit (eCH-0006 code, category) known per pseudonymous person reference, so that a permit change can name the previous category.'`,
    );

    await q.query(`
      CREATE TABLE target_group_rule_version (
        version         text PRIMARY KEY,
        valid_from      date NOT NULL,
        rule            jsonb NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        created_by      text NOT NULL,
        created_by_subject text NOT NULL,
        seq             bigserial NOT NULL
      )`);
    // The runtime role is granted UPDATE/DELETE on every table at each start; a trigger keeps the history append-only.
    await makeAppendOnly(q, 'target_group_rule_version');
    await q.query(
      `COMMENT ON TABLE target_group_rule_version IS 'Versions of the rule deciding which residence permits open a start.integration case; the version in force is the latest whose valid_from has come. Never updated or deleted: the history explains past decisions.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE target_group_rule_version, person_permit, delivery_raw, delivery_outcome, delivery');
    await dropAppendOnly(q, 'target_group_rule_version');
  }
}
