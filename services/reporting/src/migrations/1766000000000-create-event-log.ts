import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, makeAppendOnly } from '@si/persistence';

/**
 * Reporting's own append-only log of the pseudonymous events it receives (issue 14, point 1). Every figure is
 * a projection of it; the projections can be dropped and rebuilt from it at any time.
 * `seq` is the log position: snapshots name the position they were computed at.
 */
export class CreateEventLog1766000000000 implements MigrationInterface {
  name = 'CreateEventLog1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_log (
        seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id    text NOT NULL UNIQUE,
        type        text NOT NULL,
        source      text NOT NULL,
        subject     text,
        occurred_at timestamptz NOT NULL,
        data        jsonb NOT NULL,
        logged_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `COMMENT ON TABLE event_log IS 'Issue 14: every pseudonymous event reporting received, in arrival order; append-only. Figures are projections of it.'`,
    );
    await q.query('CREATE INDEX event_log_type ON event_log (type, seq)');
    await makeAppendOnly(q, 'event_log');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE event_log');
    await dropAppendOnly(q, 'event_log');
  }
}
