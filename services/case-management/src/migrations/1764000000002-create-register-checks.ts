import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register check: which cases' persons a municipality's latest base delivery no longer lists. A base delivery
 * is known by its messageId; its person.registered.v1 events are counted (`seen`) and, for persons with a live
 * case, remembered as members; register.base-delivery-completed.v1 brings the totals. Pseudonymous (references only).
 */
export class CreateRegisterChecks1764000000002 implements MigrationInterface {
  name = 'CreateRegisterChecks1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE base_delivery (
        message_id       text PRIMARY KEY,
        municipality     integer NOT NULL,
        seen             integer NOT NULL DEFAULT 0,
        event_date       date,
        persons          integer,
        registered       integer,
        partial_delivery jsonb,
        completed_at     timestamptz
      )`);
    await q.query('CREATE INDEX base_delivery_latest ON base_delivery (municipality, completed_at DESC) WHERE completed_at IS NOT NULL');
    await q.query(`
      CREATE TABLE base_delivery_member (
        message_id text NOT NULL REFERENCES base_delivery (message_id) ON DELETE CASCADE,
        person_ref text NOT NULL,
        PRIMARY KEY (message_id, person_ref)
      )`);
    await q.query(`COMMENT ON TABLE base_delivery IS 'Base deliveries of the registers as far as applied: seen counts person.registered.v1, the rest comes with register.base-delivery-completed.v1.'`);
    await q.query(`COMMENT ON TABLE base_delivery_member IS 'Persons with a live case listed by a base delivery (every reference of theirs).'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE base_delivery_member');
    await q.query('DROP TABLE base_delivery');
  }
}
