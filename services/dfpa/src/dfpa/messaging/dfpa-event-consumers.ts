import type { OnModuleInit } from '@nestjs/common';
import type { CaseClosedV1, CaseDfpaHandoverRequestedV1, CaseTransferredV1 } from '@si/contracts';
import type { LocalDate } from '@si/kernel';
import type { CloudEvent, EventConsumers } from '@si/messaging';
import type { ServedRegions } from '../domain/index.js';
import type { HandoverInbox } from '../application/handover-inbox.js';
import type { DfpaCases } from '../application/dfpa-cases.js';
import type { Deadline } from '../infrastructure/deadline.repository.js';
import type { DeadlineQueue } from '../jobs/deadline-queue.js';

export const handoverQueue = (region: string) => `dfpa.handovers.${region}`;

/**
 * Consumes the queues of the regions this instance serves, and no other: the broker never delivers another region's
 * hand-over here (point 1), nor the closing or move of a case handed to another region (issue 11 point 5: the
 * events carry the region of the case's hand-over, routed as the header `sozialregionid`). A case event for a case
 * this instance does not hold (e.g. one it rejected) is a no-op.
 */
export class DfpaEventConsumers implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly regions: ServedRegions,
    private readonly inbox: HandoverInbox,
    private readonly cases: DfpaCases,
    private readonly queue: DeadlineQueue,
  ) {}

  onModuleInit(): void {
    const pending = new Map<string, Deadline[]>();
    for (const region of this.regions.ids) {
      this.consumers.register(
        handoverQueue(region),
        {
          'case.dfpa-handover-requested.v1': async (e: CloudEvent<CaseDfpaHandoverRequestedV1>, em) => {
            pending.set(e.id, await this.inbox.received(em, e.data));
          },
          'case.closed.v1': async (e: CloudEvent<CaseClosedV1>, em) => {
            await this.inbox.withdrawFor(em, e.data.caseId, 'case-closed');
            await this.cases.municipalCaseClosed(em, e.data.caseId, e.data.closedOn as LocalDate, e.data.reason);
          },
          // A move within the canton keeps the case with its region until the region moves or returns it (point 5).
          'case.transferred.v1': (e: CloudEvent<CaseTransferredV1>, em) =>
            this.cases.municipalCaseTransferred(em, e.data.caseId, e.data.toMunicipality, e.data.movedOn as LocalDate),
        },
        {
          afterCommit: (events) => {
            const deadlines = events.flatMap((e) => pending.get(e.id) ?? []);
            for (const e of events) pending.delete(e.id);
            void this.queue.schedule(deadlines);
          },
        },
      );
    }
  }
}
