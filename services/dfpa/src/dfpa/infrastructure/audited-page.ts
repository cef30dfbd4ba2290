import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { AUDIT_TABLE, type AuditActor } from '@si/audit';
import { correlation } from '@si/observability';

/** One keyset page of a work list: `select` yields the columns `id`, `cursor_key` (text), `doc` (jsonb) and the sort columns. */
export interface PageQuery {
  /** Names the statement, so each pooled connection parses and plans it once (one name per distinct `select`). */
  readonly name: string;
  readonly select: string;
  readonly params: readonly unknown[];
  /** The page's order over the columns of `select` (for the JSON array and the cursor of its last row). */
  readonly order: string;
}

/** Who read which list: the same columns and values as @si/audit's AuditLog, the ids shown under `detail[detailKey]`. */
export interface PageAudit {
  readonly actor: AuditActor;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly detailKey: string;
}

export interface AuditedPage {
  /** The page as a JSON array, assembled by PostgreSQL. */
  readonly itemsJson: string;
  readonly count: number;
  /** `cursor_key` and `id` of the last row, for the next page's cursor. */
  readonly last: { key: string; id: string } | null;
}

/**
 * A work-list page and its audit record in ONE statement: the page is a CTE, the audit row is inserted from it in
 * the same (implicit) transaction, and the page comes back as one JSON text. So a read is one round trip and one
 * commit: the record exists exactly when the page was read, and Node neither parses the rows' JSON nor serialises
 * the answer again (the read is bounded by round trips and JSON work, not by the query: see BENCHMARKS.md, DFPA).
 */
export async function readAuditedPage(dataSource: DataSource, page: PageQuery, audit: PageAudit): Promise<AuditedPage> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const n = page.params.length;
  const p = (i: number) => `$${n + i}`;
  const rows: { items: string; n: number; last: string | null }[] = (
    await pool.query({
      name: page.name,
      text: `WITH page AS MATERIALIZED (${page.select}),
       record AS (
         INSERT INTO ${AUDIT_TABLE} (actor_subject, actor_username, actor_roles, actor_scope, action, object_type, object_id,
           outcome, correlation_id, detail)
         SELECT ${p(1)}, ${p(2)}, ${p(3)}::text[], ${p(4)}::jsonb, ${p(5)}, ${p(6)}, ${p(7)}, 'granted', ${p(8)},
           jsonb_build_object(${p(9)}::text, COALESCE(jsonb_agg(page.id ORDER BY ${page.order}), '[]'::jsonb))
         FROM page
       )
       SELECT COALESCE(json_agg(page.doc ORDER BY ${page.order}), '[]')::text AS items, count(*)::int AS n,
         (array_agg(page.cursor_key || '|' || page.id ORDER BY ${page.order}))[count(*)] AS last
       FROM page`,
      values: [
        ...page.params,
        audit.actor.subject,
        audit.actor.username ?? null,
        audit.actor.roles,
        JSON.stringify(audit.actor.scope),
        audit.action,
        audit.objectType,
        audit.objectId,
        correlation.id() ?? null,
        audit.detailKey,
      ],
    })
  ).rows;
  // An aggregate without GROUP BY always returns exactly one row.
  const row = rows[0] ?? { items: '[]', n: 0, last: null };
  const cut = row.last?.lastIndexOf('|') ?? -1;
  return {
    itemsJson: row.items,
    count: row.n,
    last: row.last && cut > 0 ? { key: row.last.slice(0, cut), id: row.last.slice(cut + 1) } : null,
  };
}

/** `{ "items": […], "next": cursor }` around the JSON PostgreSQL assembled: the answer of a list route. */
export function pageJson(page: AuditedPage, limit: number): string {
  const next =
    page.count === limit && page.last ? Buffer.from(`${page.last.key}|${page.last.id}`).toString('base64url') : null;
  return `{"items":${page.itemsJson},"next":${JSON.stringify(next)}}`;
}
