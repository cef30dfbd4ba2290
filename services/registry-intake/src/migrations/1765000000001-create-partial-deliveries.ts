import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partial deliveries (eCH-0058 `partialDelivery`): one register sent as several messages ("packages").
 *
 * - `partial_delivery`: one row per register split into packages, known by its sender and eCH-0058
 *   uniqueIdDelivery. `open` until all packages are in, then `joined` (register.base-delivery-completed.v1 was
 *   written with the last package). A join still open at its deadline is reported in the quarantine (a delivery row
 *   with the refusal `partial-delivery-incomplete`, `report_delivery_id`) and becomes `overdue`; a late package can
 *   still complete it, which resolves that report (superseded).
 * - `partial_delivery_package`: the accepted packages (one per number: a second copy of a package is a duplicate).
 *
 * Pseudonymous: ids, counts and dates only.
 */
export class CreatePartialDeliveries1765000000001 implements MigrationInterface {
  name = 'CreatePartialDeliveries1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partial_delivery (
        id                 uuid PRIMARY KEY,
        sender_id          text NOT NULL,
        unique_id_delivery text NOT NULL,
        municipality       integer NOT NULL,
        total_packages     integer NOT NULL CHECK (total_packages BETWEEN 1 AND 9999),
        status             text NOT NULL CHECK (status IN ('open', 'joined', 'overdue')),
        first_received_at  timestamptz NOT NULL DEFAULT now(),
        deadline_at        timestamptz NOT NULL,
        joined_at          timestamptz,
        report_delivery_id uuid REFERENCES delivery (id) ON DELETE SET NULL,
        UNIQUE (sender_id, unique_id_delivery)
      )`);
    await q.query(
      `CREATE INDEX partial_delivery_open_deadline ON partial_delivery (deadline_at) WHERE status = 'open'`,
    );
    await q.query(`
      CREATE TABLE partial_delivery_package (
        partial_delivery_id uuid NOT NULL REFERENCES partial_delivery (id) ON DELETE CASCADE,
        number              integer NOT NULL CHECK (number >= 1),
        delivery_id         uuid NOT NULL REFERENCES delivery (id),
        message_id          text NOT NULL,
        event_date          date,
        persons             integer NOT NULL,
        registered          integer NOT NULL,
        received_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (partial_delivery_id, number)
      )`);
    await q.query(
      `COMMENT ON TABLE partial_delivery IS 'Registers delivered in packages (eCH-0058 partialDelivery): open until every package is in, then joined into one base delivery; reported in the quarantine when a package is missing past the deadline. Pseudonymous.'`,
    );
    await q.query(
      `COMMENT ON TABLE partial_delivery_package IS 'The accepted packages of a partial delivery, one per package number, with the delivery that carried it. Pseudonymous.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE partial_delivery_package, partial_delivery');
  }
}
