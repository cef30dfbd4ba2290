import type { AuditEntry } from '@si/audit';
import type { CloudEvent } from '@si/messaging';
import { correlation } from '@si/observability';
import { permitInfo } from '../../persons/permit-info.js';
import type { PermitInfo } from '../../rules/residence-permit-catalog.js';
import type { DeliveryRefusal, OutcomeEntry } from '../domain/index.js';
import type { DeliveryFacts, NewDelivery } from './delivery-row.js';
import type { Queryable } from './queryable.js';

export interface SmallDeliveryCommit {
  /** The delivery's events, already validated against their contracts. */
  events: CloudEvent[];
  delivery: NewDelivery;
  status: 'accepted' | 'quarantined';
  facts: DeliveryFacts;
  refusal: DeliveryRefusal | null;
  raw: Buffer | undefined;
  outcomes: OutcomeEntry[];
  permits: { personRef: string; permit: PermitInfo }[];
  audit: AuditEntry;
}

/**
 * Everything a small delivery writes, as ONE statement (data-modifying CTEs, atomic without BEGIN/COMMIT): the
 * delivery row, its raw bytes, its events into the outbox, its log lines, the permits it carries, superseding
 * earlier refused deliveries of its message, and its audit record.
 *
 * Why one statement: on this platform's machines a round trip to PostgreSQL (a socket write that wakes a busy
 * backend) costs more CPU than the work it carries; BEGIN, Outbox.add, the rest and COMMIT took four, and the
 * throughput of single-event deliveries was bound by them. So the events are inserted here rather than through
 * Outbox.add, with the same guarantees: each envelope is built by @si/messaging's buildCloudEvent and validated by
 * its EventValidator before (OutcomeSink.envelopesForCommit), the rows have the outbox's columns in event order, and
 * the outbox's statement trigger wakes the relay on commit. The audit row likewise has @si/audit's columns and
 * values. Large deliveries use Outbox.add and AuditLog.record in their long transaction.
 *
 * Nothing is written when a live delivery already holds the messageId: the insert's ON CONFLICT yields no row and
 * every other part selects from it; the result is then `false`.
 */
export async function commitSmallDelivery(q: Queryable, c: SmallDeliveryCommit): Promise<boolean> {
  const d = c.delivery;
  const f = c.facts;
  const a = c.audit;
  const permits = [...new Map(c.permits.map((p) => [p.personRef, permitInfo(p.permit)])).entries()].map(
    ([ref, permit]) => ({ ref, permit }),
  );
  const rows = await q.query<{ id: string }[]>(
    `WITH d AS (
       INSERT INTO delivery (id, message_id, source, source_ref, submitted_by, submitted_by_subject, status, municipality_hint, scope,
         raw_store, municipality, sender_id, event_element, test_delivery, refusal, notes, records, emitted, skipped, summary,
         rule_version, bytes, sha256, raw_complete, received_at, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, clock_timestamp())
       ON CONFLICT (message_id) WHERE status IN ('processing', 'accepted') DO NOTHING
       RETURNING id),
     raw AS (
       INSERT INTO delivery_raw (delivery_id, seq, chunk) SELECT id, 0, $26::bytea FROM d WHERE $26::bytea IS NOT NULL),
     events AS (
       INSERT INTO outbox (id, type, subject, payload)
       SELECT (e.v->>'id')::uuid, e.v->>'type', e.v->>'subject', e.v
       FROM d, json_array_elements($41::json) WITH ORDINALITY AS e(v, ord) ORDER BY e.ord),
     lines AS (
       INSERT INTO delivery_outcome (delivery_id, seq, ech_event, line, action, event_type, event_id, person_ref, reason, detail, notes, target_group)
       SELECT d.id, x.seq, x.ech_event, x.line, x.action, x.event_type, x.event_id, x.person_ref, x.reason, x.detail, x.notes, x.target_group
       FROM d, json_to_recordset($27::json) AS x(seq int, ech_event text, line int, action text, event_type text, event_id uuid,
         person_ref text, reason text, detail text, notes jsonb, target_group jsonb)),
     permits AS (
       INSERT INTO person_permit (person_ref, permit, delivery_id)
       SELECT x.ref, x.permit, d.id FROM d, json_to_recordset($28::json) AS x(ref text, permit jsonb)
       ON CONFLICT (person_ref) DO UPDATE SET permit = EXCLUDED.permit, delivery_id = EXCLUDED.delivery_id, updated_at = now()),
     superseded AS (
       UPDATE delivery SET status = 'superseded'
       WHERE $7 = 'accepted' AND message_id = $2 AND status = 'quarantined' AND EXISTS (SELECT 1 FROM d)),
     audit AS (
       INSERT INTO audit_record (actor_subject, actor_username, actor_roles, actor_scope, action, object_type, object_id, municipality,
         outcome, recipient, correlation_id, detail)
       SELECT $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40 FROM d)
     SELECT id FROM d`,
    [
      d.id,
      f.messageId,
      d.source,
      d.sourceRef,
      d.submittedBy,
      d.submittedBySubject,
      c.status,
      d.municipalityHint,
      d.scope,
      d.rawStore,
      f.municipality,
      f.senderId,
      f.eventElement,
      f.testDelivery,
      c.refusal ? JSON.stringify(c.refusal) : null,
      JSON.stringify(f.notes),
      f.records,
      f.emitted,
      f.skipped,
      JSON.stringify(f.summary),
      f.ruleVersion,
      f.bytes,
      f.sha256,
      f.rawComplete,
      d.receivedAt,
      c.raw ?? null,
      JSON.stringify(c.outcomes.map(outcomeRow)),
      JSON.stringify(permits),
      a.actor.subject,
      a.actor.username ?? null,
      a.actor.roles,
      JSON.stringify(a.actor.scope),
      a.action,
      a.objectType,
      a.objectId ?? null,
      a.municipality ?? null,
      a.outcome,
      a.recipient ?? null,
      correlation.id() ?? null,
      a.detail ? JSON.stringify(a.detail) : null,
      JSON.stringify(c.events),
    ],
  );
  return rows.length === 1;
}

/** A log line as delivery_outcome's columns, for json_to_recordset. */
export function outcomeRow(e: OutcomeEntry) {
  return {
    seq: e.seq,
    ech_event: e.echEvent,
    line: e.line,
    action: e.action,
    event_type: e.eventType,
    event_id: e.eventId,
    person_ref: e.personRef,
    reason: e.reason,
    detail: e.detail,
    notes: e.notes.length ? e.notes : null,
    target_group: e.targetGroup,
  };
}
