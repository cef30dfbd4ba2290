import { Inject, Injectable } from '@nestjs/common';
import { CASE_MANAGEMENT_CONFIG, type CaseManagementConfig } from '../../config/case-management.config.js';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedisConnection, jobId } from '@si/jobs';
import type { Logger } from '@si/observability';
import type { LocalDate } from '../domain/index.js';
import { Clock } from '../../shared/clock.js';
import { SERVICE_LOGGER } from '../application/tokens.js';
import { DeadlineReminders } from './deadline-reminders.js';

export const DEADLINE_QUEUE = 'case-management.deadlines';
export const REMINDER_JOB = 'first-information-reminder';
export const SWEEP_JOB = 'deadline-sweep';

/** What the queue needs to know of a case after a change. */
export interface DeadlineTrigger {
  readonly caseId: string;
  /** Null when no reminder is pending (deadline met, suspended or case closed). */
  readonly reminderOn: LocalDate | null;
  readonly due: LocalDate | null;
}

interface ReminderData {
  caseId: string;
  due: LocalDate;
}

/** Milliseconds from now until 07:00 Swiss time on `day` (0 if that has passed). */
export function delayUntil(day: LocalDate, now: Date): number {
  // 07:00 in Zurich is 05:00 or 06:00 UTC; 06:00 UTC is 07:00 or 08:00 local: early enough for a reminder.
  const at = Date.parse(`${day}T06:00:00Z`);
  return Math.max(0, at - now.getTime());
}

/**
 * The first-information reminders on BullMQ (DESIGN.md: time-driven work). The due date lives in
 * PostgreSQL; a job is only a wake-up with a deterministic id (case + due date), so scheduling twice is
 * a no-op and a changed due date simply gets a new job (the old one finds its date gone and does nothing).
 * The sweep runs on a job scheduler and catches whatever Redis lost.
 */
@Injectable()
export class DeadlineQueue {
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker?: Worker;
  private workerConnection?: Redis;

  private readonly options: { prefix: string; sweepEveryMs: number };

  constructor(
    @Inject(DeadlineReminders) private readonly reminders: DeadlineReminders,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(CASE_MANAGEMENT_CONFIG) config: Pick<CaseManagementConfig, 'jobsPrefix' | 'sweepEveryMs'>,
  ) {
    this.options = { prefix: config.jobsPrefix, sweepEveryMs: config.sweepEveryMs };
    this.connection = createRedisConnection();
    this.queue = new Queue(DEADLINE_QUEUE, {
      connection: this.connection,
      prefix: this.options.prefix,
      defaultJobOptions: {
        removeOnComplete: { age: 86_400, count: 10_000 },
        removeOnFail: { age: 7 * 86_400 },
        attempts: 5,
        backoff: { type: 'exponential', delay: 5_000 },
      },
    });
    this.queue.on('error', (err) => this.logger.warn({ err: err.message }, 'deadline queue error'));
  }

  /** Schedules the reminders after a committed change; a Redis failure is logged, the sweep covers it. */
  async schedule(triggers: readonly DeadlineTrigger[]): Promise<void> {
    const jobs = triggers.filter(
      (t): t is DeadlineTrigger & { reminderOn: LocalDate; due: LocalDate } => !!t.reminderOn && !!t.due,
    );
    if (jobs.length === 0) return;
    const now = this.clock.now();
    try {
      await this.queue.addBulk(
        jobs.map((t) => ({
          name: REMINDER_JOB,
          data: { caseId: t.caseId, due: t.due } satisfies ReminderData,
          opts: { jobId: jobId('fi-reminder', t.caseId, t.due), delay: delayUntil(t.reminderOn, now) },
        })),
      );
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message, cases: jobs.length },
        'reminder not scheduled; the reconciliation sweep will catch it',
      );
    }
  }

  /** Starts the worker and the sweep's job scheduler (idempotent across instances: same scheduler id). */
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

  /** For tests and operators: what is waiting or delayed. */
  get bullQueue(): Queue {
    return this.queue;
  }

  private async process(job: Job): Promise<unknown> {
    const today = this.clock.today();
    if (job.name === SWEEP_JOB) {
      const reminded = await this.reminders.sweep(today);
      if (reminded.length)
        this.logger.info({ reminded: reminded.length }, 'reconciliation sweep sent missed first-information reminders');
      return { reminded: reminded.length };
    }
    if (job.name === REMINDER_JOB) {
      const { caseId, due } = job.data as ReminderData;
      // A job may wake early (clock skew, manual promote): never remind before the reminder day.
      const reminded = await this.reminders.remindCase(caseId, due, today);
      if (reminded) this.logger.info({ caseId, due }, 'first-information reminder');
      return { reminded };
    }
    this.logger.warn({ name: job.name }, 'unknown deadline job ignored');
    return undefined;
  }
}
