import type { EntityManager } from 'typeorm';
import type { AuditActor, AuditLog } from '@si/audit';
import type { Outbox } from '@si/messaging';
import type { Change, DfpaCaseState } from '../domain/index.js';
import type { DfpaCaseRepository } from '../infrastructure/dfpa-case.repository.js';
import type { Deadline, DeadlineRepository } from '../infrastructure/deadline.repository.js';
import type { LocalDate } from '@si/kernel';
import { addDays } from '@si/kernel';

/**
 * Writes one change of a DFPA case in the caller's transaction: the row, a history line, the events (outbox), the
 * audit record and the deadlines the new state implies. Returns the deadlines to schedule after the commit.
 */
export class DfpaWrites {
  constructor(
    private readonly cases: DfpaCaseRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly reminderLeadDays: number,
  ) {}

  async write(
    em: EntityManager,
    change: Change,
    who: { audit: AuditActor; username: string },
    isNew = false,
  ): Promise<Deadline[]> {
    const s = change.state;
    if (isNew) await this.cases.insert(em, s);
    else await this.cases.update(em, s);
    await this.cases.history(em, s.dfpaCaseId, who.username, change.action, change.details);
    await this.outbox.add(em, ...change.events.map((e) => ({ type: e.type, subject: e.subject, data: e.data })));
    await this.audit.record(em, {
      actor: who.audit,
      action: `dfpa.case.${change.action}`,
      objectType: 'dfpa-case',
      objectId: s.dfpaCaseId,
      ...(s.municipality ? { municipality: s.municipality } : {}),
      outcome: 'granted',
      detail: { version: s.version, events: change.events.map((e) => e.type) },
    });
    return this.syncDeadlines(em, s);
  }

  /** Plan review and measure ends while the case is active; none once it is not. */
  private async syncDeadlines(em: EntityManager, s: DfpaCaseState): Promise<Deadline[]> {
    const wanted: Deadline[] = [];
    const at = (dueOn: LocalDate) => addDays(dueOn, -this.reminderLeadDays);
    if (s.plan && s.status === 'active')
      wanted.push({
        kind: 'plan-review',
        subjectId: s.dfpaCaseId,
        ref: `plan-${s.plan.version}`,
        sozialregionId: s.sozialregionId,
        dueOn: s.plan.reviewOn,
        remindOn: at(s.plan.reviewOn),
      });
    for (const m of s.status === 'active' ? s.measures : []) {
      if (m.status === 'planned' || m.status === 'running')
        wanted.push({
          kind: 'measure-end',
          subjectId: s.dfpaCaseId,
          ref: m.measureId,
          sozialregionId: s.sozialregionId,
          dueOn: m.to,
          remindOn: at(m.to),
        });
    }
    // Upsert what is wanted (an unchanged due date keeps its reminder), drop what is not.
    for (const d of wanted) await this.deadlines.set(em, d);
    await this.deadlines.keepOnly(
      em,
      s.dfpaCaseId,
      ['plan-review', 'measure-end'],
      wanted.map((d) => d.ref),
    );
    return wanted;
  }
}
