import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@si/kernel';
import { returnedRows } from './returned-rows.js';

export type DeadlineKind = 'handover-answer' | 'plan-review' | 'measure-end';

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly subjectId: string;
  readonly ref: string;
  readonly sozialregionId: string;
  readonly dueOn: LocalDate;
  readonly remindOn: LocalDate;
}

/**
 * Deadlines live in PostgreSQL, written with the change that sets them; BullMQ jobs only wake the reminder up and the
 * sweep catches what Redis lost. A reminder is `reminded_at` on the row, set once whoever comes first (job, sweep,
 * another instance). A changed due date resets the reminder.
 */
export class DeadlineRepository {
  async set(em: EntityManager, d: Deadline): Promise<void> {
    await em.query(
      `INSERT INTO deadline (kind, subject_id, ref, sozialregion_id, due_on, remind_on) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, subject_id, ref) DO UPDATE SET due_on = EXCLUDED.due_on, remind_on = EXCLUDED.remind_on,
         reminded_at = CASE WHEN deadline.due_on = EXCLUDED.due_on THEN deadline.reminded_at END,
         reminded_by = CASE WHEN deadline.due_on = EXCLUDED.due_on THEN deadline.reminded_by END`,
      [d.kind, d.subjectId, d.ref, d.sozialregionId, d.dueOn, d.remindOn],
    );
  }

  async clear(em: EntityManager, kind: DeadlineKind, subjectId: string, ref?: string): Promise<void> {
    await em.query(
      `DELETE FROM deadline WHERE kind = $1 AND subject_id = $2${ref ? ' AND ref = $3' : ''}`,
      ref ? [kind, subjectId, ref] : [kind, subjectId],
    );
  }

  async keepOnly(em: EntityManager, subjectId: string, kinds: DeadlineKind[], refs: string[]): Promise<void> {
    await em.query(
      'DELETE FROM deadline WHERE subject_id = $1 AND kind = ANY($2::text[]) AND NOT (ref = ANY($3::text[]))',
      [subjectId, kinds, refs],
    );
  }

  /** The job: reminds this deadline if it still has that due date and its day has come. */
  async remindOne(
    em: EntityManager,
    d: { kind: DeadlineKind; subjectId: string; ref: string; dueOn: string },
    today: LocalDate,
  ): Promise<boolean> {
    const rows = returnedRows(
      await em.query(
        `UPDATE deadline SET reminded_at = now(), reminded_by = 'job'
       WHERE kind = $1 AND subject_id = $2 AND ref = $3 AND due_on = $4 AND remind_on <= $5 AND reminded_at IS NULL RETURNING kind`,
        [d.kind, d.subjectId, d.ref, d.dueOn, today],
      ),
    );
    return rows.length === 1;
  }

  /** The sweep: every deadline whose reminder day has come without a reminder. */
  async sweep(
    em: EntityManager,
    today: LocalDate,
  ): Promise<{ kind: DeadlineKind; subjectId: string; sozialregionId: string }[]> {
    const rows = returnedRows<{ kind: DeadlineKind; subject_id: string; sozialregion_id: string }>(
      await em.query(
        `UPDATE deadline SET reminded_at = now(), reminded_by = 'sweep' WHERE remind_on <= $1 AND reminded_at IS NULL
       RETURNING kind, subject_id, sozialregion_id`,
        [today],
      ),
    );
    return rows.map((r) => ({ kind: r.kind, subjectId: r.subject_id, sozialregionId: r.sozialregion_id }));
  }

  async ofSubject(em: EntityManager, subjectId: string) {
    const rows: { kind: DeadlineKind; ref: string; due_on: string; remind_on: string; reminded_at: Date | null }[] =
      await em.query(
        'SELECT kind, ref, due_on::text AS due_on, remind_on::text AS remind_on, reminded_at FROM deadline WHERE subject_id = $1 ORDER BY due_on',
        [subjectId],
      );
    return rows.map((r) => ({
      kind: r.kind,
      ref: r.ref,
      dueOn: r.due_on,
      remindOn: r.remind_on,
      remindedAt: r.reminded_at?.toISOString() ?? null,
    }));
  }
}
