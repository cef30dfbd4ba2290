import { join } from 'node:path';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { readCsv, referenceDir } from '@si/contracts';
import { nationalityGroupOf } from '../shared/nationality-group.js';

/**
 * The projections of the event log: one fact per counted thing (`figure_fact`, what the trace and the
 * percentiles read) and monthly cells per municipality and breakdown (`figure_cell`, what dashboards read).
 * Both are rebuilt from event_log by the projector; nothing else writes them.
 */
export class CreateFigureProjections1766000000001 implements MigrationInterface {
  name = 'CreateFigureProjections1766000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE country_group (
        bfs_code integer PRIMARY KEY,
        nationality_group text NOT NULL
      )`);
    await q.query(
      `COMMENT ON TABLE country_group IS 'Nationality group per BFS country code (contracts/reference/countries.csv: EU/EFTA, else continent); reference data.'`,
    );
    const countries = readCsv(join(referenceDir, 'countries.csv'));
    const rows = countries
      .filter((c) => /^\d{4}$/.test(c['bfs_code'] ?? ''))
      .map(
        (c) => [Number(c['bfs_code']), nationalityGroupOf(c['eu_efta'] === 'true', c['continent_code'] ?? '')] as const,
      );
    await q.query(`INSERT INTO country_group SELECT * FROM unnest($1::int[], $2::text[])`, [
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
    ]);

    await q.query(`
      CREATE TABLE figure_fact (
        figure       text NOT NULL,
        fact_key     text NOT NULL,
        seq          bigint NOT NULL,
        event_id     text NOT NULL,
        event_type   text NOT NULL,
        variant      text NOT NULL,
        on_date      date NOT NULL,
        municipality integer NOT NULL,
        case_id      text,
        eu_efta      text NOT NULL,
        permit       text NOT NULL,
        nat_group    text NOT NULL,
        age_group    text NOT NULL,
        sex          text NOT NULL,
        amount       bigint,
        PRIMARY KEY (figure, fact_key)
      )`);
    await q.query(
      `COMMENT ON TABLE figure_fact IS 'Projection of event_log: one row per counted person or event of a catalogue figure (fact_key makes a household talk count once).'`,
    );
    await q.query('CREATE INDEX figure_fact_period ON figure_fact (figure, on_date, municipality)');
    await q.query('CREATE INDEX figure_fact_seq ON figure_fact (seq)');
    await q.query('CREATE INDEX figure_fact_case ON figure_fact (case_id, figure)');

    await q.query(`
      CREATE TABLE figure_cell (
        figure       text NOT NULL,
        variant      text NOT NULL,
        month        date NOT NULL,
        municipality integer NOT NULL,
        dim          text NOT NULL,
        dim_value    text NOT NULL,
        n            bigint NOT NULL,
        amount       bigint NOT NULL,
        PRIMARY KEY (figure, dim, month, municipality, variant, dim_value)
      )`);
    // The runtime role may not TRUNCATE; a rebuild empties exactly these two projections through this function.
    await q.query(`
      CREATE FUNCTION reset_figure_projections() RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public
      AS 'TRUNCATE figure_fact, figure_cell'`);
    await q.query(
      `COMMENT ON TABLE figure_cell IS 'Projection of figure_fact: counts and sums per figure, month, municipality, variant and one breakdown (dim '''' = no breakdown).'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION reset_figure_projections()');
    await q.query('DROP TABLE figure_cell');
    await q.query('DROP TABLE figure_fact');
    await q.query('DROP TABLE country_group');
  }
}
