import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A register delivered in packages (eCH-0058 partialDelivery) is completed by one register.base-delivery-completed.v1
 * that lists its packages: each package's person.registered.v1 events carry their own package's messageId, so the
 * register check counts and compares the lines and members of all of them.
 */
export class RegisterCheckPackages1765200000000 implements MigrationInterface {
  name = 'RegisterCheckPackages1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE base_delivery ADD COLUMN package_message_ids text[]');
    await q.query(
      `COMMENT ON COLUMN base_delivery.package_message_ids IS 'The messageIds of the packages of a joined partial delivery (null: a register sent as one message, whose lines carry message_id).'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE base_delivery DROP COLUMN package_message_ids');
  }
}
