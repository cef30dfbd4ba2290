import type { QueryRunner } from 'typeorm';
import { quoteIdent } from './migrate.js';

/**
 * Makes a table append-only for every role but a superuser: a trigger refuses UPDATE, DELETE and TRUNCATE,
 * so neither a runtime role's broad grants nor the owning migrator can rewrite history (audit records,
 * case history, organisation model, rule versions). For use in a migration's `up`.
 */
export async function makeAppendOnly(q: QueryRunner, table: string): Promise<void> {
  const fn = quoteIdent(`${table}_append_only`);
  const t = quoteIdent(table);
  await q.query(`
    CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`);
  await q.query(
    `CREATE TRIGGER ${quoteIdent(`${table}_no_update_delete`)} BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  );
  await q.query(
    `CREATE TRIGGER ${quoteIdent(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  );
}

/** Undoes {@link makeAppendOnly} after the table itself was dropped (its triggers went with it). */
export async function dropAppendOnly(q: QueryRunner, table: string): Promise<void> {
  await q.query(`DROP FUNCTION IF EXISTS ${quoteIdent(`${table}_append_only`)}()`);
}
