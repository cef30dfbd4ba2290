import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@si/kernel';
import type { Handover } from '../domain/index.js';
import type { PageQuery } from './audited-page.js';

interface HandoverRow {
  handover_id: string;
  sozialregion_id: string;
  case_id: string;
  municipality: number;
  person_ref: string;
  requested_on: string;
  answer_due_on: string;
  status: Handover['status'];
  request: Handover['request'];
  reminded: boolean;
}

const toHandover = (r: HandoverRow): Handover & { reminded: boolean } => ({
  handoverId: r.handover_id,
  sozialregionId: r.sozialregion_id,
  caseId: r.case_id,
  municipality: r.municipality,
  personRef: r.person_ref,
  requestedOn: r.requested_on as LocalDate,
  answerDueOn: r.answer_due_on as LocalDate,
  status: r.status,
  request: r.request,
  reminded: r.reminded,
});

const COLUMNS = `h.handover_id, h.sozialregion_id, h.case_id, h.municipality, h.person_ref, h.requested_on::text AS requested_on,
  h.answer_due_on::text AS answer_due_on, h.status, h.request,
  EXISTS (SELECT 1 FROM deadline d WHERE d.kind = 'handover-answer' AND d.subject_id = h.handover_id AND d.reminded_at IS NOT NULL) AS reminded`;

/** The region's inbox: hand-overs as received, each stored once (its id is the key, a redelivery changes nothing). */
export class HandoverRepository {
  /** Stores a received hand-over; false when it was there already. */
  async insert(em: EntityManager, h: Handover): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO handover (handover_id, sozialregion_id, case_id, municipality, person_ref, requested_on, answer_due_on, status, request)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8) ON CONFLICT (handover_id) DO NOTHING RETURNING handover_id`,
      [
        h.handoverId,
        h.sozialregionId,
        h.caseId,
        h.municipality,
        h.personRef,
        h.requestedOn,
        h.answerDueOn,
        JSON.stringify(h.request),
      ],
    );
    return rows.length === 1;
  }

  async find(em: EntityManager, handoverId: string, region: string, forUpdate = false) {
    const rows: HandoverRow[] = await em.query(
      `SELECT ${COLUMNS} FROM handover h WHERE h.handover_id = $1 AND h.sozialregion_id = $2${forUpdate ? ' FOR UPDATE OF h' : ''}`,
      [handoverId, region],
    );
    return rows[0] ? toHandover(rows[0]) : null;
  }

  /**
   * The open hand-overs of `region`, oldest first (the most urgent on top), keyset-paged, as the inbox shows them:
   * the fields of `view` in handover-inbox.ts with the request (person, reason, contact, case summary) merged in.
   * The reminder flag comes from the small partial index `deadline_reminded` (without it, each read hashed every
   * deadline of every region).
   */
  openPage(region: string, limit: number, today: LocalDate, after?: { requestedOn: string; id: string }): PageQuery {
    return {
      name: after ? 'dfpa-inbox-page-after' : 'dfpa-inbox-page',
      select: `SELECT h.handover_id AS id, h.requested_on, h.requested_on::text AS cursor_key,
          jsonb_build_object('handoverId', h.handover_id, 'caseId', h.case_id, 'municipality', h.municipality,
            'requestedOn', h.requested_on, 'answerDueOn', h.answer_due_on, 'overdue', $3::date > h.answer_due_on,
            'reminded', EXISTS (SELECT 1 FROM deadline d WHERE d.kind = 'handover-answer' AND d.subject_id = h.handover_id
              AND d.reminded_at IS NOT NULL),
            'status', h.status) || h.request AS doc
        FROM (SELECT * FROM handover WHERE sozialregion_id = $1 AND status = 'open'
          ${after ? 'AND (requested_on, handover_id) > ($4::date, $5::uuid)' : ''}
          ORDER BY requested_on, handover_id LIMIT $2) h`,
      params: after ? [region, limit, today, after.requestedOn, after.id] : [region, limit, today],
      order: 'page.requested_on, page.id',
    };
  }

  async openForCase(em: EntityManager, caseId: string) {
    const rows: HandoverRow[] = await em.query(
      `SELECT ${COLUMNS} FROM handover h WHERE h.case_id = $1 AND h.status = 'open' FOR UPDATE OF h`,
      [caseId],
    );
    return rows.map(toHandover);
  }

  async answer(
    em: EntityManager,
    handoverId: string,
    status: 'accepted' | 'rejected' | 'withdrawn',
    by: string,
    details: { rejectReason?: string; dfpaCaseId?: string },
  ): Promise<void> {
    await em.query(
      `UPDATE handover SET status = $2, answered_at = now(), answered_by = $3, reject_reason = $4, dfpa_case_id = $5 WHERE handover_id = $1`,
      [handoverId, status, by, details.rejectReason ?? null, details.dfpaCaseId ?? null],
    );
    await em.query(`DELETE FROM deadline WHERE kind = 'handover-answer' AND subject_id = $1`, [handoverId]);
  }
}
