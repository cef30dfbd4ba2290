import { randomUUID } from 'node:crypto';
import { overdueRefusal, type PackageHeader, type PartialJoin, type ReceivedPackage } from '../domain/index.js';
import type { Queryable } from './queryable.js';

interface JoinRow {
  id: string;
  senderId: string;
  uniqueIdDelivery: string;
  municipality: number;
  totalPackages: number;
  status: PartialJoin['status'];
  firstReceivedAt: Date;
  deadlineAt: Date;
  reportDeliveryId: string | null;
}

const JOIN_COLUMNS = `id, sender_id AS "senderId", unique_id_delivery AS "uniqueIdDelivery", municipality, total_packages AS "totalPackages",
  status, first_received_at AS "firstReceivedAt", deadline_at AS "deadlineAt", report_delivery_id AS "reportDeliveryId"`;

/**
 * SQL of partial deliveries (see the migration CreatePartialDeliveries). The packages of one partial delivery meet
 * at its row, locked FOR UPDATE in the transaction that accepts a package: two packages (or a package and the
 * overdue job) never decide on the same join at once, whichever instance runs them.
 */
export class PartialDeliveryRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * The join a package belongs to, locked for the caller's transaction; created (deadline = now + `timeoutSeconds`)
   * by its first package. A package of a join created concurrently waits here until that transaction ends.
   */
  async lock(
    q: Queryable,
    pkg: PackageHeader,
    municipality: number,
    timeoutSeconds: number,
  ): Promise<{ join: PartialJoin; created: boolean }> {
    const inserted = await q.query<{ id: string }[]>(
      `INSERT INTO partial_delivery (id, sender_id, unique_id_delivery, municipality, total_packages, status, deadline_at)
       VALUES ($1, $2, $3, $4, $5, 'open', now() + make_interval(secs => $6))
       ON CONFLICT (sender_id, unique_id_delivery) DO NOTHING RETURNING id`,
      [randomUUID(), pkg.senderId, pkg.uniqueIdDelivery, municipality, pkg.totalNumberOfPackages, timeoutSeconds],
    );
    const rows = await q.query<JoinRow[]>(
      `SELECT ${JOIN_COLUMNS} FROM partial_delivery WHERE sender_id = $1 AND unique_id_delivery = $2 FOR UPDATE`,
      [pkg.senderId, pkg.uniqueIdDelivery],
    );
    return { join: await this.withPackages(q, rows[0]), created: inserted.length === 1 };
  }

  async addPackage(q: Queryable, joinId: string, p: ReceivedPackage): Promise<void> {
    await q.query(
      `INSERT INTO partial_delivery_package (partial_delivery_id, number, delivery_id, message_id, event_date, persons, registered)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [joinId, p.number, p.deliveryId, p.messageId, p.eventDate, p.persons, p.registered],
    );
  }

  /** Every package is in: the join is closed, and its overdue report (if any) resolved. */
  async markJoined(q: Queryable, join: PartialJoin): Promise<void> {
    await q.query(`UPDATE partial_delivery SET status = 'joined', joined_at = now() WHERE id = $1`, [join.id]);
    if (join.reportDeliveryId) {
      await q.query(
        `UPDATE delivery SET status = 'superseded', completed_at = now() WHERE id = $1 AND status = 'quarantined'`,
        [join.reportDeliveryId],
      );
    }
  }

  /** The delivery that carried package `number` of a partial delivery, if it is in (not locking). */
  async packageDelivery(pkg: PackageHeader): Promise<string | undefined> {
    const rows = await this.db.query<{ deliveryId: string }[]>(
      `SELECT p.delivery_id AS "deliveryId" FROM partial_delivery_package p JOIN partial_delivery j ON j.id = p.partial_delivery_id
       WHERE j.sender_id = $1 AND j.unique_id_delivery = $2 AND p.number = $3`,
      [pkg.senderId, pkg.uniqueIdDelivery, pkg.numberOfActualPackage],
    );
    return rows[0]?.deliveryId;
  }

  async deadlineOf(joinId: string): Promise<Date | undefined> {
    const rows = await this.db.query<{ deadlineAt: Date }[]>(
      `SELECT deadline_at AS "deadlineAt" FROM partial_delivery WHERE id = $1`,
      [joinId],
    );
    return rows[0]?.deadlineAt;
  }

  /** Joins still open past their deadline (the sweep). */
  async overdue(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT id FROM partial_delivery WHERE status = 'open' AND deadline_at <= now() ORDER BY deadline_at`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Reports a join still open past its deadline in the quarantine: a delivery row (status quarantined, refusal
   * partial-delivery-incomplete) seen by whoever sees its packages (same submitter, scope and municipality), and the
   * join becomes overdue. Once only: a join no longer open, not yet due or complete is left alone. Returns the
   * report's id.
   */
  async reportOverdue(q: Queryable, joinId: string): Promise<string | null> {
    const rows = await q.query<JoinRow[]>(
      `SELECT ${JOIN_COLUMNS} FROM partial_delivery WHERE id = $1 AND status = 'open' AND deadline_at <= now() FOR UPDATE`,
      [joinId],
    );
    if (!rows[0]) return null;
    const join = await this.withPackages(q, rows[0]);
    if (join.packages.length >= join.totalPackages) return null;
    const reportId = randomUUID();
    const first = [...join.packages].sort((a, b) => a.number - b.number)[0];
    const notes = [
      `partial delivery ${join.uniqueIdDelivery}: packages received as deliveries ${join.packages.map((p) => `${p.number} = ${p.deliveryId}`).join(', ')}`,
    ];
    await q.query(
      `INSERT INTO delivery (id, message_id, source, submitted_by, submitted_by_subject, status, municipality, municipality_hint, scope, sender_id,
         event_element, test_delivery, refusal, notes, raw_store, received_at, completed_at)
       SELECT $1, NULL, source, submitted_by, submitted_by_subject, 'quarantined', $3, municipality_hint, scope, $4,
         'baseDelivery', test_delivery, $5, $6, 'none', now(), now()
       FROM delivery WHERE id = $2`,
      [
        reportId,
        first.deliveryId,
        join.municipality,
        join.senderId,
        JSON.stringify(overdueRefusal(join)),
        JSON.stringify(notes),
      ],
    );
    await q.query(`UPDATE partial_delivery SET status = 'overdue', report_delivery_id = $2 WHERE id = $1`, [
      join.id,
      reportId,
    ]);
    return reportId;
  }

  private async withPackages(q: Queryable, row: JoinRow): Promise<PartialJoin> {
    const packages = await q.query<ReceivedPackage[]>(
      `SELECT number, delivery_id AS "deliveryId", message_id AS "messageId", to_char(event_date, 'YYYY-MM-DD') AS "eventDate", persons, registered
       FROM partial_delivery_package WHERE partial_delivery_id = $1 ORDER BY number`,
      [row.id],
    );
    return { ...row, packages };
  }
}
