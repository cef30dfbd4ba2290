import type { DataSource } from 'typeorm';
import type { Logger } from '@si/observability';
import type { ReportingReference } from '../../shared/reference.js';
import { REMINDERS, addDays, type ReminderKind } from '../domain/response-state.js';

/**
 * Sends the reminders of a round (14 and 3 days before the deadline, 1 day after) to every municipality whose
 * response is still outstanding. "Sending" records the reminder (the workspace shows it to the IB); the key
 * (round, municipality, kind) makes the delayed job and the reconciliation sweep send each reminder once.
 */
export class Reminders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReportingReference,
    private readonly logger: Logger,
  ) {}

  /** Sends the reminders of `kind` that are due by `today`; returns how many were new. */
  async sendDue(roundId: string, kind: ReminderKind, today: string, now: string): Promise<number> {
    const [round] = await this.dataSource.query(
      `SELECT id, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM sd_round WHERE id = $1`,
      [roundId],
    );
    if (!round) return 0;
    const reminder = REMINDERS.find((r) => r.kind === kind);
    if (!reminder) return 0;
    const dueOn = addDays(round.deadline, reminder.offsetDays);
    if (dueOn > today) return 0;
    const municipalities = [...this.reference.municipalities.keys()];
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO sd_reminder (round_id, municipality, kind, due_on, sent_at)
       SELECT $1, m, $2, $3, $4 FROM unnest($5::int[]) m
       WHERE NOT EXISTS (SELECT 1 FROM sd_response r WHERE r.round_id = $1 AND r.municipality = m AND r.state IN ('submitted', 'accepted'))
       ON CONFLICT DO NOTHING RETURNING municipality`,
      [roundId, kind, dueOn, now, municipalities],
    );
    if (inserted.length)
      this.logger.info({ roundId, kind, reminders: inserted.length }, 'self-declaration reminders sent');
    return inserted.length;
  }

  /** The reconciliation: every due reminder of every round whose last reminder day has not long passed. */
  async sweep(today: string, now: string): Promise<number> {
    const rounds: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM sd_round WHERE deadline >= $1::date - 30`,
      [today],
    );
    let sent = 0;
    for (const r of rounds) for (const { kind } of REMINDERS) sent += await this.sendDue(r.id, kind, today, now);
    return sent;
  }

  async list(roundId: string): Promise<{ municipality: number; kind: string; dueOn: string; sentAt: string }[]> {
    const rows = await this.dataSource.query(
      `SELECT municipality, kind, to_char(due_on, 'YYYY-MM-DD') AS due_on, sent_at FROM sd_reminder WHERE round_id = $1 ORDER BY due_on, municipality`,
      [roundId],
    );
    return rows.map((r: Record<string, unknown>) => ({
      municipality: Number(r['municipality']),
      kind: String(r['kind']),
      dueOn: String(r['due_on']),
      sentAt: new Date(String(r['sent_at'])).toISOString(),
    }));
  }
}
