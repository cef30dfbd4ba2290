import type { DataSource, EntityManager } from 'typeorm';
import { correlation } from '@si/observability';
import type { AuditEntry } from './audit-record.js';

/**
 * Writes audit records. `record` takes the caller's EntityManager so the record commits or rolls back
 * with the action it describes; `recordAlone` is for reads and refusals, which have no transaction of their own.
 */
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(em: EntityManager, ...entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const params: unknown[] = [];
    const rows = entries.map((e) => {
      const values = [
        e.actor.subject,
        e.actor.username ?? null,
        e.actor.roles,
        JSON.stringify(e.actor.scope),
        e.action,
        e.objectType,
        e.objectId ?? null,
        e.municipality ?? null,
        e.outcome,
        e.recipient ?? null,
        correlation.id() ?? null,
        e.detail ? JSON.stringify(e.detail) : null,
      ];
      const start = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${start + i + 1}`).join(', ')})`;
    });
    await em.query(
      `INSERT INTO audit_record (actor_subject, actor_username, actor_roles, actor_scope, action, object_type, object_id,
         municipality, outcome, recipient, correlation_id, detail) VALUES ${rows.join(', ')}`,
      params,
    );
  }

  async recordAlone(...entries: AuditEntry[]): Promise<void> {
    await this.record(this.dataSource.manager, ...entries);
  }
}
