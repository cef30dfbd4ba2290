import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Providers, offers, their texts per language and their history, with the search set-up of wave2-domain.md §5.4:
 * unaccent and pg_trgm (both trusted extensions: the migrator, owner of the database, may create them), an
 * IMMUTABLE unaccent wrapper (unaccent() itself is STABLE), one text search configuration per language with
 * unaccent before the stemmer, and one vector per (offer, language) in that language's configuration.
 */
export class CreateOffers1765000000000 implements MigrationInterface {
  name = 'CreateOffers1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    // Qualifying function and dictionary makes the IMMUTABLE label honest (no search_path dependence).
    await q.query(`CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    for (const [name, base, stem] of [
      ['de_ch', 'german', 'german_stem'],
      ['fr_ch', 'french', 'french_stem'],
      ['it_ch', 'italian', 'italian_stem'],
      ['en_ch', 'english', 'english_stem'],
    ] as const) {
      await q.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${base})`);
      await q.query(
        `ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${stem}`,
      );
    }
    // Config per text language, used in the vector and in the query alike.
    await q.query(`CREATE FUNCTION offer_ts_config(text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
      SELECT CASE $1 WHEN 'de' THEN 'public.de_ch'::regconfig WHEN 'fr' THEN 'public.fr_ch'::regconfig
                     WHEN 'it' THEN 'public.it_ch'::regconfig ELSE 'public.en_ch'::regconfig END $$`);

    await q.query(`
      CREATE TABLE provider (
        id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        name          text NOT NULL,
        kind          text NOT NULL,
        municipality  integer,
        contact       jsonb NOT NULL,
        address       jsonb NOT NULL,
        iban          text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE offer (
        id                   uuid PRIMARY KEY,
        provider_id          text NOT NULL REFERENCES provider(id),
        status               text NOT NULL,
        version              integer NOT NULL,
        content              jsonb NOT NULL,
        translation_status   jsonb NOT NULL,
        original_language    text NOT NULL,
        category             text NOT NULL,
        cefr_from            smallint,
        cefr_to              smallint,
        languages_held       text[] NOT NULL,
        municipalities       integer[] NOT NULL,
        regions              text[] NOT NULL,
        online               boolean NOT NULL,
        lat                  double precision,
        lon                  double precision,
        starts_on            date NOT NULL,
        ends_on              date NOT NULL,
        free_of_charge       boolean NOT NULL,
        childcare            boolean NOT NULL,
        review_comment       text,
        published_at         timestamptz,
        last_confirmed_on    date,
        confirmation_due_on  date,
        confirmation_asked_on date,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX offer_provider ON offer (provider_id, status)');
    await q.query("CREATE INDEX offer_public ON offer (starts_on, id) WHERE status = 'published'");
    await q.query(
      "CREATE INDEX offer_public_municipalities ON offer USING gin (municipalities) WHERE status = 'published'",
    );
    await q.query("CREATE INDEX offer_public_regions ON offer USING gin (regions) WHERE status = 'published'");
    await q.query("CREATE INDEX offer_due ON offer (ends_on, confirmation_due_on) WHERE status = 'published'");
    await q.query(`
      CREATE TABLE offer_text (
        offer_id    uuid NOT NULL REFERENCES offer(id) ON DELETE CASCADE,
        lang        text NOT NULL CHECK (lang IN ('de', 'fr', 'it', 'en')),
        title       text NOT NULL,
        summary     text NOT NULL,
        description text NOT NULL,
        places      text NOT NULL DEFAULT '',
        search      tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector(offer_ts_config(lang), title), 'A') ||
                      setweight(to_tsvector(offer_ts_config(lang), summary), 'B') ||
                      setweight(to_tsvector(offer_ts_config(lang), places), 'B') ||
                      setweight(to_tsvector(offer_ts_config(lang), description), 'C')) STORED,
        title_norm  text GENERATED ALWAYS AS (f_unaccent(lower(title || ' ' || places))) STORED,
        PRIMARY KEY (offer_id, lang)
      )`);
    await q.query('CREATE INDEX offer_text_search ON offer_text USING gin (search)');
    await q.query('CREATE INDEX offer_text_trgm ON offer_text USING gin (title_norm gin_trgm_ops)');
    await q.query(`
      CREATE TABLE offer_history (
        id            bigserial PRIMARY KEY,
        offer_id      uuid NOT NULL,
        version       integer NOT NULL,
        at            timestamptz NOT NULL,
        action        text NOT NULL,
        actor_subject text NOT NULL,
        actor_kind    text NOT NULL,
        status        text NOT NULL,
        comment       text,
        changed       text[] NOT NULL,
        snapshot      jsonb NOT NULL,
        UNIQUE (offer_id, version)
      )`);
    // The runtime role gets DML on every table; a trigger keeps the history append-only all the same.
    await q.query(`CREATE FUNCTION offer_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'offer_history is append-only'; END $$`);
    await q.query(`CREATE TRIGGER offer_history_append_only BEFORE UPDATE OR DELETE ON offer_history
      FOR EACH ROW EXECUTE FUNCTION offer_history_append_only()`);
    await q.query(
      `COMMENT ON TABLE offer_history IS 'Every change of an offer (append-only): who, when, which fields, the content after it.'`,
    );
    await q.query(
      `COMMENT ON COLUMN provider.iban IS 'For later subsidy payments; shown to the provider and AGS only.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE offer_history, offer_text, offer, provider');
    await q.query('DROP FUNCTION offer_history_append_only()');
    await q.query('DROP FUNCTION offer_ts_config(text)');
    for (const name of ['de_ch', 'fr_ch', 'it_ch', 'en_ch']) await q.query(`DROP TEXT SEARCH CONFIGURATION ${name}`);
    await q.query('DROP FUNCTION f_unaccent(text)');
  }
}
