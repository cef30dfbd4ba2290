import pg from 'pg';
import type { Logger } from '@si/observability';
import { OUTBOX_CHANNEL } from '../messaging.migration.js';

/** Any fixed number: the session advisory lock that makes one relay per database the active one. */
export const RELAY_LOCK_KEY = 7_421_002;

export interface OutboxListenerOptions {
  url: string;
  /** Called on every outbox notification (a hint that rows were committed). */
  onNotify: () => void;
  /** Called when this instance becomes the active relay or stops being it. */
  onLeadershipChange: (leader: boolean) => void;
  logger?: Logger;
  /** How often a standby instance tries to take over, and the reconnect backoff cap. */
  retryIntervalMs?: number;
  /** Whether this instance may lead now (e.g. it has a broker channel); checked before taking the lock. */
  eligible?: () => boolean;
}

/**
 * The relay's own PostgreSQL session (not from the pool, which would hand LISTEN and the lock to random
 * queries): LISTENs for outbox notifications and holds the session advisory lock `RELAY_LOCK_KEY`.
 * The lock lives as long as the session, so when an active relay dies or loses its database connection,
 * PostgreSQL releases it and a standby instance takes over within `retryIntervalMs`.
 * Notifications are only a wake-up: the relay also polls, since they are lost while disconnected.
 */
export class OutboxListener {
  private client?: pg.Client;
  private leader = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private failures = 0;
  private trying = false;

  constructor(private readonly options: OutboxListenerOptions) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  isConnected(): boolean {
    return this.client !== undefined;
  }

  isLeader(): boolean {
    return this.leader;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    this.setLeader(false);
    if (client) {
      // Ending the session releases the advisory lock; unlock first so a standby need not wait for the TCP close.
      await client.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }

  /** Tries to take the lock now instead of at the next interval (e.g. the relay just got its broker channel). */
  poke(): void {
    if (this.leader || !this.client || this.stopped) return;
    clearTimeout(this.timer);
    void this.tryLead();
  }

  /**
   * Gives the lock up while keeping the session (and LISTEN): for an active relay that cannot reach the broker,
   * so that an instance that can takes over. It competes again at the next interval.
   */
  async release(): Promise<void> {
    const client = this.client;
    if (!client || !this.leader) return;
    this.setLeader(false);
    try {
      await client.query('SELECT pg_advisory_unlock_all()'); // this session holds nothing else
    } catch {
      await client.end().catch(() => undefined);
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tryLead(), this.retryMs());
  }

  private retryMs(): number {
    return this.options.retryIntervalMs ?? 1_000;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: 'outbox-relay',
      keepAlive: true,
    });
    let dead = false;
    const lost = (err: Error) => {
      if (dead) return;
      dead = true;
      this.lost(client, err);
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('connection ended')));
    client.on('notification', () => this.options.onNotify());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      this.failures = 0;
      this.options.onNotify(); // notifications sent while we were away are gone: look once
      await this.tryLead();
    } catch (err) {
      lost(err as Error);
    }
  }

  private async tryLead(): Promise<void> {
    const client = this.client;
    if (this.stopped || !client || this.trying) return;
    this.trying = true;
    try {
      await this.tryLock(client);
    } finally {
      this.trying = false;
    }
    clearTimeout(this.timer);
    if (!this.leader && !this.stopped && this.client === client)
      this.timer = setTimeout(() => void this.tryLead(), this.retryMs());
  }

  private async tryLock(client: pg.Client): Promise<void> {
    if (!this.leader && (this.options.eligible?.() ?? true)) {
      try {
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
          RELAY_LOCK_KEY,
        ]);
        if (rows[0]?.locked && this.client === client) this.setLeader(true);
      } catch {
        await client.end().catch(() => undefined); // fires 'end': reconnect with backoff
      }
    }
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.client === client) {
      this.client = undefined;
      this.setLeader(false);
    }
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.failures += 1;
    const delay = Math.min(this.retryMs() * 2 ** Math.min(this.failures - 1, 5), 30_000);
    this.options.logger?.warn({ err: err.message, retryInMs: delay }, 'outbox listener lost its database session');
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  private setLeader(leader: boolean): void {
    if (this.leader === leader) return;
    this.leader = leader;
    this.options.logger?.info({ leader }, leader ? 'outbox relay is active' : 'outbox relay is standby');
    this.options.onLeadershipChange(leader);
  }
}
