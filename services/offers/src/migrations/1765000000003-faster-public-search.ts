import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the public search and the matching need at read time, prepared at write time (benchmark of issue 12):
 * - one GIN index per text language, partial on `lang`, so each arm of the query's "this language's tsquery against this
 *   language's texts" is a bitmap scan of that language's index (the single index over all languages was skipped for a
 *   sequential scan of every text);
 * - the catalogue version, raised in the writing transaction by every statement that changes offers, their texts or
 *   providers: the public answers are cached per version, so a publication or withdrawal is visible at its commit;
 * - the languages a mentor speaks at A2 or better as an indexed array, and an index on live tandems per mentor, so the
 *   suggestions read only the mentors who can talk with the mentee.
 */
export class FasterPublicSearch1765000000003 implements MigrationInterface {
  name = 'FasterPublicSearch1765000000003';

  async up(q: QueryRunner): Promise<void> {
    for (const lang of ['de', 'fr', 'it', 'en'])
      await q.query(`CREATE INDEX offer_text_search_${lang} ON offer_text USING gin (search) WHERE lang = '${lang}'`);
    await q.query('DROP INDEX offer_text_search');

    await q.query(`CREATE TABLE offer_catalogue (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version   bigint NOT NULL)`);
    await q.query('INSERT INTO offer_catalogue (version) VALUES (1)');
    await q.query(`CREATE FUNCTION offer_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE offer_catalogue SET version = version + 1; RETURN NULL; END $$`);
    for (const table of ['offer', 'offer_text', 'provider'])
      await q.query(`CREATE TRIGGER ${table}_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION offer_catalogue_changed()`);
    await q.query(
      `COMMENT ON TABLE offer_catalogue IS 'Version of the public catalogue: raised by every change of offers, texts or providers; keys the cache of public answers.'`,
    );

    await q.query(`CREATE FUNCTION mentor_speaks(jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
      SELECT coalesce(array_agg(l->>'code'), '{}') FROM jsonb_array_elements($1) l WHERE l->>'level' <> 'A1' $$`);
    await q.query('ALTER TABLE mentor ADD COLUMN speaks text[] GENERATED ALWAYS AS (mentor_speaks(languages)) STORED');
    await q.query('CREATE INDEX mentor_speaks ON mentor USING gin (speaks) WHERE active');
    await q.query(`CREATE INDEX tandem_mentor_live ON tandem (mentor_id) WHERE status IN ('proposed', 'active')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX tandem_mentor_live');
    await q.query('ALTER TABLE mentor DROP COLUMN speaks');
    await q.query('DROP FUNCTION mentor_speaks(jsonb)');
    for (const table of ['offer', 'offer_text', 'provider'])
      await q.query(`DROP TRIGGER ${table}_catalogue_changed ON ${table}`);
    await q.query('DROP FUNCTION offer_catalogue_changed()');
    await q.query('DROP TABLE offer_catalogue');
    await q.query('CREATE INDEX offer_text_search ON offer_text USING gin (search)');
    for (const lang of ['de', 'fr', 'it', 'en']) await q.query(`DROP INDEX offer_text_search_${lang}`);
  }
}
