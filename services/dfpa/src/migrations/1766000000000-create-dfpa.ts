import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The region's DFPA data: hand-overs as received (inbox), DFPA cases, versioned assessments, the health constraints
 * in a table of their own (R22: read only for the case's caseworkers, never copied elsewhere), the case history and
 * the deadlines that BullMQ jobs and the reconciliation sweep remind of. Every row names its Sozialregion, so that an
 * instance serving several regions answers each region's staff with that region's rows only.
 */
export class CreateDfpa1766000000000 implements MigrationInterface {
  name = 'CreateDfpa1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE handover (
        handover_id     uuid PRIMARY KEY,
        sozialregion_id text NOT NULL,
        case_id         uuid NOT NULL,
        municipality    integer NOT NULL,
        person_ref      text NOT NULL,
        requested_on    date NOT NULL,
        answer_due_on   date NOT NULL,
        status          text NOT NULL CHECK (status IN ('open', 'accepted', 'rejected', 'withdrawn')),
        request         jsonb NOT NULL,
        received_at     timestamptz NOT NULL DEFAULT now(),
        answered_at     timestamptz,
        answered_by     text,
        reject_reason   text,
        dfpa_case_id    uuid
      )`);
    await q.query(
      `CREATE INDEX handover_open ON handover (sozialregion_id, requested_on, handover_id) WHERE status = 'open'`,
    );
    await q.query('CREATE INDEX handover_case ON handover (case_id)');
    await q.query(`
      CREATE TABLE dfpa_case (
        dfpa_case_id    uuid PRIMARY KEY,
        sozialregion_id text NOT NULL,
        origin          text NOT NULL CHECK (origin IN ('handover', 'direct')),
        handover_id     uuid UNIQUE,
        case_id         uuid,
        person_ref      text NOT NULL,
        status          text NOT NULL,
        caseworkers     text[] NOT NULL,
        state           jsonb NOT NULL,
        version         integer NOT NULL,
        opened_on       date NOT NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX dfpa_case_region ON dfpa_case (sozialregion_id, status, opened_on DESC, dfpa_case_id)');
    await q.query('CREATE INDEX dfpa_case_case ON dfpa_case (case_id)');
    await q.query('CREATE INDEX dfpa_case_person ON dfpa_case (person_ref)');
    await q.query(`
      CREATE TABLE assessment (
        dfpa_case_id uuid NOT NULL REFERENCES dfpa_case,
        version      integer NOT NULL,
        assessed_on  date NOT NULL,
        recorded_by  text NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        assessment   jsonb NOT NULL,
        PRIMARY KEY (dfpa_case_id, version)
      )`);
    await q.query(`
      CREATE TABLE assessment_health (
        dfpa_case_id uuid NOT NULL,
        version      integer NOT NULL,
        health       jsonb NOT NULL,
        PRIMARY KEY (dfpa_case_id, version),
        FOREIGN KEY (dfpa_case_id, version) REFERENCES assessment
      )`);
    await q.query(`
      CREATE TABLE dfpa_case_history (
        seq          bigserial PRIMARY KEY,
        dfpa_case_id uuid NOT NULL,
        at           timestamptz NOT NULL DEFAULT now(),
        actor        text NOT NULL,
        action       text NOT NULL,
        details      jsonb NOT NULL
      )`);
    await q.query('CREATE INDEX dfpa_case_history_case ON dfpa_case_history (dfpa_case_id, seq)');
    await q.query(`
      CREATE TABLE deadline (
        kind            text NOT NULL CHECK (kind IN ('handover-answer', 'plan-review', 'measure-end')),
        subject_id      uuid NOT NULL,
        ref             text NOT NULL,
        sozialregion_id text NOT NULL,
        due_on          date NOT NULL,
        remind_on       date NOT NULL,
        reminded_at     timestamptz,
        reminded_by     text,
        PRIMARY KEY (kind, subject_id, ref)
      )`);
    await q.query('CREATE INDEX deadline_pending ON deadline (remind_on) WHERE reminded_at IS NULL');
    await q.query(
      `COMMENT ON TABLE handover IS 'case.dfpa-handover-requested.v1 as received from the region''s own queue; request holds personal data of this region only.'`,
    );
    await q.query(
      `COMMENT ON TABLE assessment_health IS 'Health constraints (R22): shown only to the case''s own caseworkers; never in events, exports to others or logs.'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['deadline', 'dfpa_case_history', 'assessment_health', 'assessment', 'dfpa_case', 'handover'])
      await q.query(`DROP TABLE ${t}`);
  }
}
