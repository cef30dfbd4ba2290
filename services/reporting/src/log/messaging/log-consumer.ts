import type { OnModuleInit } from '@nestjs/common';
import { loadEventSchemas } from '@si/contracts';
import type { BatchEventHandler, EventConsumers, EventHandlers } from '@si/messaging';
import type { EventLog } from '../infrastructure/event-log.js';
import type { Projector } from '../application/projector.js';

export const LOG_QUEUE = 'reporting.all-events';

/**
 * The event types reporting may log: every contract without personal data. The queue's bindings decide which
 * of them arrive; an event with personal data is never handled here (it would be dead-lettered, not stored).
 */
export function loggableTypes(): string[] {
  return [...loadEventSchemas()]
    .filter(([, schema]) => schema['x-personal-data'] === false)
    .map(([type]) => type)
    .sort();
}

/**
 * Feeds the log: each delivered run of events is appended and projected in the transaction that records their
 * inbox rows, so a redelivery changes nothing. One transaction at a time: the monthly cells are counters that
 * concurrent transactions would fight over, and order does not matter to counts.
 */
export class LogConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly log: EventLog,
    private readonly projector: Projector,
  ) {}

  onModuleInit(): void {
    const handler: BatchEventHandler = {
      batch: async (events, em) => {
        const seqs = await this.log.append(em, events);
        await this.projector.project(em, seqs, new Set(events.map((e) => e.type)));
      },
    };
    const handlers: EventHandlers = Object.fromEntries(loggableTypes().map((type) => [type, handler]));
    this.consumers.register(LOG_QUEUE, handlers, { concurrency: 1, batchSize: 500 });
  }
}
