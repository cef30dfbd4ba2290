import type { OutcomeEntry } from '../domain/index.js';
import type { Queryable } from './queryable.js';
import { outcomeRow } from './small-delivery.commit.js';

export interface OutcomePage {
  items: OutcomeEntry[];
  /** Log lines of the delivery in all. */
  total: number;
  /** Position to ask for next, null on the last page. */
  next: number | null;
}

/** The delivery log lines (delivery_outcome). */
export class OutcomeRepository {
  /** Multi-row insert of log lines: one JSON parameter (cheaper to send than one array per column). */
  async insert(q: Queryable, deliveryId: string, entries: OutcomeEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await q.query(
      `INSERT INTO delivery_outcome (delivery_id, seq, ech_event, line, action, event_type, event_id, person_ref, reason, detail, notes, target_group)
       SELECT $1, x.seq, x.ech_event, x.line, x.action, x.event_type, x.event_id, x.person_ref, x.reason, x.detail, x.notes, x.target_group
       FROM json_to_recordset($2::json) AS x(seq int, ech_event text, line int, action text, event_type text, event_id uuid,
         person_ref text, reason text, detail text, notes jsonb, target_group jsonb)`,
      [deliveryId, JSON.stringify(entries.map(outcomeRow))],
    );
  }

  /** Forgets a delivery's log lines (it is processed again). */
  async discard(q: Queryable, deliveryId: string): Promise<void> {
    await q.query('DELETE FROM delivery_outcome WHERE delivery_id = $1', [deliveryId]);
  }

  /** Log lines from position `from` on, and whether more follow (positions have gaps: see OutcomeSink.add). */
  async page(q: Queryable, deliveryId: string, from: number, limit: number): Promise<OutcomePage> {
    const rows = await q.query<OutcomeEntry[]>(
      `SELECT seq, ech_event AS "echEvent", line, action, event_type AS "eventType", event_id AS "eventId", person_ref AS "personRef",
         reason, detail, COALESCE(notes, '[]'::jsonb) AS notes, target_group AS "targetGroup"
       FROM delivery_outcome WHERE delivery_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3`,
      [deliveryId, from, limit + 1],
    );
    const total = (
      await q.query<{ n: number }[]>('SELECT count(*)::int AS n FROM delivery_outcome WHERE delivery_id = $1', [
        deliveryId,
      ])
    )[0].n;
    const items = rows.slice(0, limit);
    return { items, total, next: rows.length > limit ? rows[limit].seq : null };
  }
}
