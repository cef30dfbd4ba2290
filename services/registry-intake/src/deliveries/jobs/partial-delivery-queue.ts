import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { createRedisConnection, jobId } from '@si/jobs';
import { createLogger } from '@si/observability';
import { INTAKE_CONFIG, type IntakeConfig } from '../../config/intake.config.js';
import { errorSummary } from '../../shared/error-summary.js';
import { PartialDeliveryDeadlines } from '../application/partial-delivery-deadlines.js';
import { PartialDeliveryRepository } from '../infrastructure/partial-delivery.repository.js';

export const PARTIAL_DELIVERY_QUEUE = 'registry-intake.partial-deliveries';
export const OVERDUE_JOB = 'partial-delivery-overdue';
export const SWEEP_JOB = 'partial-delivery-sweep';

/** The deadline is PostgreSQL's now(); waking a little after it keeps a job from finding it not yet due. */
const WAKE_MARGIN_MS = 1_000;

interface OverdueData {
  joinId: string;
}

/**
 * The deadlines of partial deliveries on BullMQ (DESIGN.md: time-driven work). The deadline lives in PostgreSQL;
 * a job is only a wake-up at it, with a deterministic id (the partial delivery), so scheduling twice is a no-op.
 * The sweep runs on a job scheduler (same id on every instance) and catches whatever Redis lost.
 */
@Injectable()
export class PartialDeliveryQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly deadlines: PartialDeliveryDeadlines;
  private readonly logger = createLogger('registry-intake');
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker?: Worker;
  private workerConnection?: Redis;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {
    this.deadlines = new PartialDeliveryDeadlines(dataSource, new PartialDeliveryRepository(dataSource));
    this.connection = createRedisConnection();
    this.queue = new Queue(PARTIAL_DELIVERY_QUEUE, {
      connection: this.connection,
      prefix: config.jobs.prefix,
      defaultJobOptions: {
        removeOnComplete: { age: 86_400, count: 10_000 },
        removeOnFail: { age: 7 * 86_400 },
        attempts: 5,
        backoff: { type: 'exponential', delay: 5_000 },
      },
    });
    this.queue.on('error', (error) => this.logger.warn({ error: errorSummary(error) }, 'partial-delivery queue error'));
  }

  /** Wakes the overdue check at `deadline` (after the commit that opened the partial delivery); the sweep covers a failure. */
  async schedule(joinId: string, deadline: Date): Promise<void> {
    try {
      await this.queue.add(OVERDUE_JOB, { joinId } satisfies OverdueData, {
        jobId: jobId('partial-overdue', joinId),
        delay: Math.max(0, deadline.getTime() - Date.now()) + WAKE_MARGIN_MS,
      });
    } catch (error) {
      this.logger.warn(
        { error: errorSummary(error), joinId },
        'overdue check of a partial delivery not scheduled; the reconciliation sweep will catch it',
      );
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.enabled) return;
    this.workerConnection = createRedisConnection();
    this.worker = new Worker(PARTIAL_DELIVERY_QUEUE, (job) => this.process(job), {
      connection: this.workerConnection,
      prefix: this.config.jobs.prefix,
      concurrency: 2,
    });
    this.worker.on('error', (error) =>
      this.logger.warn({ error: errorSummary(error) }, 'partial-delivery worker error'),
    );
    await this.queue.upsertJobScheduler(
      SWEEP_JOB,
      { every: this.config.partialDelivery.sweepEveryMs },
      { name: SWEEP_JOB, data: {} },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await this.workerConnection?.quit().catch(() => undefined);
    await this.connection.quit().catch(() => undefined);
  }

  /** For tests and operators: what is waiting or delayed. */
  get bullQueue(): Queue {
    return this.queue;
  }

  private async process(job: Job): Promise<unknown> {
    if (job.name === SWEEP_JOB) {
      const reported = await this.deadlines.sweep();
      if (reported.length)
        this.logger.warn(
          { reportIds: reported },
          'reconciliation sweep reported overdue partial deliveries in the quarantine',
        );
      return { reported: reported.length };
    }
    if (job.name === OVERDUE_JOB) {
      const { joinId } = job.data as OverdueData;
      const report = await this.deadlines.reportIfOverdue(joinId);
      if (report)
        this.logger.warn({ joinId, reportId: report }, 'partial delivery overdue: reported in the quarantine');
      return { reported: report !== null };
    }
    this.logger.warn({ name: job.name }, 'unknown partial-delivery job ignored');
    return undefined;
  }
}
