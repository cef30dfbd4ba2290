import type { OnModuleInit } from '@nestjs/common';
import type { EventConsumers } from '@si/messaging';
import { FIRST_INFORMATION, INTEGRATION_TALK, OFFER_PARTICIPATION, type LedgerBooking } from '../application/ledger-booking.js';

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
    this.consumers.register(CASE_EVENTS_QUEUE, {
      [FIRST_INFORMATION]: (e, em) => this.booking.book(em, e),
      [INTEGRATION_TALK]: (e, em) => this.booking.book(em, e),
      // infra/rabbitmq/topology.json binds the offers' participation events to the same queue.
      [OFFER_PARTICIPATION]: (e, em) => this.booking.book(em, e),
    }, { unhandled: 'ignore' });
  }
}
