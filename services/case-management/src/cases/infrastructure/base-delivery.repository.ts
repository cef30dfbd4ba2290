import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface BaseDeliveryRow {
  messageId: string;
  municipality: number;
  seen: number;
  eventDate: string | null;
  persons: number;
  registered: number;
  partialDelivery: {
    uniqueIdDelivery: string | null;
    totalNumberOfPackages: number | null;
    numberOfActualPackage: number | null;
  } | null;
  /** The packages' messageIds when the delivery is a joined partial delivery (every package in); else null. */
  packageMessageIds: string[] | null;
  completedAt: Date;
}

export interface MissingCaseRow {
  caseId: string;
  personRef: string;
  officialName: string;
  firstName: string;
  registrationDate: string;
  status: string;
}

/** base_delivery, base_delivery_line and base_delivery_member (see the migration CreateRegisterChecks). */
@Injectable()
export class BaseDeliveryRepository {
  /** One person.registered.v1 applied; `members` are the person's references when they have a live case. */
  async registered(em: EntityManager, messageId: string, position: number, members: readonly string[]): Promise<void> {
    await em.query('INSERT INTO base_delivery_line (message_id, position) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      messageId,
      position,
    ]);
    if (members.length === 0) return;
    await em.query(
      `INSERT INTO base_delivery_member (message_id, person_ref) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [messageId, members],
    );
  }

  /**
   * Records a complete delivery and forgets the lines and members of the municipality's older ones. A joined partial
   * delivery names its packages (`packageMessageIds`): its lines and members are those of all of them.
   */
  async completed(
    em: EntityManager,
    d: {
      messageId: string;
      municipality: number;
      eventDate: string | null;
      persons: number;
      registered: number;
      partialDelivery: unknown;
      packageMessageIds: string[] | null;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO base_delivery (message_id, municipality, event_date, persons, registered, partial_delivery, package_message_ids, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (message_id) DO UPDATE SET event_date = $3, persons = $4, registered = $5, partial_delivery = $6, package_message_ids = $7, completed_at = now()`,
      [
        d.messageId,
        d.municipality,
        d.eventDate,
        d.persons,
        d.registered,
        d.partialDelivery === null ? null : JSON.stringify(d.partialDelivery),
        d.packageMessageIds,
      ],
    );
    const current =
      'SELECT unnest(COALESCE(package_message_ids, ARRAY[message_id])) FROM base_delivery WHERE message_id = $2';
    const older = `SELECT unnest(COALESCE(package_message_ids, ARRAY[message_id])) FROM base_delivery WHERE municipality = $1 AND message_id <> $2
      EXCEPT ${current}`;
    await em.query(`DELETE FROM base_delivery_line WHERE message_id IN (${older})`, [d.municipality, d.messageId]);
    await em.query(`DELETE FROM base_delivery_member WHERE message_id IN (${older})`, [d.municipality, d.messageId]);
  }

  /** The municipality's most recently completed base delivery, with the lines of it applied so far. */
  async latest(em: EntityManager, municipality: number): Promise<BaseDeliveryRow | undefined> {
    const rows: BaseDeliveryRow[] = await em.query(
      `SELECT message_id AS "messageId", municipality, to_char(event_date, 'YYYY-MM-DD') AS "eventDate", persons, registered,
         partial_delivery AS "partialDelivery", package_message_ids AS "packageMessageIds", completed_at AS "completedAt",
         (SELECT count(*)::int FROM base_delivery_line l WHERE l.message_id = ANY(COALESCE(d.package_message_ids, ARRAY[d.message_id]))) AS seen
       FROM base_delivery d WHERE municipality = $1 ORDER BY completed_at DESC LIMIT 1`,
      [municipality],
    );
    return rows[0];
  }

  /**
   * Live cases of the municipality, registered on or before the delivery's date, whose person the delivery does
   * not list (under any of the references it carried).
   */
  async missing(em: EntityManager, delivery: BaseDeliveryRow): Promise<MissingCaseRow[]> {
    return em.query(
      `SELECT c.case_id AS "caseId", c.person_ref AS "personRef", c.official_name AS "officialName", c.first_name AS "firstName",
         to_char(c.registration_date, 'YYYY-MM-DD') AS "registrationDate", c.status
       FROM case_record c
       WHERE c.municipality = $1 AND c.status <> 'closed' AND ($2::date IS NULL OR c.registration_date <= $2::date)
         AND NOT EXISTS (SELECT 1 FROM base_delivery_member m WHERE m.message_id = ANY($3::text[]) AND m.person_ref = c.person_ref)
       ORDER BY c.sort_name, c.case_id`,
      [delivery.municipality, delivery.eventDate, delivery.packageMessageIds ?? [delivery.messageId]],
    );
  }
}
