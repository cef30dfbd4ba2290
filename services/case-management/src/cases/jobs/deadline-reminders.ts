import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LocalDate } from '../domain/index.js';

/**
 * The reminder's effect, shared by the BullMQ job and the reconciliation sweep: one `deadline_reminder`
 * row per case and due date (primary key), so a job that runs twice, a job and the sweep, or two service
 * instances, remind once. State is re-read here; the job only says "look at this case now".
 */
@Injectable()
export class DeadlineReminders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The job: reminds if the case still has that due date pending and its reminder day has come. */
  async remindCase(caseId: string, due: LocalDate, today: LocalDate): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO deadline_reminder (case_id, due, source)
       SELECT case_id, first_information_due, 'job' FROM case_record
       WHERE case_id = $1 AND first_information_due = $2 AND reminder_on <= $3
       ON CONFLICT DO NOTHING RETURNING case_id`,
      [caseId, due, today],
    );
    return rows.length > 0;
  }

  /** The sweep: every case whose reminder day has passed without a reminder (Redis lost the job, or it never got there). */
  async sweep(today: LocalDate): Promise<string[]> {
    const rows: { case_id: string }[] = await this.dataSource.query(
      `INSERT INTO deadline_reminder (case_id, due, source)
       SELECT c.case_id, c.first_information_due, 'sweep' FROM case_record c
       WHERE c.reminder_on <= $1
         AND NOT EXISTS (SELECT 1 FROM deadline_reminder r WHERE r.case_id = c.case_id AND r.due = c.first_information_due)
       ON CONFLICT DO NOTHING RETURNING case_id`,
      [today],
    );
    return rows.map((r) => r.case_id);
  }

  async remindersOf(caseId: string): Promise<{ due: string; remindedAt: string; source: string }[]> {
    const rows: { due: string; reminded_at: Date; source: string }[] = await this.dataSource.query(
      'SELECT due::text AS due, reminded_at, source FROM deadline_reminder WHERE case_id = $1 ORDER BY reminded_at',
      [caseId],
    );
    return rows.map((r) => ({ due: r.due, remindedAt: r.reminded_at.toISOString(), source: r.source }));
  }
}
