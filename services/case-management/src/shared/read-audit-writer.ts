import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
@Injectable()
export class ReadAuditWriter {
  private queue: Pending[] = [];
  private writers = 0;
  private readonly maxBatch = 500;
  /** Inserts in flight at once: more than one, so a read never waits behind a whole insert plus its own. */
  private readonly maxWriters = 2;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(entry: AuditEntry): Promise<void> {
    const e = entry;
    // Values come from the request (an id with NUL, a BFS number beyond integer): stored readable, never refused
    // by PostgreSQL, so one caller's odd input cannot fail the batch of other callers' reads (security probe F2).
    const values = [
      e.actor.subject,
      e.actor.username ?? null,
      e.actor.roles,
      JSON.stringify(e.actor.scope),
      e.action,
      e.objectType,
      e.objectId == null ? null : storable(String(e.objectId)),
      integerOrNull(e.municipality),
      e.outcome,
      e.recipient ?? null,
      correlation.id() ?? null,
      e.detail ? JSON.stringify(e.detail, (_key, v: unknown) => (typeof v === 'string' ? storable(v) : v)) : null,
    ];
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
        const rows = batch.map(
          (_, r) => `(${Array.from({ length: COLUMNS }, (__, c) => `$${r * COLUMNS + c + 1}`).join(', ')})`,
        );
        try {
          // Straight to the pg pool (no TypeORM query runner per batch): this insert runs with every read.
          await (this.dataSource.driver as unknown as { master: Pool }).master.query(
            `INSERT INTO ${AUDIT_TABLE} (actor_subject, actor_username, actor_roles, actor_scope, action, object_type, object_id,
               municipality, outcome, recipient, correlation_id, detail) VALUES ${rows.join(', ')}`,
            params,
          );
          for (const p of batch) p.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0]?.reject(error);
          else await this.oneByOne(batch); // only the read whose record cannot be written fails (closed)
        }
      }
    } finally {
      this.writers -= 1;
    }
  }

  private async oneByOne(batch: Pending[]): Promise<void> {
    const columns = Array.from({ length: COLUMNS }, (_, c) => `$${c + 1}`).join(', ');
    for (const p of batch) {
      try {
        await (this.dataSource.driver as unknown as { master: Pool }).master.query(
          `INSERT INTO ${AUDIT_TABLE} (actor_subject, actor_username, actor_roles, actor_scope, action, object_type, object_id,
             municipality, outcome, recipient, correlation_id, detail) VALUES (${columns})`,
          p.values,
        );
        p.resolve();
      } catch (error) {
        p.reject(error);
      }
    }
  }
}

/** Text PostgreSQL accepts: NUL shown as `\0`, lone surrogates replaced, at most 500 characters. */
function storable(text: string): string {
  const clean = text
    .replaceAll('\0', '\\0')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return clean.length > 500 ? `${clean.slice(0, 500)}…` : clean;
}

/** The municipality column is an integer: a value out of its range is not a municipality. */
function integerOrNull(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 2_147_483_647 ? n : null;
}
