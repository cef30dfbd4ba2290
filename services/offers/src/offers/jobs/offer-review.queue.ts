import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { createRedisConnection } from '@si/jobs';
import type { Logger } from '@si/observability';
import type { OfferCommands } from '../application/offer-commands.js';
import type { OfferRepository } from '../infrastructure/offer.repository.js';
import type { Clock } from '../../shared/clock.js';

export const REVIEW_QUEUE = 'offers.review';
export const REVIEW_JOB = 'offer-review-sweep';

/**
 * Expiry and the yearly "still current?" question on BullMQ. The due dates live in PostgreSQL and the job is a
 * sweep over them (a reconciliation by construction: a missed or lost run is caught by the next one, and each offer
 * is changed in its own transaction, idempotently). One job scheduler id, so several instances run it once.
 */
export class OfferReviewQueue {
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker?: Worker;
  private workerConnection?: Redis;

  constructor(
    private readonly dataSource: DataSource,
    private readonly offers: OfferRepository,
    private readonly commands: OfferCommands,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: { prefix: string; everyMs: number },
  ) {
    this.connection = createRedisConnection();
    this.queue = new Queue(REVIEW_QUEUE, {
      connection: this.connection,
      prefix: options.prefix,
      defaultJobOptions: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    });
    this.queue.on('error', (err) => this.logger.warn({ err: err.message }, 'offer review queue error'));
  }

  /** Expires ended offers and asks for the yearly confirmation where due; returns what it did. */
  async sweep(): Promise<{ expired: number; asked: number }> {
    const due = await this.offers.due(this.dataSource.manager, this.clock.today());
    let expired = 0;
    let asked = 0;
    for (const id of due.expired)
      if (await this.dataSource.transaction((em) => this.commands.expire(em, id))) expired += 1;
    for (const id of due.toConfirm)
      if (await this.dataSource.transaction((em) => this.commands.askConfirmation(em, id))) asked += 1;
    if (expired || asked) this.logger.info({ expired, asked }, 'offer review sweep');
    return { expired, asked };
  }

  async start(): Promise<void> {
    this.workerConnection = createRedisConnection();
    this.worker = new Worker(REVIEW_QUEUE, () => this.sweep(), {
      connection: this.workerConnection,
      prefix: this.options.prefix,
      concurrency: 1,
    });
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'offer review worker error'));
    await this.queue.upsertJobScheduler(REVIEW_JOB, { every: this.options.everyMs }, { name: REVIEW_JOB, data: {} });
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await this.workerConnection?.quit().catch(() => undefined);
    await this.connection.quit().catch(() => undefined);
  }

  get bullQueue(): Queue {
    return this.queue;
  }
}
