import type { EntityManager } from 'typeorm';
import { correlation } from '@si/observability';
import { buildCloudEvent, type CloudEvent, type NewEvent } from '../events/cloud-event.js';
import type { EventValidator } from '../events/event-validator.js';

export interface OutboxOptions {
  /** The producing service, e.g. `case-management`; becomes the events' source `/si/<service>`. */
  source: string;
  validator: EventValidator;
}

/**
 * Writes events into the outbox inside the caller's transaction: the events exist if and only if the state
 * change commits (no dual write). Each event is validated against its contract before the insert, so an
 * invalid event fails the use case instead of reaching consumers. Order of `add` calls (and of the events
 * within one call) is the publication order; writers of one subject must be serialised by the aggregate's
 * row lock (as any state change of it is), so that insert order matches commit order per subject.
 */
export class Outbox {
  constructor(private readonly options: OutboxOptions) {}

  /** Builds and validates the envelopes, inserts them with `em` (which must be in a transaction), returns them. */
  async add<T>(em: EntityManager, ...events: NewEvent<T>[]): Promise<CloudEvent<T>[]> {
    if (events.length === 0) return [];
    if (!em.queryRunner?.isTransactionActive)
      throw new Error('Outbox.add needs the EntityManager of a running transaction');
    const context = correlation.current();
    const envelopes = events.map((e) => buildCloudEvent(this.options.source, e, context));
    for (const envelope of envelopes) this.options.validator.validate(envelope);
    // One JSON array as the only parameter: an array of JSON texts would be escaped element by element by the
    // driver, which cost more than the insert itself for batches of a base delivery.
    await em.query(
      `INSERT INTO outbox (id, type, subject, payload)
       SELECT (e->>'id')::uuid, e->>'type', e->>'subject', e FROM json_array_elements($1::json) WITH ORDINALITY AS x(e, ord) ORDER BY ord`,
      [JSON.stringify(envelopes)],
    );
    return envelopes;
  }
}
