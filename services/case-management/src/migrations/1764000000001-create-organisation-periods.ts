import type { MigrationInterface, QueryRunner } from 'typeorm';

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
    await q.query(`COMMENT ON TABLE organisation_period IS 'R29: organisation model per municipality over time, recorded by AGS; append-only.'`);
    await q.query(`
      CREATE FUNCTION organisation_period_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'organisation_period is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER organisation_period_no_update_delete BEFORE UPDATE OR DELETE ON organisation_period
      FOR EACH ROW EXECUTE FUNCTION organisation_period_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organisation_period');
    await q.query('DROP FUNCTION organisation_period_append_only');
  }
}
