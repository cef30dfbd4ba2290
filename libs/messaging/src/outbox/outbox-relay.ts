import type { ConfirmChannel } from 'amqplib';
import type { DataSource } from 'typeorm';
import { eventsPublished, type Logger } from '@si/observability';
import { AmqpConnection } from '../connection/amqp-connection.js';
import { ConfirmChannelSession } from '../connection/confirm-channel-session.js';
import { CLOUD_EVENTS_CONTENT_TYPE } from '../events/cloud-event.js';
import { MarkQueue } from './mark-queue.js';
import { OutboxListener } from './outbox-listener.js';
import { Signal } from './signal.js';
import { declareTopology, loadTopology, resolveTopology, type ResolvedTopology } from '../topology/topology.js';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** The broker URL (the relay opens its own connection) or a shared {@link AmqpConnection}. */
  amqp: string | AmqpConnection;
  /** The producing service: names the connection. */
  service: string;
  /** Defaults to infra/rabbitmq/topology.json resolved with `prefix`. */
  topology?: ResolvedTopology;
  prefix?: string;
  /** Declare the whole topology on every (re)connect (default true); `'own'`: nothing, the exchanges exist (broker-users.ts). */
  declareTopology?: boolean | 'own';
  /** Session for LISTEN and the active-relay lock; defaults to the DataSource's URL. */
  listenUrl?: string;
  /** Unconfirmed publishes at a time (default 256). */
  window?: number;
  /** Rows read per query (default 500). */
  batchSize?: number;
  /** Safety-net poll when no notification arrives, and the standby take-over interval (default 1000 ms). */
  pollIntervalMs?: number;
  /** An active relay that has had no broker channel this long gives the lock up to another instance (default 10 s). */
  brokerGraceMs?: number;
  /** Published rows are deleted after this long (default 7 days); 0 keeps them. */
  retentionMs?: number;
  logger?: Logger;
}

interface OutboxRow {
  id: string;
  type: string;
  payload: string;
  /** The CloudEvents attribute `sozialregionid`, published as a header for the per-region queues. */
  sozialregionid: string | null;
}

/** A publish the broker refused (nack) or that was lost with its channel: the row stays unpublished. */
class PublishFailed extends Error {}

/**
 * Publishes outbox rows to `si.events` and marks them published after the broker's confirm.
 *
 * Guarantees:
 * - at least once: a row is marked only after its publisher confirm (persistent, mandatory, quorum queues),
 *   so a crash or broker restart can only cause a republish, which consumers deduplicate by message id;
 * - order: rows go out in `seq` order on one confirm channel; after a failure the relay starts again from
 *   the oldest unpublished row. Only one relay instance per database is active (session advisory lock in
 *   {@link OutboxListener}); the others stand by and take over when its database session ends or when it has
 *   had no broker channel for `brokerGraceMs`. So the order of first arrival per subject is the outbox order,
 *   whatever the number of service instances (a takeover can only add duplicates of rows not yet marked);
 * - no watermark: every read takes the oldest rows with `published_at IS NULL` (minus those in flight), so a
 *   row whose transaction commits after a later `seq` was published is found by the next read;
 * - unroutable events (no queue bound to the type, `basic.return`) are marked published with
 *   `last_error = 'unroutable'` and logged: nobody subscribes to them.
 */
export class OutboxRelay {
  private readonly topology: ResolvedTopology;
  private readonly amqp: AmqpConnection;
  private readonly ownsAmqp: boolean;
  private readonly listener: OutboxListener;
  private readonly session: ConfirmChannelSession;
  private running = false;
  private loopDone?: Promise<void>;
  private wakeRequested = false;
  private wake?: () => void;
  private readonly signal = new Signal();
  private nextPurgeAt = 0;
  private releaseTimer?: NodeJS.Timeout;

  constructor(private readonly options: OutboxRelayOptions) {
    this.topology = options.topology ?? resolveTopology(loadTopology(), options.prefix);
    this.ownsAmqp = typeof options.amqp === 'string';
    this.amqp =
      typeof options.amqp === 'string'
        ? new AmqpConnection({ url: options.amqp, name: `${options.service}.outbox-relay`, logger: options.logger })
        : options.amqp;
    this.session = new ConfirmChannelSession({
      amqp: this.amqp,
      label: `${options.service}.outbox-relay`,
      logger: options.logger,
      setUp: async (channel) => {
        if ((options.declareTopology ?? true) === true) await declareTopology(channel, this.topology);
      },
      onOpen: () => {
        this.listener.poke();
        this.requestWake();
      },
      onLost: () => this.releaseIfStillCut(),
    });
    const listenUrl = options.listenUrl ?? (options.dataSource.options as { url?: string }).url;
    if (!listenUrl) throw new Error('OutboxRelay needs listenUrl when the DataSource has no url');
    this.listener = new OutboxListener({
      url: listenUrl,
      logger: options.logger,
      retryIntervalMs: options.pollIntervalMs,
      onNotify: () => this.requestWake(),
      onLeadershipChange: () => this.requestWake(),
      eligible: () => this.session.isOpen(),
    });
  }

  /** Connects to the broker and the database and starts relaying (returns at once; reconnects by itself). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.session.start();
    if (this.ownsAmqp) await this.amqp.start();
    this.listener.start();
    this.loopDone = this.loop();
  }

  /** Stops reading new rows, waits for the in-flight publishes to be confirmed and marked, then disconnects. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.requestWake();
    await this.loopDone;
    clearTimeout(this.releaseTimer);
    await this.listener.stop();
    await this.session.stop();
    if (this.ownsAmqp) await this.amqp.close();
  }

  /** For the readiness probe: broker and database session are up (standby instances are ready too). */
  isConnected(): boolean {
    return this.session.isOpen() && this.listener.isConnected();
  }

