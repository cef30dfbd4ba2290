import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mentoring-Pools (one per Sozialregion, id = the region's): mentors (personal data, with their consent), requests from
 * cases (pseudonymous reference of the mentee) and tandems with check-ins. Personal data is findable by mentor id and by
 * the mentee's reference, for export and deletion.
 */
export class CreateMentoring1765000000002 implements MigrationInterface {
  name = 'CreateMentoring1765000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mentor (
        id           uuid PRIMARY KEY,
        pool_id      text NOT NULL,
        name         text NOT NULL,
        email        text,
        phone        text,
        consent_on   date NOT NULL,
        active       boolean NOT NULL DEFAULT true,
        languages    jsonb NOT NULL,
        municipality integer NOT NULL,
        interests    text[] NOT NULL,
        availability text[] NOT NULL,
        capacity     integer NOT NULL CHECK (capacity BETWEEN 1 AND 10),
        gender       text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX mentor_pool ON mentor (pool_id) WHERE active');
    await q.query(`
      CREATE TABLE mentoring_request (
        id           uuid PRIMARY KEY,
        pool_id      text NOT NULL,
        case_id      uuid,
        mentee_ref   text NOT NULL,
        municipality integer NOT NULL,
        languages    jsonb NOT NULL,
        goals        text[] NOT NULL,
        interests    text[] NOT NULL,
        availability text[] NOT NULL,
        hard         jsonb NOT NULL,
        soft         jsonb NOT NULL,
        status       text NOT NULL,
        created_by   text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX mentoring_request_pool ON mentoring_request (pool_id, status)');
    await q.query(`
      CREATE TABLE tandem (
        id          uuid PRIMARY KEY,
        pool_id     text NOT NULL,
        request_id  uuid NOT NULL REFERENCES mentoring_request(id),
        mentor_id   uuid NOT NULL REFERENCES mentor(id),
        status      text NOT NULL,
        proposed_on date NOT NULL,
        started_on  date,
        ended_on    date,
        end_reason  text,
        outcome     text,
        check_ins   jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query('CREATE INDEX tandem_pool ON tandem (pool_id, status)');
    await q.query(
      `CREATE UNIQUE INDEX tandem_one_live_per_request ON tandem (request_id) WHERE status IN ('proposed', 'active')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE tandem, mentoring_request, mentor');
  }
}
