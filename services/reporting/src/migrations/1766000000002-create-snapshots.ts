import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, makeAppendOnly } from '@si/persistence';

/**
 * Frozen reports (point 4): a period's figures with the catalogue version and the log position they were
 * computed at, and their content hash. Append-only: late events make a new version with its difference.
 */
export class CreateSnapshots1766000000002 implements MigrationInterface {
  name = 'CreateSnapshots1766000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_snapshot (
        id                uuid PRIMARY KEY,
        period            text NOT NULL,
        version           integer NOT NULL CHECK (version >= 1),
        catalogue_version text NOT NULL,
        log_position      bigint NOT NULL,
        content           jsonb NOT NULL,
        content_hash      text NOT NULL,
        difference        jsonb,
        created_by        text NOT NULL,
        created_at        timestamptz NOT NULL,
        UNIQUE (period, version)
      )`);
    await q.query(
      `COMMENT ON TABLE report_snapshot IS 'Issue 14 point 4: frozen period reports with content hash; append-only, a change is a new version.'`,
    );
    await makeAppendOnly(q, 'report_snapshot');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE report_snapshot');
    await dropAppendOnly(q, 'report_snapshot');
  }
}
