import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { createRedisConnection, jobId } from '@si/jobs';
import type { LocalDate } from '@si/kernel';
import type { Logger } from '@si/observability';
import type { Clock } from '../../shared/clock.js';
import type { Deadline, DeadlineRepository } from '../infrastructure/deadline.repository.js';

export const DEADLINE_QUEUE = 'dfpa.deadlines';
export const REMINDER_JOB = 'deadline-reminder';
export const SWEEP_JOB = 'deadline-sweep';

/** Milliseconds from now until 06:00 UTC (07:00 or 08:00 in Solothurn) on `day`; 0 if that has passed. */
export function delayUntil(day: LocalDate, now: Date): number {
  return Math.max(0, Date.parse(`${day}T06:00:00Z`) - now.getTime());
}

/**
 * Reminders of hand-over answers, plan reviews and measure ends on BullMQ. A job is a wake-up with a deterministic
 * id (deadline + due date): scheduling twice is a no-op, a moved due date gets a new job and the old one finds
 * nothing to do. The sweep runs on a job scheduler and reminds whatever Redis lost.
 */
export class DeadlineQueue {
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker?: Worker;
  private workerConnection?: Redis;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: { prefix: string; sweepEveryMs: number },
  ) {
    this.connection = createRedisConnection();
    this.queue = new Queue(DEADLINE_QUEUE, {
      connection: this.connection,
      prefix: options.prefix,
      defaultJobOptions: {
        removeOnComplete: { age: 86_400, count: 10_000 },
        removeOnFail: { age: 7 * 86_400 },
        attempts: 5,
        backoff: { type: 'exponential', delay: 5_000 },
      },
    });
    this.queue.on('error', (err) => this.logger.warn({ err: err.message }, 'deadline queue error'));
  }

  /** After a commit: wake-ups for the new deadlines. A Redis failure is logged; the sweep covers it. */
  async schedule(deadlines: readonly Deadline[]): Promise<void> {
    if (deadlines.length === 0) return;
    const now = this.clock.now();
    try {
      await this.queue.addBulk(
        deadlines.map((d) => ({
          name: REMINDER_JOB,
          data: { kind: d.kind, subjectId: d.subjectId, ref: d.ref, dueOn: d.dueOn },
          opts: { jobId: jobId(d.kind, d.subjectId, d.ref, d.dueOn), delay: delayUntil(d.remindOn, now) },
        })),
      );
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message, deadlines: deadlines.length },
        'reminder not scheduled; the reconciliation sweep will catch it',
      );
    }
  }

  async start(): Promise<void> {
    this.workerConnection = createRedisConnection();
    this.worker = new Worker(DEADLINE_QUEUE, (job) => this.process(job), {
      connection: this.workerConnection,
      prefix: this.options.prefix,
      concurrency: 4,
    });
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'deadline worker error'));
    await this.queue.upsertJobScheduler(SWEEP_JOB, { every: this.options.sweepEveryMs }, { name: SWEEP_JOB, data: {} });
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

  /** The sweep's effect, also callable by tests and operators. Logs counts and kinds only, never who. */
  async sweep(): Promise<number> {
    const reminded = await this.deadlines.sweep(this.dataSource.manager, this.clock.today());
    if (reminded.length)
      this.logger.info(
        { reminded: reminded.length, kinds: [...new Set(reminded.map((r) => r.kind))] },
        'reconciliation sweep sent missed reminders',
      );
    return reminded.length;
  }

  private async process(job: Job): Promise<unknown> {
    if (job.name === SWEEP_JOB) return { reminded: await this.sweep() };
    if (job.name === REMINDER_JOB) {
      const d = job.data as { kind: Deadline['kind']; subjectId: string; ref: string; dueOn: string };
      const reminded = await this.deadlines.remindOne(this.dataSource.manager, d, this.clock.today());
      if (reminded) this.logger.info({ kind: d.kind, subjectId: d.subjectId }, 'deadline reminder');
      return { reminded };
    }
    return undefined;
  }
}
