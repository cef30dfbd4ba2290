import type { Channel, ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { EntityManager } from 'typeorm';
import { correlation, eventsConsumed } from '@si/observability';
import { AckBatcher } from './ack-batcher.js';
import { AmqpConnection } from '../connection/amqp-connection.js';
import { ConfirmChannelSession } from '../connection/confirm-channel-session.js';
import type { CloudEvent } from '../events/cloud-event.js';
import { PermanentEventError, isTransientInfrastructureError } from './consumer-errors.js';
import { Headers, errorText, type DeathReason } from './dead-letter.js';
import { DeliveryCopies } from './delivery-copies.js';
import { claimInbox } from './inbox.js';
import { SubjectHolds, type SubjectHold } from './subject-holds.js';
import { SubjectLanes } from './subject-lanes.js';
import type { EventConsumerOptions } from './event-consumer.options.js';
import type { BatchEventHandler, EventHandler } from './event-handler.js';
import {
  declareOwnQueues,
  declareTopology,
  findQueue,
  loadTopology,
  resolveTopology,
  type ResolvedQueue,
  type ResolvedTopology,
} from '../topology/topology.js';

export type { EventConsumerOptions } from './event-consumer.options.js';
export type { BatchEventHandler, EventHandler, EventHandlers } from './event-handler.js';

interface Delivery {
  msg: ConsumeMessage;
  acks: AckBatcher;
  generation: number;
  event: CloudEvent;
  attempts: number;
}

/**
 * Consumes one queue into handlers, exactly once per effect:
 * - every message is validated against its contract; an invalid one, or one without handler, is parked in
 *   `<queue>.dlq` at once with the reason (`x-si-death-reason`, `x-si-error`, `x-si-failed-at`);
 * - a transaction records the message id in the inbox (`ON CONFLICT DO NOTHING`: a duplicate is skipped) and
 *   runs the handler with the same EntityManager; the delivery is acked only after the commit. A crash before
 *   the ack means redelivery, and the inbox makes that a no-op;
 * - order per subject: deliveries of one subject are applied one after another in arrival order, different
 *   subjects concurrently (`concurrency` transactions of up to `batchSize` messages). The queues are
 *   single-active-consumer, so with several service instances one consumes and the others stand by;
 * - a handler error isolates the message (the batch is retried one message per transaction), then sends it to
 *   the delayed-retry queues (`retryDelaysMs` of the topology, attempt count in `x-si-attempts`) and after
 *   `maxAttempts` to the DLQ; it does not hold up other subjects. Its own subject waits for it: later messages of
 *   that subject follow it into the same retry queue and are applied after it, in order ({@link SubjectHolds});
 *   once it is dead-lettered they go on without it;
 * - infrastructure errors (database down, deadlock) are retried in place with backoff without counting an
 *   attempt, so a database outage neither reorders nor dead-letters messages;
 * - after a broker restart it reconnects and resumes; deliveries of the lost channel are dropped from memory
 *   and redelivered by the broker.
 */
export class EventConsumer {
  private readonly topology: ResolvedTopology;
  private readonly queue: ResolvedQueue;
  private readonly amqp: AmqpConnection;
  private readonly ownsAmqp: boolean;
  private readonly lanes = new SubjectLanes<Delivery>();
  private readonly holds: SubjectHolds;
  /** False once a lookup found no held subject in this queue; true again when this consumer holds one. */
  private mayHaveHolds = true;
  /** The confirm channel for retry and dead-letter copies, with the consuming channel tied to it. */
  private readonly session: ConfirmChannelSession;
  private readonly copies: DeliveryCopies;
  private consumeChannel?: Channel;
  private acks?: AckBatcher;
  private consumerTag?: string;
  private activeBatches = 0;
  private running = false;
  private idle?: () => void;

  constructor(private readonly options: EventConsumerOptions) {
    this.topology = options.topology ?? resolveTopology(loadTopology(), options.prefix);
    this.queue = findQueue(this.topology, (options.prefix ?? '') + options.queue);
    this.holds = new SubjectHolds(options.consumer, options.queue);
    const unknown = Object.keys(options.handlers).filter((type) => !options.validator.has(type));
    if (unknown.length)
      throw new Error(
        `no contract for handled event type(s) ${unknown.join(', ')}: every message of them would be dead-lettered`,
      );
    this.ownsAmqp = typeof options.amqp === 'string';
    this.amqp =
      typeof options.amqp === 'string'
        ? new AmqpConnection({
            url: options.amqp,
            name: `${options.consumer}.${options.queue}`,
            logger: options.logger,
          })
        : options.amqp;
    this.session = new ConfirmChannelSession({
      amqp: this.amqp,
      label: this.queue.name,
      logger: options.logger,
      setUp: (publish, model, generation) => this.openConsumer(publish, model, generation),
      onLost: (generation) => this.channelLost(generation),
    });
    this.copies = new DeliveryCopies(this.session, this.topology, this.queue, options.consumer, options.logger);
  }

  /** Connects and starts consuming (returns at once; reconnects by itself). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.session.start();
    if (this.ownsAmqp) await this.amqp.start();
  }

  /** Stops taking deliveries, finishes what was received (up to `timeoutMs`), then disconnects. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    const channel = this.consumeChannel;
    if (channel && this.consumerTag) await channel.cancel(this.consumerTag).catch(() => undefined);
    const deadline = Date.now() + timeoutMs;
    while ((this.activeBatches > 0 || this.lanes.waiting > 0) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        this.idle = resolve;
        setTimeout(resolve, 50);
      });
    }
    await this.session.stop();
    if (this.ownsAmqp) await this.amqp.close();
  }

  /** For the readiness probe: consuming (or standing by as a single-active-consumer) on a live channel. */
  isConnected(): boolean {
    return this.session.isOpen();
  }

  /** On every fresh confirm channel: the topology, then a consuming channel tied to it. */
  private async openConsumer(publish: ConfirmChannel, model: ChannelModel, generation: number): Promise<Channel[]> {
    const declare = this.options.declareTopology ?? true;
    if (declare === 'own') await declareOwnQueues(publish, this.topology, this.options.consumer, this.options.prefix);
    else if (declare) await declareTopology(publish, this.topology);
    const channel = await model.createChannel();
    channel.on('error', (err: Error) =>
      this.options.logger?.warn({ err: err.message, queue: this.queue.name }, 'consumer channel error'),
    );
    await channel.prefetch(this.options.prefetch ?? 500);
    const acks = new AckBatcher(channel);
    this.consumeChannel = channel;
    this.acks = acks;
    const { consumerTag } = await channel.consume(this.queue.name, (msg) => this.receive(msg, acks, generation), {
      noAck: false,
    });
    this.consumerTag = consumerTag;
    return [channel];
  }

  private channelLost(generation: number): void {
    this.acks?.close();
    this.consumeChannel = undefined;
    const dropped = this.lanes.drop((d) => d.generation === generation);
    if (dropped)
      this.options.logger?.info(
        { dropped, queue: this.queue.name },
        'channel lost: waiting deliveries dropped, the broker redelivers them',
      );
  }

  private receive(msg: ConsumeMessage | null, acks: AckBatcher, generation: number): void {
    if (!msg) {
      this.options.logger?.warn({ queue: this.queue.name }, 'consumer cancelled by the broker (queue deleted?)');
      return;
    }
    const attempts = Number(msg.properties.headers?.[Headers.attempts] ?? 0) || 0;
    let event: CloudEvent;
    try {
      event = JSON.parse(msg.content.toString('utf8')) as CloudEvent;
      this.options.validator.validate(event);
    } catch (err) {
      void this.deadLetter({ msg, acks, generation, attempts, event: undefined }, 'invalid-event', err);
      return;
    }
    if (!this.options.handlers[event.type]) {
      if (this.options.unhandled === 'ignore') {
        this.ack({ msg, acks, generation });
        eventsConsumed.inc({ queue: this.queue.name, type: event.type, outcome: 'ignored' });
      } else {
        void this.deadLetter(
          { msg, acks, generation, attempts, event },
          'no-handler',
          new Error(`no handler for ${event.type} in ${this.options.consumer}`),
        );
      }
      return;
    }
    this.lanes.push(event.subject, { msg, acks, generation, event, attempts });
    this.schedule();
  }

  private schedule(): void {
    const concurrency = this.options.concurrency ?? 4;
    const batchSize = this.options.batchSize ?? 100;
    while (this.activeBatches < concurrency && this.lanes.waiting > 0) {
      const { subjects, items } = this.lanes.take(batchSize);
      if (items.length === 0) break;
      this.activeBatches += 1;
      void this.runBatch(items).finally(() => {
        this.activeBatches -= 1;
        this.lanes.release(subjects);
        this.schedule();
        if (this.activeBatches === 0 && this.lanes.waiting === 0) this.idle?.();
      });
    }
  }

  private live(d: Pick<Delivery, 'generation'>): boolean {
    return d.generation === this.session.generation;
  }

  private async runBatch(items: Delivery[]): Promise<void> {
    if (!this.mayHaveHolds) return this.runPlain(items);
    let held: Map<string, unknown>;
    try {
      held = await this.holds.of(this.options.dataSource.manager, [...new Set(items.map((d) => d.event.subject))]);
      if (held.size === 0) this.mayHaveHolds = await this.holds.any(this.options.dataSource.manager);
    } catch (err) {
      // Database away: leave the deliveries unacked; the channel's redelivery brings them back in order.
      this.options.logger?.warn(
        { err: errorText(err), queue: this.queue.name },
        'subject holds not readable, retrying in place',
      );
      await new Promise((r) => setTimeout(r, 500));
      return this.runBatch(items.filter((d) => this.live(d)));
    }
    if (held.size === 0) return this.runPlain(items);
    await this.runPlain(items.filter((d) => !held.has(d.event.subject)));
    for (const d of items) if (held.has(d.event.subject) && this.live(d)) await this.applyInOrder(d);
  }

  /**
   * One message of a subject with holds (see {@link SubjectHolds}): applied if it is the blocker coming back, or a
   * held one coming back with no blocker pending; otherwise sent after the others into their retry queue.
   */
  private async applyInOrder(d: Delivery): Promise<void> {
    let holds: SubjectHold[];
    for (let backoff = 100; ; backoff = Math.min(backoff * 2, 5_000)) {
      try {
        holds = (await this.holds.of(this.options.dataSource.manager, [d.event.subject])).get(d.event.subject) ?? [];
        break;
      } catch (err) {
        if (!this.running || !this.live(d)) return; // unacked: redelivered after the reconnect
        this.options.logger?.warn(
          { err: errorText(err), queue: this.queue.name, retryInMs: backoff },
          'subject holds not readable, retrying in place',
        );
        await new Promise((r) => setTimeout(r, backoff));
      }
    }
    const blocker = holds.find((h) => h.role === 'blocker');
    const mine = holds.find((h) => h.messageId === d.event.id);
    const returning = d.msg.properties.headers?.[Headers.heldFor] !== undefined;
    // Held messages may come back out of order (they followed the blocker through retry queues of different delays):
    // only the oldest held one is applied, the others go round once more.
    const applicable =
      holds.length === 0 ||
      (blocker ? blocker.messageId === d.event.id : returning && holds[0]?.messageId === d.event.id);
    if (applicable) {
      try {
        await this.applyWithInfrastructureRetry(d, mine ? (em) => this.holds.release(em, d.event.id) : undefined);
      } catch (err) {
        await this.fail(d, err);
      }
      return;
    }
    // Behind the pending blocker, in its retry queue; with none pending, round the shortest one until its turn.
    const behind = blocker ?? this.queue.retryQueues[0];
    if (!behind) return; // unreachable: there are retry queues, or nothing would be held
    const retryQueue = 'retryQueue' in behind ? behind.retryQueue : behind.name;
    try {
      await this.holds.hold(this.options.dataSource.manager, d.event.subject, d.event.id, retryQueue);
    } catch (err) {
      this.options.logger?.warn(
        { err: errorText(err), queue: this.queue.name },
        'subject hold not recorded; the message will be redelivered',
      );
      return;
    }
    const ok = await this.retryCopy(d, retryQueue, {
      [Headers.heldFor]: blocker?.messageId ?? 'subject',
    });
    if (ok) {
      this.ack(d);
      eventsConsumed.inc({ queue: this.queue.name, type: d.event.type, outcome: 'held' });
    }
  }

  private async runPlain(items: Delivery[]): Promise<void> {
    let backoff = 100;
    for (;;) {
      const live = items.filter((d) => this.live(d));
      if (live.length === 0) return;
      try {
        await this.apply(live);
        return;
      } catch (err) {
        if (isTransientInfrastructureError(err) && this.running) {
          this.options.logger?.warn(
            { err: errorText(err), queue: this.queue.name, retryInMs: backoff },
            'transient database error, retrying in place',
          );
          await new Promise((r) => setTimeout(r, backoff));
          backoff = Math.min(backoff * 2, 5_000);
          continue;
        }
        const [only] = live;
        if (live.length === 1 && only) return this.fail(only, err);
        // Isolate the failing message: one transaction per message, in order. Once one of a subject failed, the
        // rest of that subject follows it (applyInOrder holds them behind it).
        const failed = new Set<string>();
        for (const d of live) {
          if (!this.live(d)) continue;
          if (failed.has(d.event.subject)) {
            await this.applyInOrder(d);
            continue;
          }
          try {
            await this.applyWithInfrastructureRetry(d);
          } catch (single) {
            failed.add(d.event.subject);
            await this.fail(d, single);
          }
        }
        return;
      }
    }
  }

  private async applyWithInfrastructureRetry(
    d: Delivery,
    alsoInTransaction?: (em: EntityManager) => Promise<void>,
  ): Promise<void> {
    let backoff = 100;
    for (;;) {
      try {
        return await this.apply([d], alsoInTransaction);
      } catch (err) {
        if (!isTransientInfrastructureError(err) || !this.running || !this.live(d)) throw err;
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  /** One transaction: inbox rows for all, handlers for the new ones in order, commit; then ack all. */
  private async apply(items: Delivery[], alsoInTransaction?: (em: EntityManager) => Promise<void>): Promise<void> {
    const applied: CloudEvent[] = [];
    await this.options.dataSource.transaction(async (em) => {
      await alsoInTransaction?.(em);
      const fresh = await claimInbox(
        em,
        this.options.consumer,
        items.map((d) => d.event.id),
      );
      const events = items.filter((d) => fresh.delete(d.event.id)).map((d) => d.event); // drops duplicates and second copies
      for (let i = 0; i < events.length;) {
        const event = events[i] as CloudEvent;
        const handler = this.options.handlers[event.type] as EventHandler | BatchEventHandler; // checked on receipt
        if (typeof handler === 'function') {
          await correlation.run({ correlationId: event.correlationid, causationId: event.id }, () =>
            handler(event, em),
          );
          i += 1;
        } else {
          let end = i + 1;
          while (end < events.length && events[end]?.type === event.type) end += 1;
          await handler.batch(events.slice(i, end), em);
          i = end;
        }
      }
      applied.push(...events);
    });
    const appliedIds = new Set(applied.map((e) => e.id));
    const counts = new Map<string, number>(); // one counter update per type and outcome, not per message
    for (const d of items) {
      this.ack(d);
      const key = `${d.event.type} ${appliedIds.has(d.event.id) ? 'applied' : 'duplicate'}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, n] of counts) {
      const [type, outcome] = key.split(' ');
      eventsConsumed.inc({ queue: this.queue.name, type, outcome }, n);
    }
    if (applied.length) {
      try {
        this.options.afterCommit?.(applied);
      } catch (err) {
        this.options.logger?.warn({ err: errorText(err) }, 'afterCommit hook failed'); // committed and acked: nothing to redo
      }
    }
  }

  private ack(d: Pick<Delivery, 'msg' | 'acks' | 'generation'>): void {
    if (this.live(d)) d.acks.ack(d.msg); // else the broker redelivers it and the inbox skips it
  }

  private async fail(d: Delivery, err: unknown): Promise<void> {
    const attempts = d.attempts + 1;
    if (err instanceof PermanentEventError) return this.deadLetterReleasing(d, attempts, 'permanent-error', err);
    const retry = this.queue.retryQueues[Math.min(attempts - 1, this.queue.retryQueues.length - 1)];
    if (attempts >= (this.options.maxAttempts ?? 5) || !retry)
      return this.deadLetterReleasing(d, attempts, 'max-attempts', err);
    this.options.logger?.warn(
      { eventId: d.event.id, type: d.event.type, attempts, retryInMs: retry.delayMs, err: errorText(err) },
      'event handler failed, retrying later',
    );
    // Its subject waits for it: recorded before the copy goes out, so no later message of the subject can pass.
    try {
      await this.holds.block(this.options.dataSource.manager, d.event.subject, d.event.id, retry.name);
      this.mayHaveHolds = true;
    } catch (blockErr) {
      this.options.logger?.warn(
        { err: errorText(blockErr), queue: this.queue.name },
        'subject hold not recorded; the message will be redelivered',
      );
      return; // unacked: the broker redelivers it
    }
    const ok = await this.retryCopy(d, retry.name, {
      [Headers.attempts]: attempts,
      [Headers.lastError]: errorText(err),
    });
    if (ok) {
      this.ack(d);
      eventsConsumed.inc({ queue: this.queue.name, type: d.event.type, outcome: 'retried' });
    }
  }

  /** Dead-letters a message that was applied in vain; its subject no longer waits for it. */
  private async deadLetterReleasing(d: Delivery, attempts: number, reason: DeathReason, err: unknown): Promise<void> {
    await this.deadLetter({ ...d, attempts }, reason, err);
    await this.holds
      .release(this.options.dataSource.manager, d.event.id)
      .catch((releaseErr: unknown) =>
        this.options.logger?.warn({ err: errorText(releaseErr), queue: this.queue.name }, 'subject hold not released'),
      );
  }

  private async deadLetter(
    d: Omit<Delivery, 'event'> & { event?: CloudEvent },
    reason: DeathReason,
    err: unknown,
  ): Promise<void> {
    const type = d.event?.type ?? String(d.msg.properties.type ?? d.msg.fields.routingKey);
    // Not acked while the channel is gone: the broker redelivers it after the reconnect.
    if (this.live(d) && (await this.copies.toDeadLetter(d.msg, type, d.attempts, reason, err))) {
      this.ack(d);
      eventsConsumed.inc({ queue: this.queue.name, type, outcome: 'dead-lettered' });
    }
  }

  /** A copy into the retry queue `retryQueue`; false when the channel is gone or the broker did not confirm it. */
  private async retryCopy(d: Delivery, retryQueue: string, headers: Record<string, unknown>): Promise<boolean> {
    return this.live(d) && this.copies.toRetry(d.msg, retryQueue, headers);
  }
}
