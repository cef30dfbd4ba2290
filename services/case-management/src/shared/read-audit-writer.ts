import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { AUDIT_TABLE, type AuditEntry } from '@si/audit';
import { correlation } from '@si/observability';

interface Pending {
  values: unknown[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

const COLUMNS = 12;

/**
 * Audit records of reads, written with group commit: a read waits until its record is committed (nothing is
 * lost, the answer never leaves before the record), but the records of reads that arrive while an insert is
 * in flight go together into the next multi-row insert, so under load one commit covers many reads instead of
 * one commit per read. Same table, columns and values as @si/audit's AuditLog.record; the correlation id is
 * taken when the read happens, not when the batch is written.
 */
export class ReadAuditWriter {
  private queue: Pending[] = [];
  private writers = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly maxBatch = 500,
    /** Inserts in flight at once: more than one, so a read never waits behind a whole insert plus its own. */
    private readonly maxWriters = 2,
  ) {}

  record(entry: AuditEntry): Promise<void> {
    const e = entry;
    const values = [e.actor.subject, e.actor.username ?? null, e.actor.roles, JSON.stringify(e.actor.scope), e.action, e.objectType,
      e.objectId ?? null, e.municipality ?? null, e.outcome, e.recipient ?? null, correlation.id() ?? null, e.detail ? JSON.stringify(e.detail) : null];
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ values, resolve, reject });
      if (this.writers < this.maxWriters) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writers += 1;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        const params = batch.flatMap((p) => p.values);
        const rows = batch.map((_, r) => `(${Array.from({ length: COLUMNS }, (__, c) => `$${r * COLUMNS + c + 1}`).join(', ')})`);
        try {
          // Straight to the pg pool (no TypeORM query runner per batch): this insert runs with every read.
          await (this.dataSource.driver as unknown as { master: Pool }).master.query(
            `INSERT INTO ${AUDIT_TABLE} (actor_subject, actor_username, actor_roles, actor_scope, action, object_type, object_id,
               municipality, outcome, recipient, correlation_id, detail) VALUES ${rows.join(', ')}`,
            params,
          );
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.writers -= 1;
    }
  }
}
