import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditLog } from '@si/audit';
import type { CaseDfpaHandoverRequestedV1 } from '@si/contracts';
import type { LocalDate } from '@si/kernel';
import { PermanentEventError, type Outbox } from '@si/messaging';
import { acceptHandover, addWorkingDays, rejectHandover, type Handover, type ServedRegions } from '../domain/index.js';
import type { HandoverRepository } from '../infrastructure/handover.repository.js';
import { pageJson, readAuditedPage } from '../infrastructure/audited-page.js';
import type { Deadline, DeadlineRepository } from '../infrastructure/deadline.repository.js';
import type { DeadlineQueue } from '../jobs/deadline-queue.js';
import type { Clock } from '../../shared/clock.js';
import { notFound } from '../../shared/problems.js';
import type { DfpaCaller } from './caller.js';
import type { DfpaWrites } from './dfpa-writes.js';

export interface InboxItem {
  handoverId: string;
  caseId: string;
  municipality: number;
  requestedOn: string;
  answerDueOn: string;
  overdue: boolean;
  reminded: boolean;
  status: string;
  [key: string]: unknown;
}

/** The region's inbox of hand-overs (point 2): received from the region's own queue, answered by its staff or system. */
export class HandoverInbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly handovers: HandoverRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly writes: DfpaWrites,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly queue: DeadlineQueue,
    private readonly clock: Clock,
    private readonly regions: ServedRegions,
    private readonly answerWorkingDays: number,
  ) {}

  /**
   * case.dfpa-handover-requested.v1 from a region queue. Delivery is per region already; a hand-over for a region
   * this instance does not serve can only mean a misbound queue, so it is dead-lettered, never stored.
   */
  async received(em: EntityManager, d: CaseDfpaHandoverRequestedV1): Promise<Deadline[]> {
    if (!this.regions.serves(d.sozialregionId))
      throw new PermanentEventError(
        `hand-over for Sozialregion ${d.sozialregionId}, which this instance does not serve`,
      );
    const requestedOn = d.requestedOn as LocalDate;
    const answerDueOn = addWorkingDays(requestedOn, this.answerWorkingDays);
    const h: Handover = {
      handoverId: d.handoverId,
      sozialregionId: d.sozialregionId,
      caseId: d.caseId,
      municipality: d.municipality,
      personRef: d.person.personRef,
      requestedOn,
      answerDueOn,
      status: 'open',
      request: {
        person: d.person as unknown as Handover['request']['person'],
        reason: d.reason,
        contact: d.contact,
        requestedBy: d.requestedBy,
        caseSummary: d.caseSummary,
      },
    };
    if (!(await this.handovers.insert(em, h))) return [];
    const deadline: Deadline = {
      kind: 'handover-answer',
      subjectId: h.handoverId,
      ref: 'answer',
      sozialregionId: h.sozialregionId,
      dueOn: answerDueOn,
      remindOn: answerDueOn,
    };
    await this.deadlines.set(em, deadline);
    await this.audit.record(em, {
      actor: {
        subject: 'system:dfpa:handover-queue',
        username: 'dfpa/handover-queue',
        roles: ['system'],
        scope: { sozialregion: h.sozialregionId },
      },
      action: 'dfpa.handover.received',
      objectType: 'handover',
      objectId: h.handoverId,
      municipality: h.municipality,
      outcome: 'granted',
      detail: { caseId: h.caseId, receivedPersonFields: Object.keys(d.person).sort() },
    });
    return [deadline];
  }

  /** The municipal case was closed or moved before the region answered: the offer lapses. */
  async withdrawFor(em: EntityManager, caseId: string, why: string): Promise<void> {
    for (const h of await this.handovers.openForCase(em, caseId)) {
      await this.handovers.answer(em, h.handoverId, 'withdrawn', `system:${why}`, {});
    }
  }

  /** The inbox page as JSON text (assembled by PostgreSQL in the statement that writes its audit record). */
  async list(
    caller: DfpaCaller,
    page: { limit: number; after?: { requestedOn: string; id: string } },
  ): Promise<string> {
    const read = await readAuditedPage(
      this.dataSource,
      this.handovers.openPage(caller.region, page.limit, this.clock.today(), page.after),
      {
        actor: caller.audit,
        action: 'dfpa.handover.list',
        objectType: 'handover',
        objectId: `sozialregion=${caller.region}`,
        detailKey: 'handovers',
      },
    );
    return pageJson(read, page.limit);
  }

  async get(caller: DfpaCaller, handoverId: string): Promise<InboxItem> {
    const h = await this.handovers.find(this.dataSource.manager, handoverId, caller.region);
    await this.audit.recordAlone({
      actor: caller.audit,
      action: 'dfpa.handover.read',
      objectType: 'handover',
      objectId: handoverId,
      ...(h ? { municipality: h.municipality } : {}),
      outcome: h ? 'granted' : 'denied',
    });
    if (!h) throw notFound('handover');
    return view(h, this.clock.today());
  }

  async accept(caller: DfpaCaller, handoverId: string, caseworker: unknown): Promise<{ dfpaCaseId: string }> {
    const ctx = { actor: caller.actor, today: this.clock.today() };
    const scheduled = await this.dataSource.transaction(async (em) => {
      const h = await this.found(em, caller, handoverId);
      const change = acceptHandover(h, { dfpaCaseId: randomUUID(), caseworker }, ctx);
      await this.handovers.answer(em, h.handoverId, 'accepted', caller.actor.username, {
        dfpaCaseId: change.state.dfpaCaseId,
      });
      const deadlines = await this.writes.write(
        em,
        change,
        { audit: caller.audit, username: caller.actor.username },
        true,
      );
      return { deadlines, dfpaCaseId: change.state.dfpaCaseId };
    });
    await this.queue.schedule(scheduled.deadlines);
    return { dfpaCaseId: scheduled.dfpaCaseId };
  }

  async reject(
    caller: DfpaCaller,
    handoverId: string,
    input: { reasonCode: unknown; reason?: unknown },
  ): Promise<void> {
    const ctx = { actor: caller.actor, today: this.clock.today() };
    await this.dataSource.transaction(async (em) => {
      const h = await this.found(em, caller, handoverId);
      const answer = rejectHandover(h, input, ctx);
      await this.handovers.answer(em, h.handoverId, 'rejected', caller.actor.username, {
        rejectReason: String(answer.details.reasonCode),
      });
      await this.outbox.add(em, answer.event);
      await this.audit.record(em, {
        actor: caller.audit,
        action: 'dfpa.handover.rejected',
        objectType: 'handover',
        objectId: h.handoverId,
        municipality: h.municipality,
        outcome: 'granted',
        detail: answer.details,
      });
    });
  }

  private async found(em: EntityManager, caller: DfpaCaller, handoverId: string) {
    const h = await this.handovers.find(em, handoverId, caller.region, true);
    if (!h) {
      await this.audit.recordAlone({
        actor: caller.audit,
        action: 'dfpa.handover.answer',
        objectType: 'handover',
        objectId: handoverId,
        outcome: 'denied',
      });
      throw notFound('handover');
    }
    return h;
  }
}

/** One hand-over as the inbox shows it; the list builds the same lines in SQL (`HandoverRepository.openPage`). */
function view(h: Handover & { reminded: boolean }, today: LocalDate): InboxItem {
  return {
    handoverId: h.handoverId,
    caseId: h.caseId,
    municipality: h.municipality,
    requestedOn: h.requestedOn,
    answerDueOn: h.answerDueOn,
    overdue: h.status === 'open' && today > h.answerDueOn,
    reminded: h.reminded,
    status: h.status,
    ...h.request,
  };
}
