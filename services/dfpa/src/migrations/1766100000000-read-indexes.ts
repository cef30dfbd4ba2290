import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the two work lists (EXPLAIN ANALYZE with 100,000 cases, see BENCHMARKS.md, DFPA):
 * - the case list reads newest first with the id as tie-breaker (`opened_on DESC, dfpa_case_id DESC`). The first
 *   index had the id ascending, so each page sorted its rows again and the keyset condition could not bound the
 *   scan; this one matches the order, so a page is a LIMIT on an index range;
 * - the inbox shows whether a hand-over was reminded. Without an index on reminded deadlines, that check hashed
 *   every deadline of every region on each read; reminded deadlines are few, so a partial index keeps it small.
 */
export class ReadIndexes1766100000000 implements MigrationInterface {
  name = 'ReadIndexes1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX dfpa_case_list ON dfpa_case (sozialregion_id, status, opened_on DESC, dfpa_case_id DESC)',
    );
    await q.query('DROP INDEX dfpa_case_region');
    await q.query('CREATE INDEX deadline_reminded ON deadline (kind, subject_id) WHERE reminded_at IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX deadline_reminded');
    await q.query('CREATE INDEX dfpa_case_region ON dfpa_case (sozialregion_id, status, opened_on DESC, dfpa_case_id)');
    await q.query('DROP INDEX dfpa_case_list');
  }
}
