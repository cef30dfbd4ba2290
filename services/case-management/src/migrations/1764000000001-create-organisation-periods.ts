import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, makeAppendOnly } from '@si/persistence';

/**
 * The organisation model per municipality (R29) as periods: in-house or Leitgemeinde X from a date.
 * Append-only: a change is a new period, corrections too, so the history of who worked whose cases stays.
 */
export class CreateOrganisationPeriods1764000000001 implements MigrationInterface {
  name = 'CreateOrganisationPeriods1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation_period (
        municipality integer NOT NULL,
        valid_from   date NOT NULL,
        model_kind   text NOT NULL CHECK (model_kind IN ('in-house', 'leitgemeinde')),
        leitgemeinde integer,
        recorded_by  text NOT NULL,
        recorded_at  timestamptz NOT NULL,
        reason       text NOT NULL,
        PRIMARY KEY (municipality, valid_from),
        CHECK ((model_kind = 'leitgemeinde') = (leitgemeinde IS NOT NULL))
      )`);
    await q.query(
      `COMMENT ON TABLE organisation_period IS 'R29: organisation model per municipality over time, recorded by AGS; append-only.'`,
    );
    await makeAppendOnly(q, 'organisation_period');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organisation_period');
    await dropAppendOnly(q, 'organisation_period');
  }
}
