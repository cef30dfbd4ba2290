import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '../events/cloud-event.js';

/** Applies one event's effect with `em`, which belongs to the transaction that also records the inbox row. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventHandler<T = any> = (event: CloudEvent<T>, em: EntityManager) => Promise<void>;

/**
 * Applies a run of consecutive events of one type at once (e.g. one multi-row INSERT for a projection), in the
 * transaction that records their inbox rows. The events come in delivery order, which keeps the order per
 * subject. It runs without a per-event correlation context: pass `correlationId`/`causationId` explicitly
 * when it emits events. If it throws, each event is retried alone (a batch of one) to isolate the culprit.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface BatchEventHandler<T = any> {
  batch: (events: CloudEvent<T>[], em: EntityManager) => Promise<void>;
}

/** Handlers by event type: one event at a time (the default) or a {@link BatchEventHandler}. */
export type EventHandlers = Record<string, EventHandler | BatchEventHandler>;
