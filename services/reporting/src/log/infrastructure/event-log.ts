import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@si/messaging';

/** One row of the log as the trace shows it. */
export interface LoggedEvent {
  seq: number;
  eventId: string;
  type: string;
  time: string;
}

/**
 * The append-only event log (point 1): what the consumer received, in arrival order. An event id already in the
 * log adds nothing (a producer's redelivery after the inbox forgot it), so appending is idempotent twice over.
 */
export class EventLog {
  /** Appends in the given order; returns the log positions of the rows that were new. */
  async append(em: EntityManager, events: readonly CloudEvent[]): Promise<number[]> {
    if (events.length === 0) return [];
    const rows = events.map((e) => ({
      id: e.id,
      type: e.type,
      source: e.source,
      subject: e.subject ?? null,
      time: e.time ?? new Date().toISOString(),
      data: e.data,
    }));
    const inserted: { seq: string }[] = await em.query(
      `INSERT INTO event_log (event_id, type, source, subject, occurred_at, data)
       SELECT r->>'id', r->>'type', r->>'source', r->>'subject', (r->>'time')::timestamptz, r->'data'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(r, ord)
       ORDER BY e.ord
       ON CONFLICT (event_id) DO NOTHING
       RETURNING seq`,
      [JSON.stringify(rows)],
    );
    return inserted.map((r) => Number(r.seq)).sort((a, b) => a - b);
  }

  async position(em: EntityManager): Promise<number> {
    const [row] = await em.query('SELECT coalesce(max(seq), 0) AS seq FROM event_log');
    return Number(row.seq);
  }
}