  /** Whether this instance holds the relay lock and publishes. */
  isActive(): boolean {
    return this.listener.isLeader();
  }

  /** An active relay without a broker channel for `brokerGraceMs` hands the lock to an instance that may have one. */
  private releaseIfStillCut(): void {
    clearTimeout(this.releaseTimer);
    if (!this.running) return;
    this.releaseTimer = setTimeout(() => {
      if (this.running && !this.session.isOpen()) void this.listener.release();
    }, this.options.brokerGraceMs ?? 10_000);
  }

  private requestWake(): void {
    this.wakeRequested = true;
    this.wake?.();
    this.signal.notify();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async loop(): Promise<void> {
    const poll = this.options.pollIntervalMs ?? 1_000;
    let backoff = 0;
    while (this.running) {
      this.wakeRequested = false;
      const channel = this.session.channel;
      if (!channel || !this.listener.isLeader()) {
        await this.sleep(poll);
        continue;
      }
      try {
        await this.drain(channel);
        await this.purge();
        backoff = 0;
      } catch (err) {
        backoff = Math.min(Math.max(backoff * 2, 250), 30_000);
        this.options.logger?.warn({ err: (err as Error).message, retryInMs: backoff }, 'outbox relay pass failed');
        await this.sleep(backoff);
        continue;
      }
      if (!this.wakeRequested && this.running) await this.sleep(poll);
    }
  }

  /**
   * Publishes until caught up: reads the oldest unpublished rows (`published_at IS NULL ORDER BY seq`), minus
   * those this pass has published but not yet marked, and keeps at most `window` unconfirmed. Reading again
   * does not wait for the confirms, so a notification during a pass is served at once. No cursor: a row that
   * commits late (lower `seq` than rows already sent) is found by the next read. Its subject cannot have a
   * later row published already, because writes to one subject are serialised (see {@link Outbox}).
   */
  private async drain(channel: ConfirmChannel): Promise<void> {
    const { dataSource } = this.options;
    const window = this.options.window ?? 256;
    const batchSize = this.options.batchSize ?? 500;
    const signal = this.signal;
    const pending = new Set<string>(); // published in this pass, not yet marked in the database
    const unconfirmed: string[] = [];
    let inFlight = 0;
    let failure: Error | undefined;
    const marks = new MarkQueue(
      dataSource,
      (ids) => {
        for (const id of ids) pending.delete(id);
        signal.notify();
      },
      (err) => {
        failure ??= err;
        signal.notify();
      },
    );
    const active = () => this.running && !failure && this.session.channel === channel && this.listener.isLeader();
    while (active()) {
      this.wakeRequested = false;
      const rows: OutboxRow[] = await dataSource.query(
        "SELECT o.id, o.type, o.payload::text AS payload, o.payload->>'sozialregionid' AS sozialregionid FROM outbox o WHERE o.published_at IS NULL AND o.id <> ALL($1::uuid[]) ORDER BY o.seq LIMIT $2",
        [[...pending], batchSize],
      );
      for (const row of rows) {
        while (inFlight >= window && !failure) await signal.wait();
        if (!active()) break;
        inFlight += 1;
        pending.add(row.id);
        const accepted = channel.publish(
          this.topology.exchange,
          row.type,
          Buffer.from(row.payload),
          {
            persistent: true,
            mandatory: true,
            messageId: row.id,
            contentType: CLOUD_EVENTS_CONTENT_TYPE,
            type: row.type,
            timestamp: Math.floor(Date.now() / 1000),
            ...(row.sozialregionid ? { headers: { sozialregionid: row.sozialregionid } } : {}),
          },
          (err: unknown) => {
            inFlight -= 1;
            if (err) {
              failure ??= new PublishFailed(
                `publish of ${row.type} ${row.id} not confirmed: ${String((err as Error)?.message ?? err)}`,
              );
              unconfirmed.push(row.id);
            } else if (this.session.takeReturned(row.id)) {
              this.options.logger?.warn(
                { eventId: row.id, type: row.type },
                'event is unroutable: no queue is bound to its type',
              );
              marks.unroutable(row.id);
            } else {
              eventsPublished.inc({ type: row.type });
              marks.published(row.id);
            }
            signal.notify();
          },
        );
        if (!accepted) await drained(channel);
      }
      if (rows.length === batchSize) continue;
      // Caught up: wait for a notification, or until everything sent is confirmed and marked.
      while (active() && !this.wakeRequested && pending.size > 0) await signal.wait();
      if (!this.wakeRequested) break;
    }
    while (inFlight > 0) await signal.wait();
    await marks.flush().catch((err: Error) => (failure ??= err));
    if (failure) {
      await dataSource
        .query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])', [
          unconfirmed,
          failure.message.slice(0, 500),
        ])
        .catch(() => undefined);
      throw failure;
    }
  }

  /** Deletes published rows past the retention period, in slices, at most once an hour. */
  private async purge(): Promise<void> {
    const retentionMs = this.options.retentionMs ?? 7 * 24 * 3_600_000;
    if (retentionMs <= 0 || Date.now() < this.nextPurgeAt) return;
    this.nextPurgeAt = Date.now() + 3_600_000;
    for (;;) {
      const rows: unknown[] = await this.options.dataSource.query(
        `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < now() - make_interval(secs => $1) LIMIT 5000) RETURNING 1`,
        [retentionMs / 1000],
      );
      if (rows.length < 5000) return;
    }
  }
}

function drained(channel: ConfirmChannel): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      channel.off('drain', done);
      channel.off('close', done);
      resolve();
    };
    channel.once('drain', done);
    channel.once('close', done);
  });
}
