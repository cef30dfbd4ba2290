import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedisConnection } from '@si/jobs';
import type { Logger } from '@si/observability';
import type { Clock } from '../../shared/clock.js';
import type { ClaimRun } from '../application/claim-run.js';

export const CLAIM_QUEUE = 'subsidies.claims';
export const CLAIM_RUN_JOB = 'claim-run';

/**
 * The period-end claim run on BullMQ: a job scheduler (the same id from every instance, so one schedule)
 * wakes the run; the run itself looks at every closed period, so it drafts at the first wake after a period
 * end and catches any run that was missed. Whatever instance takes the job, the database lock serialises it.
 */
export class ClaimRunQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly connection: Redis;
  readonly queue: Queue;
  private worker?: Worker;
  private workerConnection?: Redis;

  constructor(
    private readonly run: ClaimRun,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: { prefix: string; everyMs: number; enabled: boolean },
  ) {
    this.connection = createRedisConnection();
    this.queue = new Queue(CLAIM_QUEUE, {
      connection: this.connection,
      prefix: options.prefix,
      defaultJobOptions: {
        removeOnComplete: { count: 100 },
        removeOnFail: { count: 100 },
        attempts: 3,
        backoff: { type: 'exponential', delay: 10_000 },
      },
    });
    this.queue.on('error', (err) => this.logger.warn({ err: err.message }, 'claim queue error'));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    this.workerConnection = createRedisConnection();
    this.worker = new Worker(
      CLAIM_QUEUE,
      async () => {
        const result = await this.run.run(this.clock.today());
        if (result.claims) this.logger.info(result, 'claims drafted');
        return result;
      },
      { connection: this.workerConnection, prefix: this.options.prefix, concurrency: 1 },
    );
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'claim worker error'));
    await this.queue.upsertJobScheduler(
      CLAIM_RUN_JOB,
      { every: this.options.everyMs },
      { name: CLAIM_RUN_JOB, data: {} },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await this.workerConnection?.quit().catch(() => undefined);
    await this.connection.quit().catch(() => undefined);
  }
}
