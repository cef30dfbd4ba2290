import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register check: which cases' persons a municipality's latest base delivery no longer lists. A base delivery
 * is known by its messageId; its person.registered.v1 events are recorded as lines and, for persons with a live
 * case, as members; register.base-delivery-completed.v1 brings the totals. Pseudonymous (references only).
 */
export class CreateRegisterChecks1764000000002 implements MigrationInterface {
  name = 'CreateRegisterChecks1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE base_delivery (
        message_id       text PRIMARY KEY,
        municipality     integer NOT NULL,
        event_date       date,
        persons          integer NOT NULL,
        registered       integer NOT NULL,
        partial_delivery jsonb,
        completed_at     timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX base_delivery_latest ON base_delivery (municipality, completed_at DESC)');
    // One row per applied line rather than a counter: the lines of a delivery are applied by concurrent
    // transactions, which would all wait for the one counter row.
    await q.query(`
      CREATE TABLE base_delivery_line (
        message_id text NOT NULL,
        position   integer NOT NULL,
        PRIMARY KEY (message_id, position)
      )`);
    await q.query(`
      CREATE TABLE base_delivery_member (
        message_id text NOT NULL,
        person_ref text NOT NULL,
        PRIMARY KEY (message_id, person_ref)
      )`);
    await q.query(
      `COMMENT ON TABLE base_delivery IS 'Complete base deliveries of the registers (register.base-delivery-completed.v1).'`,
    );
    await q.query(
      `COMMENT ON TABLE base_delivery_line IS 'person.registered.v1 applied, by base delivery and position; lines and members of older deliveries of a municipality are removed when a newer one completes.'`,
    );
    await q.query(
      `COMMENT ON TABLE base_delivery_member IS 'Persons with a live case listed by a base delivery (every reference of theirs).'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE base_delivery_member');
    await q.query('DROP TABLE base_delivery_line');
    await q.query('DROP TABLE base_delivery');
  }
}
