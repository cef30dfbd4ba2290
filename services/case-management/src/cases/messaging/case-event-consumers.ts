import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventConsumers, type CloudEvent } from '@si/messaging';
import { DfpaAnswers, type DfpaAnswerData, type DfpaProgressData } from '../application/dfpa-answers.js';
import { RegisterChecks } from '../application/register-checks.js';
import { RegisterFacts } from '../application/register-facts.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { DeadlineQueue } from '../jobs/deadline-queue.js';
import type { DataSource } from 'typeorm';
import type { RegisterBaseDeliveryCompletedV1 } from '@si/contracts';
import type { PersonEventBase, PersonRegisteredData } from './person-event.data.js';
import { personRefsOf } from './person-event.mapper.js';

export const PERSON_QUEUE = 'case-management.person-events';
export const DFPA_QUEUE = 'case-management.dfpa-events';

/** Person events after which a case's first-information deadline may have changed. */
const DEADLINE_EVENTS = new Set(['person.arrived.v1', 'person.moved.v1']);

/**
 * Registers the handlers of this service's two queues. Each handler runs in the consumer's transaction
 * with the inbox row, so a redelivered event is skipped and never opens a second case. After a commit
 * the reminders of opened or transferred cases are scheduled (a lost schedule is caught by the sweep).
 */
@Injectable()
export class CaseEventConsumers implements OnModuleInit {
  constructor(
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
    @Inject(RegisterFacts) private readonly facts: RegisterFacts,
    @Inject(RegisterChecks) private readonly checks: RegisterChecks,
    @Inject(DfpaAnswers) private readonly dfpa: DfpaAnswers,
    @Inject(CaseRepository) private readonly repository: CaseRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DeadlineQueue) private readonly deadlines: DeadlineQueue,
  ) {}

  onModuleInit(): void {
    const data = <T>(e: CloudEvent) => e.data as T;
    this.consumers.register(
      PERSON_QUEUE,
      {
        'person.arrived.v1': (e, em) => this.facts.arrived(em, e.id, data(e)),
        'person.moved.v1': (e, em) => this.facts.moved(em, data(e)),
        'person.departed.v1': (e, em) => this.facts.departed(em, data(e)),
        'person.naturalized.v1': (e, em) => this.facts.naturalized(em, data(e)),
        'person.died.v1': (e, em) => this.facts.died(em, data(e)),
        'person.residence-permit-changed.v1': (e, em) => this.facts.permitChanged(em, data(e)),
        'person.corrected.v1': (e, em) => this.facts.corrected(em, data(e)),
        'person.registered.v1': async (e, em) => {
          await this.facts.registered(em, data(e));
          await this.checks.registered(em, data<PersonRegisteredData>(e));
        },
        'register.base-delivery-completed.v1': (e, em) =>
          this.checks.completed(em, data<RegisterBaseDeliveryCompletedV1>(e)),
      },
      { afterCommit: (events) => void this.scheduleAfter(events) },
    );
    this.consumers.register(
      DFPA_QUEUE,
      {
        'dfpa.case-accepted.v1': (e, em) => this.dfpa.accepted(em, DfpaAnswers.dataOf(e as CloudEvent<DfpaAnswerData>)),
        'dfpa.case-rejected.v1': (e, em) => this.dfpa.rejected(em, DfpaAnswers.dataOf(e as CloudEvent<DfpaAnswerData>)),
        'dfpa.case-returned.v1': (e, em) => this.dfpa.returned(em, DfpaAnswers.dataOf(e as CloudEvent<DfpaAnswerData>)),
        // Of the later dfpa events the case keeps only the coarse status (R25); the rest is reporting's business.
        'dfpa.assessment-completed.v1': (e, em) =>
          this.dfpa.progress(em, e as CloudEvent<DfpaProgressData>, 'assessment-done'),
        'dfpa.plan-agreed.v1': (e, em) => this.dfpa.progress(em, e as CloudEvent<DfpaProgressData>, 'plan-active'),
        'dfpa.case-closed.v1': (e, em) => this.dfpa.progress(em, e as CloudEvent<DfpaProgressData>, 'closed'),
      },
      { unhandled: 'ignore' },
    );
  }

  private async scheduleAfter(events: CloudEvent[]): Promise<void> {
    const refs = events
      .filter((e) => DEADLINE_EVENTS.has(e.type))
      .flatMap((e) => personRefsOf(e.data as unknown as PersonEventBase));
    if (refs.length === 0) return;
    try {
      await this.deadlines.schedule(await this.repository.deadlineTriggers(this.dataSource.manager, refs));
    } catch {
      // The sweep catches reminders that were not scheduled; nothing else depends on this.
    }
  }
}
