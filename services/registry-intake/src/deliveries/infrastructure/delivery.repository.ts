import type { DeliveryRefusal, DeliveryStatus } from '../domain/index.js';
import { serviceRefusal } from '../domain/index.js';
import { DELIVERY_COLUMNS, type DeliveryFacts, type DeliveryRow, type NewDelivery } from './delivery-row.js';
import { isUniqueViolation, type Queryable } from './queryable.js';

export const LIVE_MESSAGE_ID_INDEX = 'delivery_live_message_id';
export const SEDEX_ENVELOPE_INDEX = 'delivery_sedex_envelope';

/** The live (processing or accepted) delivery holding a messageId, when a write collided with it. */
export class DuplicateMessageError extends Error {
  constructor(
    readonly existingId: string,
    readonly inProgress: boolean,
  ) {
    super(`the message is already delivered as ${existingId}`);
    this.name = 'DuplicateMessageError';
  }
}

const INTERRUPTED = serviceRefusal(
  'interrupted',
  'processing stopped before the delivery was complete (the service instance ended); nothing was emitted',
);

/**
 * SQL of the delivery log. Functions that take a Queryable run in the caller's transaction; the others run alone.
 * Uniqueness of a live messageId is the database's job (partial unique index), so concurrent deliveries of the same
 * message cannot both be accepted, whichever instance receives them.
 */
export class DeliveryRepository {
  constructor(
    private readonly db: Queryable,
    private readonly leaseSeconds: number,
  ) {}

  /**
   * Writes the row of a delivery that is staged while it is read (status processing, with a lease).
   * @throws DuplicateMessageError when a live delivery holds the messageId
   */
  async insertProcessing(d: NewDelivery): Promise<void> {
    await this.retryOnStaleHolder(d.messageId, () =>
      this.db.query(
        `INSERT INTO delivery (id, message_id, source, source_ref, submitted_by, submitted_by_subject, status, municipality_hint, scope,
         raw_store, raw_complete, lease_until, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'processing', $7, $8, $9, $9 = 'sedex-file', now() + make_interval(secs => $10), $11)`,
        [
          d.id,
          d.messageId,
          d.source,
          d.sourceRef,
          d.submittedBy,
          d.submittedBySubject,
          d.municipalityHint,
          d.scope,
          d.rawStore,
          this.leaseSeconds,
          d.receivedAt,
        ],
      ),
    );
  }

  /** Sets the messageId of a processing delivery once its header is read. @throws DuplicateMessageError */
  async setMessageId(id: string, messageId: string): Promise<void> {
    await this.retryOnStaleHolder(messageId, () =>
      this.db.query('UPDATE delivery SET message_id = $2 WHERE id = $1', [id, messageId]),
    );
  }

  async renewLease(id: string): Promise<void> {
    await this.db.query(
      `UPDATE delivery SET lease_until = now() + make_interval(secs => $2) WHERE id = $1 AND status = 'processing'`,
      [id, this.leaseSeconds],
    );
  }

  /**
   * Closes a processing delivery as accepted or quarantined, in the caller's transaction. False when the delivery is
   * no longer processing (declared interrupted after its lease ran out): the caller must not commit.
   */
  async complete(
    q: Queryable,
    id: string,
    status: 'accepted' | 'quarantined',
    facts: DeliveryFacts,
    refusal: DeliveryRefusal | null,
  ): Promise<boolean> {
    const result = await q.query<[unknown[], number]>(
      `UPDATE delivery SET status = $2, message_id = COALESCE($3, message_id), municipality = $4, sender_id = $5, event_element = $6,
         test_delivery = $7, refusal = $8, notes = $9, records = $10, emitted = $11, skipped = $12, summary = $13, rule_version = $14,
         bytes = $15, sha256 = COALESCE(sha256, $16),
         raw_complete = raw_complete OR $17, completed_at = clock_timestamp(), lease_until = NULL
       WHERE id = $1 AND status = 'processing'`,
      [
        id,
        status,
        facts.messageId,
        facts.municipality,
        facts.senderId,
        facts.eventElement,
        facts.testDelivery,
        refusal ? JSON.stringify(refusal) : null,
        JSON.stringify(facts.notes),
        facts.records,
        facts.emitted,
        facts.skipped,
        JSON.stringify(facts.summary),
        facts.ruleVersion,
        facts.bytes,
        facts.sha256,
        facts.rawComplete,
      ],
    );
    return result[1] === 1;
  }

  /** Removes a delivery that must leave no trace (e.g. a caller without the right to deliver for its municipality). */
  async delete(id: string): Promise<void> {
    await this.db.query('DELETE FROM delivery WHERE id = $1', [id]);
  }

  /** The live delivery of a messageId, if any. */
  async findLive(messageId: string): Promise<{ id: string; status: DeliveryStatus } | undefined> {
    const rows = await this.db.query<{ id: string; status: DeliveryStatus }[]>(
      `SELECT id, status FROM delivery WHERE message_id = $1 AND status IN ('processing', 'accepted')`,
      [messageId],
    );
    return rows[0];
  }

