import type { DeliveryStatus, DeliverySource } from '../domain/index.js';
import { DELIVERY_COLUMNS, type DeliveryRow } from './delivery-row.js';
import type { Queryable } from './queryable.js';

export interface DeliveryFilter {
  status?: DeliveryStatus;
  source?: DeliverySource;
  municipality?: number;
  messageId?: string;
}

/** Who may see which deliveries: all, those of some municipalities or submitted by a subject. */
export type DeliveryVisibility = { all: true } | { all: false; municipalities: readonly number[]; subject: string };

export interface ListCursor {
  receivedAt: string;
  id: string;
}

/** Newest first, keyset-paginated on (received_at, id). */
export async function listDeliveries(
  db: Queryable,
  visibility: DeliveryVisibility,
  filter: DeliveryFilter,
  limit: number,
  after?: ListCursor,
): Promise<(DeliveryRow & { receivedAtText: string })[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (!visibility.all)
    where.push(
      `(municipality = ANY(${p(visibility.municipalities)}::int[]) OR submitted_by_subject = ${p(visibility.subject)})`,
    );
  if (filter.status) where.push(`status = ${p(filter.status)}`);
  if (filter.source) where.push(`source = ${p(filter.source)}`);
  if (filter.municipality !== undefined) where.push(`municipality = ${p(filter.municipality)}`);
  if (filter.messageId) where.push(`message_id = ${p(filter.messageId)}`);
  if (after) where.push(`(received_at, id) < (${p(after.receivedAt)}::timestamptz, ${p(after.id)}::uuid)`);
  // received_at as text keeps its microseconds for the cursor (a JS Date would round them to milliseconds).
  return db.query<(DeliveryRow & { receivedAtText: string })[]>(
    `SELECT ${DELIVERY_COLUMNS}, received_at::text AS "receivedAtText" FROM delivery ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY received_at DESC, id DESC LIMIT ${p(limit)}`,
    params,
  );
}

export function visibleTo(row: DeliveryRow, visibility: DeliveryVisibility): boolean {
  if (visibility.all) return true;
  return (
    (row.municipality !== null && visibility.municipalities.includes(row.municipality)) ||
    row.submittedBySubject === visibility.subject
  );
}
