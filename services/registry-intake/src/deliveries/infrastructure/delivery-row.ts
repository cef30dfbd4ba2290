import {
  isCurableByReprocess,
  type DeliveryRefusal,
  type DeliverySource,
  type DeliveryStatus,
  type DeliverySummary,
  type RawStore,
} from '../domain/index.js';

/** The delivery table as the application sees it. */
export interface DeliveryRow {
  id: string;
  messageId: string | null;
  source: DeliverySource;
  sourceRef: string | null;
  submittedBy: string;
  submittedBySubject: string;
  status: DeliveryStatus;
  municipality: number | null;
  municipalityHint: number | null;
  /** BFS numbers the submitter may deliver for (a gemeinde user); null = any (register connector, sedex). */
  scope: number[] | null;
  senderId: string | null;
  eventElement: string | null;
  testDelivery: boolean | null;
  refusal: DeliveryRefusal | null;
  notes: string[];
  records: number;
  emitted: number;
  skipped: number;
  summary: DeliverySummary | Record<string, never>;
  ruleVersion: string | null;
  bytes: number;
  sha256: string | null;
  rawStore: RawStore;
  rawComplete: boolean;
  rawPurgedAt: string | null;
  receivedAt: string;
  completedAt: string | null;
  attempts: number;
  duplicates: number;
  lastDuplicateAt: string | null;
}

export const DELIVERY_COLUMNS = `id, message_id AS "messageId", source, source_ref AS "sourceRef", submitted_by AS "submittedBy",
  submitted_by_subject AS "submittedBySubject", status, municipality, municipality_hint AS "municipalityHint", scope,
  sender_id AS "senderId", event_element AS "eventElement", test_delivery AS "testDelivery", refusal, notes, records, emitted,
  skipped, summary, rule_version AS "ruleVersion", bytes::float8 AS bytes, sha256, raw_store AS "rawStore",
  raw_complete AS "rawComplete", raw_purged_at AS "rawPurgedAt", received_at AS "receivedAt", completed_at AS "completedAt",
  attempts, duplicates, last_duplicate_at AS "lastDuplicateAt"`;

/** Fields known when a delivery's row is first written. */
export interface NewDelivery {
  id: string;
  messageId: string | null;
  source: DeliverySource;
  sourceRef: string | null;
  submittedBy: string;
  submittedBySubject: string;
  municipalityHint: number | null;
  scope: number[] | null;
  rawStore: RawStore;
  /** When its first byte arrived. */
  receivedAt: Date;
}

/** What is known about a delivery once it has been read to its end (or to its refusal). */
export interface DeliveryFacts {
  messageId: string | null;
  municipality: number | null;
  senderId: string | null;
  eventElement: string | null;
  testDelivery: boolean | null;
  notes: string[];
  records: number;
  emitted: number;
  skipped: number;
  summary: DeliverySummary;
  ruleVersion: string | null;
  bytes: number;
  sha256: string | null;
  rawComplete: boolean;
}

/**
 * Whether POST …/reprocess can take a delivery: quarantined for a reason a reprocess can cure, with its bytes still
 * kept (the sedex file, or all of them in the database and not yet purged).
 */
export function isReprocessable(row: DeliveryRow): boolean {
  if (row.status !== 'quarantined' || row.refusal === null || !isCurableByReprocess(row.refusal.code)) return false;
  return row.rawStore === 'sedex-file' || (row.rawStore === 'db' && row.rawComplete && row.rawPurgedAt === null);
}
