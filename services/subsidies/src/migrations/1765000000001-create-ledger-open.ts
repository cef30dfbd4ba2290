import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The entries no claim has taken yet, kept apart so that a claim run reads the open entries only and not the
 * whole ledger history (a million entries after a few years). Written in the same statement as the entry, removed
 * in the same statement as its claim line; the ledger itself stays append-only.
 */
export class CreateLedgerOpen1765000000001 implements MigrationInterface {
  name = 'CreateLedgerOpen1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_open (
        entry_id      bigint PRIMARY KEY REFERENCES ledger_entry (id),
        municipality  integer NOT NULL,
        service_date  date NOT NULL,
        amount_rappen bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX ledger_open_date ON ledger_open (service_date)`);
    await q.query(`
      INSERT INTO ledger_open (entry_id, municipality, service_date, amount_rappen)
      SELECT e.id, e.municipality, e.service_date, e.amount_rappen FROM ledger_entry e WHERE NOT EXISTS (SELECT 1 FROM claim_line l WHERE l.entry_id = e.id)`);
    await q.query(
      `COMMENT ON TABLE ledger_open IS 'Ledger entries not yet on a claim (the claim run reads these only).'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ledger_open');
  }
}
