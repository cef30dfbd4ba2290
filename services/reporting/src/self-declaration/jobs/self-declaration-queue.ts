import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedisConnection, jobId } from '@si/jobs';
import type { Logger } from '@si/observability';
import type { Clock } from '../../shared/clock.js';
import type { Reminders } from '../application/reminders.js';
import { REMINDERS, addDays, type ReminderKind } from '../domain/response-state.js';
import type { RoundView } from '../application/rounds.js';

export const SELF_DECLARATION_QUEUE = 'reporting.self-declaration-reminders';
const REMIND_JOB = 'self-declaration-reminder';
const SWEEP_JOB = 'self-declaration-sweep';

/**
 * The self-declaration reminders on BullMQ: a round's opening schedules one delayed wake-up per reminder day
 * (deterministic ids, so scheduling twice is a no-op); the reminder itself lives in PostgreSQL. The sweep, on a job
 * scheduler, is the reconciliation: it sends whatever a lost job or a Redis outage missed.
 */
export class SelfDeclarationQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker?: Worker;
  private workerConnection?: Redis;
  private closed = false;

  constructor(
    private readonly reminders: Reminders,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: { prefix: string; sweepEveryMs: number; enabled: boolean },
  ) {
    this.connection = createRedisConnection();
    this.queue = new Queue(SELF_DECLARATION_QUEUE, {
      connection: this.connection,
      prefix: options.prefix,
      defaultJobOptions: {
        removeOnComplete: { age: 86_400, count: 1_000 },
        removeOnFail: { age: 7 * 86_400 },
        attempts: 5,
        backoff: { type: 'exponential', delay: 5_000 },
      },
    });
    this.queue.on('error', (err) => this.logger.warn({ err: err.message }, 'self-declaration queue error'));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.enabled) return;
    this.workerConnection = createRedisConnection();
    this.worker = new Worker(SELF_DECLARATION_QUEUE, (job) => this.process(job), {
      connection: this.workerConnection,
      prefix: this.options.prefix,
      concurrency: 2,
    });
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'self-declaration worker error'));
    await this.queue.upsertJobScheduler(SWEEP_JOB, { every: this.options.sweepEveryMs }, { name: SWEEP_JOB, data: {} });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close(false);
  }

  /** Schedules a round's reminders; a Redis failure is logged and left to the sweep. */
  async scheduleRound(round: RoundView): Promise<void> {
    const now = this.clock.now().getTime();
    try {
      await this.queue.addBulk(
        REMINDERS.map(({ kind, offsetDays }) => ({
          name: REMIND_JOB,
          data: { roundId: round.id, kind },
          // 06:00 UTC is 07:00 or 08:00 in Solothurn: the reminder is there at the start of the working day.
          opts: {
            jobId: jobId('sd-reminder', round.id, kind),
            delay: Math.max(0, Date.parse(`${addDays(round.deadline, offsetDays)}T06:00:00Z`) - now),
          },
        })),
      );
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message, roundId: round.id },
        'self-declaration reminders not scheduled; the sweep will send them',
      );
    }
  }

  /** For tests and operators. */
  get bullQueue(): Queue {
    return this.queue;
  }

  /** Stops worker and queue; `obliterate` also removes this queue's keys (tests). */
  async close(obliterate: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.worker?.close();
    if (obliterate) await this.queue.obliterate({ force: true }).catch(() => undefined);
    await this.queue.close();
    await this.workerConnection?.quit().catch(() => undefined);
    await this.connection.quit().catch(() => undefined);
  }

  private async process(job: Job): Promise<unknown> {
    const today = this.clock.today();
    const now = this.clock.instant();
    if (job.name === SWEEP_JOB) return { sent: await this.reminders.sweep(today, now) };
    if (job.name === REMIND_JOB) {
      const { roundId, kind } = job.data as { roundId: string; kind: ReminderKind };
      return { sent: await this.reminders.sendDue(roundId, kind, today, now) };
    }
    return undefined;
  }
}
