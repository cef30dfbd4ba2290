import type { DataSource } from 'typeorm';
import type { PartialDeliveryRepository } from '../infrastructure/partial-delivery.repository.js';

/**
 * The overdue report's effect, shared by the BullMQ job (one per partial delivery, at its deadline) and the
 * reconciliation sweep: the partial delivery's row is locked and must still be open and past its deadline, so a
 * job that runs twice, a job and the sweep, or two instances report it once. The job only says "look at it now".
 */
export class PartialDeliveryDeadlines {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partials: PartialDeliveryRepository,
  ) {}

  /** Reports one partial delivery if it is overdue; returns the quarantine entry's id. */
  async reportIfOverdue(joinId: string): Promise<string | null> {
    return this.dataSource.transaction((em) => this.partials.reportOverdue(em, joinId));
  }

  /** Every open partial delivery past its deadline (Redis lost the job, or the process was down at the time). */
  async sweep(): Promise<string[]> {
    const reported: string[] = [];
    for (const id of await this.partials.overdue()) {
      const report = await this.reportIfOverdue(id);
      if (report) reported.push(report);
    }
    return reported;
  }
}
