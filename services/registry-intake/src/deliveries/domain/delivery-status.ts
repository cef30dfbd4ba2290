/**
 * Where a delivery stands.
 * - processing: a large delivery being read (its events are written into a transaction not yet committed);
 * - accepted: every event was emitted (outbox) or skipped with its reason, in one transaction;
 * - quarantined: refused as a whole with its reason, nothing emitted; may be reprocessed when the reason allows;
 * - superseded: a quarantined delivery whose eCH-0058 message was accepted later under another delivery.
 */
export const DELIVERY_STATUSES = ['processing', 'accepted', 'quarantined', 'superseded'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type DeliverySource = 'http' | 'sedex';

/** Where the raw bytes are kept for a reprocess: the database (HTTP), the sedex file, or nowhere. */
export type RawStore = 'db' | 'sedex-file' | 'none';
