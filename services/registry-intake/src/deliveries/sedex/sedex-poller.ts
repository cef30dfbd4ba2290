import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createLogger } from '@si/observability';
import { INTAKE_CONFIG, type IntakeConfig } from '../../config/intake.config.js';
import { errorSummary } from '../../shared/error-summary.js';
import { SedexFiles } from './sedex-files.js';
import { SedexProcessor, type PairOutcome } from './sedex-processor.js';

/** Any fixed number: the session advisory lock that makes one instance the sedex inbox's poller. */
export const SEDEX_LOCK_KEY = 7_421_301;

/**
 * Polls the sedex inbox. Several instances may run: the one holding a PostgreSQL session advisory lock polls, the
 * others stand by; when its session ends (the process died) PostgreSQL releases the lock and another takes over.
 * The holder is the only one processing sedex pairs, so whatever it finds in processing/ when it starts is
 * unfinished work of a dead instance and is resumed (SedexProcessor is idempotent on the pair id).
 *
 * SEDEX_POLL_INTERVAL_MS=0 turns the timer off (tests drive `pollOnce`).
 */
@Injectable()
export class SedexPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = createLogger('registry-intake');
  private client?: pg.Client;
  private leader = false;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
    @Inject(SedexFiles) private readonly files: SedexFiles,
    @Inject(SedexProcessor) private readonly processor: SedexProcessor,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.files.inbox) {
      this.logger.info('SEDEX_INBOX_DIR not set: the sedex inbox is not polled');
      return;
    }
    await this.files.inbox.ensureFolders();
    if (this.config.sedex.pollIntervalMs > 0) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    await this.release();
  }

  isLeader(): boolean {
    return this.leader;
  }

  /**
   * One round: take the lock if free; then finish what is in processing/ and take what is waiting, one pair at a
   * time. Returns what became of each pair (empty when another instance holds the lock).
   */
  async pollOnce(): Promise<Array<{ pair: string } & PairOutcome>> {
    const inbox = this.files.inbox;
    if (!inbox || !(await this.lead())) return [];
    const done: Array<{ pair: string } & PairOutcome> = [];
    await inbox.repairFinishes();
    for (const id of await inbox.claimed()) {
      if (this.stopped) return done;
      done.push({ pair: id, ...(await this.processor.process(id)) });
    }
    for (const id of await inbox.waiting()) {
      if (this.stopped) return done;
      if (await inbox.claim(id)) done.push({ pair: id, ...(await this.processor.process(id)) });
    }
    for (const d of done)
      this.logger.info(
        {
          pair: d.pair,
          deliveryId: d.deliveryId,
          to: d.to,
          result: d.to === 'failed' ? d.result.split(':')[0] : d.result,
        },
        'sedex pair done',
      );
    return done;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pollOnce()
        .then(
          () => undefined,
          (error: unknown) => this.logger.error({ error: errorSummary(error) }, 'sedex poll failed; retrying'),
        )
        .finally(() => this.schedule(this.config.sedex.pollIntervalMs));
    }, delay);
  }

  /** True while this instance holds the poller lock (taken on its own session, which lives as long as the lock). */
  private async lead(): Promise<boolean> {
    if (this.leader && this.client) return true;
    if (!this.client) {
      const url = (this.dataSource.options as { url?: string }).url;
      const client = new pg.Client({
        connectionString: url,
        application_name: 'registry-intake.sedex-poller',
        keepAlive: true,
      });
      client.on('error', () => this.lost(client));
      client.on('end', () => this.lost(client));
      await client.connect();
      this.client = client;
    }
    const r = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      SEDEX_LOCK_KEY,
    ]);
    this.leader = r.rows[0].locked;
    return this.leader;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.leader = false;
  }

  private async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leader = false;
    if (!client) return;
    await client.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
