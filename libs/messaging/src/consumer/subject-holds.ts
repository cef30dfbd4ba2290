import type { EntityManager } from 'typeorm';

/** One message of a held subject: the `blocker` (in delayed retry) or a later one `held` behind it. */
export interface SubjectHold {
  messageId: string;
  role: 'blocker' | 'held';
  /** The retry queue the message was sent to; later messages of the subject follow it there. */
  retryQueue: string;
}

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Per-subject order under delayed retry (issue 9 point 3), kept in PostgreSQL so it survives restarts and a
 * change of the active consumer: while a message of subject S waits in a retry queue (the blocker), every later
 * message of S is sent after it into the same retry queue (held) instead of being applied. The retry queues are
 * FIFO with one TTL each, so the blocker comes back first and the held messages after it, in their order. A held
 * message is applied when it comes back and no blocker is pending; a new message of S waits behind the held ones
 * as long as any is out. A blocker that is finally dead-lettered releases its subject.
 */
export class SubjectHolds {
  constructor(
    private readonly consumer: string,
    private readonly queue: string,
  ) {}

  /** The holds of these subjects, oldest first. */
  async of(db: Queryable, subjects: string[]): Promise<Map<string, SubjectHold[]>> {
    const rows: { subject: string; message_id: string; role: 'blocker' | 'held'; retry_queue: string }[] =
      await db.query(
        `SELECT subject, message_id, role, retry_queue FROM subject_hold
       WHERE consumer = $1 AND queue = $2 AND subject = ANY($3) ORDER BY held_at, message_id`,
        [this.consumer, this.queue, subjects],
      );
    const bySubject = new Map<string, SubjectHold[]>();
    for (const r of rows) {
      const list = bySubject.get(r.subject) ?? [];
      list.push({ messageId: r.message_id, role: r.role, retryQueue: r.retry_queue });
      bySubject.set(r.subject, list);
    }
    return bySubject;
  }

  /** Whether this queue holds any subject (when not, batches skip the lookup). */
  async any(db: Queryable): Promise<boolean> {
    const rows: { held: boolean }[] = await db.query(
      'SELECT EXISTS (SELECT 1 FROM subject_hold WHERE consumer = $1 AND queue = $2) AS held',
      [this.consumer, this.queue],
    );
    return rows[0]?.held === true;
  }

  /** `messageId` goes to delayed retry: it blocks its subject (a held message that failed becomes the blocker). */
  async block(db: Queryable, subject: string, messageId: string, retryQueue: string): Promise<void> {
    await db.query(
      `INSERT INTO subject_hold (consumer, queue, subject, message_id, role, retry_queue) VALUES ($1, $2, $3, $4, 'blocker', $5)
       ON CONFLICT (consumer, queue, message_id) DO UPDATE SET role = 'blocker', retry_queue = EXCLUDED.retry_queue`,
      [this.consumer, this.queue, subject, messageId, retryQueue],
    );
  }

  /** `messageId` waits behind its subject's blocker or earlier held messages (idempotent: a redelivery keeps its place). */
  async hold(db: Queryable, subject: string, messageId: string, retryQueue: string): Promise<void> {
    await db.query(
      `INSERT INTO subject_hold (consumer, queue, subject, message_id, role, retry_queue) VALUES ($1, $2, $3, $4, 'held', $5)
       ON CONFLICT (consumer, queue, message_id) DO UPDATE SET retry_queue = EXCLUDED.retry_queue`,
      [this.consumer, this.queue, subject, messageId, retryQueue],
    );
  }

  /** The message was applied (in `db`'s transaction) or dead-lettered: it holds nothing any more. */
  async release(db: Queryable, messageId: string): Promise<void> {
    await db.query('DELETE FROM subject_hold WHERE consumer = $1 AND queue = $2 AND message_id = $3', [
      this.consumer,
      this.queue,
      messageId,
    ]);
  }
}
