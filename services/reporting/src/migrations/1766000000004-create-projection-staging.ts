import type { MigrationInterface, QueryRunner } from 'typeorm';

const FACT_INDEXES: Record<string, string> = {
  figure_fact_period: '(figure, on_date, municipality)',
  figure_fact_seq: '(seq)',
  figure_fact_case: '(case_id, figure)',
};

/**
 * A full rebuild (issue 14 point 10) builds the projections set-based into staging tables, several connections at
 * once, and swaps them in at the end; the live tables serve dashboards until then. The runtime role owns no table, so
 * the three steps that need the owner (create the staging tables, index them, swap them in) are functions of the
 * owner that do exactly that and nothing else. Cells are updated in place by the live consumer: room on each page
 * (fillfactor) keeps those updates HOT (n and amount are in no index).
 */
export class CreateProjectionStaging1766000000004 implements MigrationInterface {
  name = 'CreateProjectionStaging1766000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE figure_cell SET (fillfactor = 80)');
    await q.query(`
      CREATE FUNCTION figure_staging_begin() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        DROP TABLE IF EXISTS figure_fact_next, figure_cell_next;
        -- Without indexes: they are built once, sorted, after the rows are in.
        CREATE TABLE figure_fact_next (LIKE figure_fact INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
        CREATE TABLE figure_cell_next (LIKE figure_cell INCLUDING DEFAULTS INCLUDING CONSTRAINTS) WITH (fillfactor = 80);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON figure_fact_next, figure_cell_next TO %I', session_user);
      END $$`);
    const indexes = Object.entries(FACT_INDEXES)
      .map(([name, columns]) => `WHEN '${name}' THEN CREATE INDEX ${name}_next ON figure_fact_next ${columns};`)
      .join('\n          ');
    // Unique indexes, not yet primary keys: ADD PRIMARY KEY would lock the table against the other index builds.
    await q.query(`
      CREATE FUNCTION figure_staging_index(which text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        CASE which
          WHEN 'figure_fact_pkey' THEN CREATE UNIQUE INDEX figure_fact_pkey_next ON figure_fact_next (figure, fact_key);
          WHEN 'figure_cell_pkey' THEN CREATE UNIQUE INDEX figure_cell_pkey_next ON figure_cell_next (figure, dim, month, municipality, variant, dim_value);
          ${indexes}
          -- The planner's statistics, before the tables go live (fresh tables have none).
          WHEN 'analyze' THEN ANALYZE figure_fact_next; ANALYZE figure_cell_next;
        END CASE;
      END $$`);
    const renames = Object.keys(FACT_INDEXES)
      .map((name) => `ALTER INDEX ${name}_next RENAME TO ${name};`)
      .join('\n        ');
    await q.query(`
      CREATE FUNCTION figure_staging_swap() RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        DROP TABLE figure_fact, figure_cell;
        ALTER TABLE figure_fact_next RENAME TO figure_fact;
        ALTER TABLE figure_cell_next RENAME TO figure_cell;
        ALTER TABLE figure_fact ADD CONSTRAINT figure_fact_pkey PRIMARY KEY USING INDEX figure_fact_pkey_next;
        ALTER TABLE figure_cell ADD CONSTRAINT figure_cell_pkey PRIMARY KEY USING INDEX figure_cell_pkey_next;
        ${renames}
        COMMENT ON TABLE figure_fact IS 'Projection of event_log: one row per counted person or event of a catalogue figure (fact_key makes a household talk count once).';
        COMMENT ON TABLE figure_cell IS 'Projection of figure_fact: counts and sums per figure, month, municipality, variant and one breakdown (dim '''' = no breakdown).';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION figure_staging_swap()');
    await q.query('DROP FUNCTION figure_staging_index(text)');
    await q.query('DROP FUNCTION figure_staging_begin()');
    await q.query('DROP TABLE IF EXISTS figure_fact_next, figure_cell_next');
    await q.query('ALTER TABLE figure_cell RESET (fillfactor)');
  }
}