  /** Counts a repeated delivery of an accepted message on the first one (nothing else happens). */
  async noteDuplicate(id: string): Promise<void> {
    await this.db.query('UPDATE delivery SET duplicates = duplicates + 1, last_duplicate_at = now() WHERE id = $1', [
      id,
    ]);
  }

  async findBySedexEnvelope(envelopeId: string): Promise<DeliveryRow | undefined> {
    const rows = await this.db.query<DeliveryRow[]>(
      `SELECT ${DELIVERY_COLUMNS} FROM delivery WHERE source = 'sedex' AND source_ref = $1`,
      [envelopeId],
    );
    return rows[0];
  }

  async get(id: string): Promise<DeliveryRow | undefined> {
    const rows = await this.db.query<DeliveryRow[]>(`SELECT ${DELIVERY_COLUMNS} FROM delivery WHERE id = $1`, [id]);
    return rows[0];
  }

  /**
   * Takes a quarantined delivery back into processing for a reprocess. Returns the row, `not-quarantined` when it
   * is in another state (or another reprocess took it), or `superseded` when its message has meanwhile been
   * accepted under another delivery (the row is then marked superseded).
   */
  async claimForReprocess(id: string): Promise<DeliveryRow | 'not-quarantined' | 'superseded'> {
    try {
      const rows = await this.db.query<[DeliveryRow[], number]>(
        `UPDATE delivery SET status = 'processing', attempts = attempts + 1, refusal = NULL, completed_at = NULL,
           lease_until = now() + make_interval(secs => $2)
         WHERE id = $1 AND status = 'quarantined' RETURNING ${DELIVERY_COLUMNS}`,
        [id, this.leaseSeconds],
      );
      const updated = rows[0];
      return updated.length === 1 ? updated[0] : 'not-quarantined';
    } catch (error) {
      if (!isUniqueViolation(error, LIVE_MESSAGE_ID_INDEX)) throw error;
      await this.db.query(`UPDATE delivery SET status = 'superseded' WHERE id = $1 AND status = 'quarantined'`, [id]);
      return 'superseded';
    }
  }

  /** A delivery being reprocessed turned out to be resolved by another one (e.g. a package that came in since). */
  async supersedeProcessing(id: string): Promise<void> {
    await this.db.query(
      `UPDATE delivery SET status = 'superseded', lease_until = NULL, completed_at = now() WHERE id = $1 AND status = 'processing'`,
      [id],
    );
  }

  /** Marks quarantined deliveries of a message superseded once the message has been accepted. */
  async supersedeQuarantined(q: Queryable, messageId: string, acceptedId: string): Promise<void> {
    await q.query(
      `UPDATE delivery SET status = 'superseded' WHERE message_id = $1 AND status = 'quarantined' AND id <> $2`,
      [messageId, acceptedId],
    );
  }

  /**
   * Deliveries left in processing by an instance that died: quarantined as interrupted (their transaction, and with
   * it everything they had written but the bytes, died with the instance). Returns their ids; a sedex delivery is
   * then picked up again from its file.
   */
  async expireLeases(): Promise<string[]> {
    const rows = await this.db.query<[{ id: string }[], number]>(
      `UPDATE delivery SET status = 'quarantined', refusal = $1, lease_until = NULL, completed_at = now()
       WHERE status = 'processing' AND lease_until < now() RETURNING id`,
      [JSON.stringify(INTERRUPTED)],
    );
    return rows[0].map((r) => r.id);
  }

  /** Marks one processing delivery interrupted at once (its own process knows it failed). */
  async interrupt(id: string, refusal: DeliveryRefusal): Promise<void> {
    await this.db.query(
      `UPDATE delivery SET status = 'quarantined', refusal = $2, lease_until = NULL, completed_at = now() WHERE id = $1 AND status = 'processing'`,
      [id, JSON.stringify(refusal)],
    );
  }

  /** Retention: raw bytes of deliveries accepted or resolved more than `days` ago. */
  async purgeRaw(days: number): Promise<number> {
    const rows = await this.db.query<[{ id: string }[], number]>(
      `UPDATE delivery SET raw_purged_at = now()
       WHERE raw_store = 'db' AND raw_purged_at IS NULL AND status IN ('accepted', 'superseded')
         AND completed_at < now() - make_interval(days => $1)
       RETURNING id`,
      [days],
    );
    const ids = rows[0].map((r) => r.id);
    if (ids.length > 0) await this.db.query('DELETE FROM delivery_raw WHERE delivery_id = ANY($1)', [ids]);
    return ids.length;
  }

  private async retryOnStaleHolder(messageId: string | null, write: () => Promise<unknown>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await write();
        return;
      } catch (error) {
        if (messageId === null || !isUniqueViolation(error, LIVE_MESSAGE_ID_INDEX)) throw error;
        const holder = await this.findLive(messageId);
        if (!holder) {
          if (attempt < 3) continue; // the holder finished (e.g. was quarantined) between the write and the lookup
          throw error;
        }
        // A holder whose lease ran out belongs to a dead process: quarantine it and take the message over.
        const expired =
          attempt < 3 && holder.status === 'processing' && (await this.expireLeases()).includes(holder.id);
        if (!expired) throw new DuplicateMessageError(holder.id, holder.status === 'processing');
      }
    }
  }
}
