import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, makeAppendOnly } from '@si/persistence';

/**
 * The case store. `case_record` holds the aggregate's state as a JSONB snapshot plus the columns the
 * work list filters and sorts on (kept in step by the repository in the same statement as the snapshot);
 * `case_history` is the append-only history (CM4); `person` is the person store with the personal data
 * the case itself does not carry (names, birth date, address, AHV number), filled from person events.
 */
export class CreateCases1764000000000 implements MigrationInterface {
  name = 'CreateCases1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query(`
      CREATE TABLE person (
        person_ref    text PRIMARY KEY,
        household_ref text,
        official_name text NOT NULL,
        first_name    text NOT NULL,
        date_of_birth date,
        sex           text NOT NULL CHECK (sex IN ('female', 'male', 'unknown')),
        vn            text,
        address       jsonb,
        phone         text,
        email         text,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `COMMENT ON TABLE person IS 'Personal data of persons with a case, from registry-intake person events (personal data: names, birth date, AHV number, address). Disclosed only in the DFPA hand-over and the Migrationsamt report.'`,
    );

    await q.query(`
      CREATE TABLE case_record (
        case_id               uuid PRIMARY KEY,
        person_ref            text NOT NULL,
        household_ref         text,
        arrival_key           text NOT NULL,
        status                text NOT NULL CHECK (status IN ('open', 'dfpa-handover-requested', 'at-sozialregion', 'closed')),
        phase                 text NOT NULL CHECK (phase IN ('informieren', 'foerdern', 'fordern', 'sanktionieren')),
        municipality          integer NOT NULL,
        registration_date     date NOT NULL,
        opened_at             timestamptz NOT NULL,
        first_information_due date,
        deadline_state        text NOT NULL CHECK (deadline_state IN ('pending', 'suspended', 'met')),
        next_due              date NOT NULL DEFAULT 'infinity',
        next_due_kind         text,
        reminder_on           date,
        nationality_bfs       integer NOT NULL,
        nationality_iso2      text,
        eu_efta               boolean NOT NULL,
        language              text,
        official_name         text NOT NULL,
        first_name            text NOT NULL,
        sort_name             text COLLATE "C" NOT NULL,
        search_name           text NOT NULL,
        reported              boolean NOT NULL DEFAULT false,
        handover_sozialregion text,
        version               integer NOT NULL,
        updated_at            timestamptz NOT NULL,
        snapshot              jsonb NOT NULL,
        CONSTRAINT case_record_arrival_key UNIQUE (arrival_key)
      )`);
    await q.query(
      `COMMENT ON TABLE case_record IS 'Integration cases: snapshot = aggregate state (personal data: health circumstances of AIG Art. 58a Abs. 2), the other columns are what the work list filters and sorts on.'`,
    );
    await q.query(
      `COMMENT ON CONSTRAINT case_record_arrival_key ON case_record IS 'CM3: one case per person and arrival (person, municipality, registration date), whatever message reports it.'`,
    );
    // CM3: a person has at most one case that is not closed; a second arrival never opens a second one.
    await q.query(`CREATE UNIQUE INDEX case_record_one_live_case ON case_record (person_ref) WHERE status <> 'closed'`);
    await q.query('CREATE INDEX case_record_person ON case_record (person_ref)');
    await q.query('CREATE INDEX case_record_household ON case_record (household_ref) WHERE household_ref IS NOT NULL');
    // Work list: one index per sort key, led by the municipality (every IB query is scoped by it).
    await q.query('CREATE INDEX case_record_list_due ON case_record (municipality, next_due, case_id)');
    await q.query(
      'CREATE INDEX case_record_list_registration ON case_record (municipality, registration_date, case_id)',
    );
    await q.query('CREATE INDEX case_record_list_name ON case_record (municipality, sort_name, case_id)');
    await q.query('CREATE INDEX case_record_list_opened ON case_record (municipality, opened_at, case_id)');
    await q.query('CREATE INDEX case_record_search_name ON case_record USING gin (search_name gin_trgm_ops)');
    await q.query('CREATE INDEX case_record_reported ON case_record (next_due, case_id) WHERE reported');
    await q.query(
      'CREATE INDEX case_record_sozialregion ON case_record (handover_sozialregion, next_due, case_id) WHERE handover_sozialregion IS NOT NULL',
    );
    await q.query('CREATE INDEX case_record_reminder ON case_record (reminder_on) WHERE reminder_on IS NOT NULL');

    await q.query(`
      CREATE TABLE case_history (
        case_id  uuid NOT NULL REFERENCES case_record (case_id),
        seq      integer NOT NULL CHECK (seq > 0),
        at       timestamptz NOT NULL,
        actor_id text NOT NULL,
        role     text NOT NULL,
        action   text NOT NULL,
        reason   text,
        details  jsonb NOT NULL,
        PRIMARY KEY (case_id, seq)
      )`);
    await q.query(
      `COMMENT ON TABLE case_history IS 'CM4: append-only history of every case change (who, role, when, what, why). Personal data in details/reason.'`,
    );
    // Append-only for every role but a superuser: the runtime role's UPDATE/DELETE grants cannot rewrite history.
    await makeAppendOnly(q, 'case_history');

    await q.query(`
      CREATE TABLE deadline_reminder (
        case_id     uuid NOT NULL REFERENCES case_record (case_id),
        due         date NOT NULL,
        reminded_at timestamptz NOT NULL DEFAULT now(),
        source      text NOT NULL CHECK (source IN ('job', 'sweep')),
        PRIMARY KEY (case_id, due)
      )`);
    await q.query(
      `COMMENT ON TABLE deadline_reminder IS 'One reminder per case and first-information due date; the key makes the BullMQ job and the reconciliation sweep idempotent.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE deadline_reminder');
    await q.query('DROP TABLE case_history');
    await dropAppendOnly(q, 'case_history');
    await q.query('DROP TABLE case_record');
    await q.query('DROP TABLE person');
  }
}
