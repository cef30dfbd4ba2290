import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropAppendOnly, makeAppendOnly } from '@si/persistence';

/**
 * The audit table is append-only twice over: the runtime role gets no UPDATE/DELETE grant
 * (see runMigrations' appendOnlyTables), and a trigger refuses both to every role but a superuser,
 * so even a mistaken grant or the owner cannot rewrite history.
 */
export class CreateAuditRecord1763700000000 implements MigrationInterface {
  name = 'CreateAuditRecord1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_record (
        id            bigserial PRIMARY KEY,
        occurred_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_subject text NOT NULL,
        actor_username text,
        actor_roles   text[] NOT NULL,
        actor_scope   jsonb NOT NULL,
        action        text NOT NULL,
        object_type   text NOT NULL,
        object_id     text,
        municipality  integer,
        outcome       text NOT NULL CHECK (outcome IN ('granted', 'denied')),
        recipient     text,
        correlation_id text,
        detail        jsonb
      )`);
    await q.query(
      `COMMENT ON TABLE audit_record IS 'Append-only log of every read and change of personal data (DSV Art. 4). No personal data in detail.'`,
    );
    await q.query('CREATE INDEX audit_record_object ON audit_record (object_type, object_id, occurred_at)');
    await q.query('CREATE INDEX audit_record_actor ON audit_record (actor_subject, occurred_at)');
    await makeAppendOnly(q, 'audit_record');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_record');
    await dropAppendOnly(q, 'audit_record');
  }
}

export const auditMigrations = [CreateAuditRecord1763700000000];
