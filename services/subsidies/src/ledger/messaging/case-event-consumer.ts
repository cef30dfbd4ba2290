import type { OnModuleInit } from '@nestjs/common';
import type { BatchEventHandler, EventConsumers } from '@si/messaging';
import {
  FIRST_INFORMATION,
  INTEGRATION_TALK,
  OFFER_PARTICIPATION,
  type LedgerBooking,
} from '../application/ledger-booking.js';

export const CASE_EVENTS_QUEUE = 'subsidies.case-events';

/**
 * The ledger's intake: case and offer events through @si/messaging's idempotent consumer (the inbox row commits
 * with the booking, so a redelivered event books nothing twice). The case queue's other events (opened,
 * closed, …) earn nothing and are acknowledged without effect.
 */
export class CaseEventConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly booking: LedgerBooking,
  ) {}

  onModuleInit(): void {
    // A run of events is booked in one go; if it fails, the consumer retries each event alone.
    const batch: BatchEventHandler = { batch: (events, em) => this.booking.bookAll(em, events) };
    this.consumers.register(
      CASE_EVENTS_QUEUE,
      {
        [FIRST_INFORMATION]: batch,
        [INTEGRATION_TALK]: batch,
        // infra/rabbitmq/topology.json binds the offers' participation events to the same queue.
        [OFFER_PARTICIPATION]: batch,
      },
      { unhandled: 'ignore', batchSize: 500, prefetch: 2_000 },
    );
  }
}
