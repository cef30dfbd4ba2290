import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, makeAppendOnly } from '@si/persistence';

/**
 * The yearly Selbstdeklaration (point 7): versioned questionnaires, one round per year with a deadline, one response
 * per municipality with its history (append-only), and the reminders sent.
 */
export class CreateSelfDeclarations1766000000003 implements MigrationInterface {
  name = 'CreateSelfDeclarations1766000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sd_questionnaire (
        id           uuid PRIMARY KEY,
        year         integer NOT NULL,
        version      integer NOT NULL,
        status       text NOT NULL CHECK (status IN ('draft', 'published')),
        definition   jsonb NOT NULL,
        created_by   text NOT NULL,
        created_at   timestamptz NOT NULL,
        published_at timestamptz,
        UNIQUE (year, version)
      )`);
    await q.query(
      `COMMENT ON TABLE sd_questionnaire IS 'SD1: questionnaire versions per year; a published one is never changed (trigger).'`,
    );
    await q.query(`
      CREATE FUNCTION sd_questionnaire_published_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN RAISE EXCEPTION 'SD1: published questionnaire % is frozen', OLD.id USING ERRCODE = 'insufficient_privilege'; END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER sd_questionnaire_frozen BEFORE UPDATE OR DELETE ON sd_questionnaire FOR EACH ROW EXECUTE FUNCTION sd_questionnaire_published_frozen()`,
    );
    await q.query(`
      CREATE TABLE sd_round (
        id               uuid PRIMARY KEY,
        year             integer NOT NULL UNIQUE,
        questionnaire_id uuid NOT NULL REFERENCES sd_questionnaire (id),
        deadline         date NOT NULL,
        opened_by        text NOT NULL,
        opened_at        timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE sd_response (
        round_id     uuid NOT NULL REFERENCES sd_round (id),
        municipality integer NOT NULL,
        state        text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')),
        answers      jsonb NOT NULL,
        comment      text,
        updated_by   text NOT NULL,
        updated_at   timestamptz NOT NULL,
        submitted_at timestamptz,
        PRIMARY KEY (round_id, municipality)
      )`);
    await q.query(`
      CREATE TABLE sd_response_event (
        round_id     uuid NOT NULL,
        municipality integer NOT NULL,
        at           timestamptz NOT NULL,
        actor        text NOT NULL,
        action       text NOT NULL,
        state        text NOT NULL,
        comment      text
      )`);
    await q.query('CREATE INDEX sd_response_event_response ON sd_response_event (round_id, municipality, at)');
    await makeAppendOnly(q, 'sd_response_event');
    await q.query(`
      CREATE TABLE sd_reminder (
        round_id     uuid NOT NULL REFERENCES sd_round (id),
        municipality integer NOT NULL,
        kind         text NOT NULL,
        due_on       date NOT NULL,
        sent_at      timestamptz NOT NULL,
        PRIMARY KEY (round_id, municipality, kind)
      )`);
    await q.query(
      `COMMENT ON TABLE sd_reminder IS 'Reminders sent per round, municipality and kind (d-14, d-3, d+1): the key makes the job and the reconciliation sweep send each once.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sd_reminder');
    await q.query('DROP TABLE sd_response_event');
    await dropAppendOnly(q, 'sd_response_event');
    await q.query('DROP TABLE sd_response');
    await q.query('DROP TABLE sd_round');
    await q.query('DROP TABLE sd_questionnaire');
    await q.query('DROP FUNCTION sd_questionnaire_published_frozen()');
  }
}
