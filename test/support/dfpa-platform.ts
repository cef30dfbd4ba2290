import { randomBytes } from 'node:crypto';
import { connect, type ChannelModel } from 'amqplib';
import pg from 'pg';
import { startDevOidc, type DevOidcServer } from '@si/dev-oidc';
import {
  buildCloudEvent,
  declareTopology,
  deleteTopology,
  loadTopology,
  resolveTopology,
  type ResolvedTopology,
} from '@si/messaging';
import { createTestDatabase, freePort, ServiceProcess, type TestDatabase } from '@si/testing';

const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
/** Two cores shared with the whole suite: a NestJS start can take a while when other suites run. */
const START_TIMEOUT_MS = 150_000;

export interface DfpaInstance {
  regions: string;
  db: TestDatabase;
  sql: pg.Pool;
  process: ServiceProcess;
  url: string;
}

/**
 * dfpa instances (one per region list, each on its own database, as a region would run its own) and optionally
 * case-management, as built processes sharing one identity server and one broker prefix. The whole topology is
 * declared first, as the broker administrator does in production, so no hand-over is published into a void.
 */
export class DfpaPlatform {
  readonly instances = new Map<string, DfpaInstance>();
  cases?: { process: ServiceProcess; db: TestDatabase; sql: pg.Pool; url: string };
  private tokens = new Map<string, string>();

  private constructor(
    readonly prefix: string,
    readonly oidc: DevOidcServer,
    readonly amqp: ChannelModel,
    readonly topology: ResolvedTopology,
  ) {}

  static async create(): Promise<DfpaPlatform> {
    const prefix = `t${randomBytes(4).toString('hex')}.`;
    const oidc = await startDevOidc({ port: 0 });
    const amqp = await connect(AMQP_URL);
    amqp.on('error', () => undefined);
    const topology = resolveTopology(loadTopology(), prefix);
    const channel = await amqp.createChannel();
    await declareTopology(channel, topology);
    await channel.close();
    return new DfpaPlatform(prefix, oidc, amqp, topology);
  }

  private env(extra: Record<string, string>): Record<string, string> {
    return {
      SI_MESSAGING_PREFIX: this.prefix,
      OIDC_AUTH_SERVER_URL: this.oidc.publicUrl,
      AMQP_URL,
      LOG_LEVEL: 'info',
      ...extra,
    };
  }

  /** Starts (or, after a kill, restarts on the same database) the dfpa instance serving `regions`; `env` adds settings. */
  async startDfpa(regions: string, env: Record<string, string> = {}): Promise<DfpaInstance> {
    const known = this.instances.get(regions);
    const db = known?.db ?? (await createTestDatabase('dfpa'));
    const port = await freePort();
    const proc = new ServiceProcess(
      'dfpa',
      port,
      this.env({
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATOR_URL: db.migratorUrl,
        DFPA_SOZIALREGIONEN: regions,
        DFPA_JOBS_PREFIX: `${this.prefix}${regions.replace(/[^a-z]/g, '')}`,
        ...env,
      }),
    );
    await proc.start(START_TIMEOUT_MS);
    const instance = {
      regions,
      db,
      sql: known?.sql ?? new pg.Pool({ connectionString: db.appUrl, max: 2 }),
      process: proc,
      url: proc.url,
    };
    this.instances.set(regions, instance);
    return instance;
  }

  async startCaseManagement(): Promise<void> {
    const db = await createTestDatabase('case-management');
    const proc = new ServiceProcess(
      'case-management',
      await freePort(),
      this.env({
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATOR_URL: db.migratorUrl,
        CASE_JOBS_PREFIX: `${this.prefix}bull`,
      }),
    );
    await proc.start(START_TIMEOUT_MS);
    this.cases = { process: proc, db, sql: new pg.Pool({ connectionString: db.appUrl, max: 2 }), url: proc.url };
  }

  async token(caller: string): Promise<string> {
    const cached = this.tokens.get(caller);
    if (cached) return cached;
    const form: Record<string, string> = caller.endsWith('-connector')
      ? { grant_type: 'client_credentials', client_id: caller, client_secret: `${caller}-secret` }
      : { grant_type: 'password', client_id: 'si-cli', username: caller, password: 'demo' };
    const r = await fetch(`${this.oidc.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    if (r.status !== 200) throw new Error(`token for ${caller}: ${r.status}`);
    const token = ((await r.json()) as { access_token: string }).access_token;
    this.tokens.set(caller, token);
    return token;
  }

  async call(
    url: string,
    caller: string,
    method: string,
    path: string,
    body?: unknown,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are read loosely
  ): Promise<{ status: number; body: any }> {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(caller)}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Publishes events as a producing service's relay does (with the `sozialregionid` header where the envelope has one). */
  async publish(source: string, events: { type: string; subject: string; data: unknown }[]): Promise<void> {
    const channel = await this.amqp.createConfirmChannel();
    for (const e of events) {
      const envelope = buildCloudEvent(source, e);
      const ok = channel.publish(this.topology.exchange, e.type, Buffer.from(JSON.stringify(envelope)), {
        persistent: true,
        messageId: envelope.id,
        contentType: 'application/cloudevents+json',
        type: e.type,
        ...(envelope.sozialregionid ? { headers: { sozialregionid: envelope.sozialregionid } } : {}),
      });
      if (!ok) await new Promise((r) => channel.once('drain', r));
    }
    await channel.waitForConfirms();
    await channel.close();
  }

  async waiting(queue: string): Promise<number> {
    const channel = await this.amqp.createChannel();
    try {
      return (await channel.checkQueue(`${this.prefix}${queue}`)).messageCount;
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    for (const i of this.instances.values()) await i.process.stop().catch(() => undefined);
    await this.cases?.process.stop().catch(() => undefined);
    const channel = await this.amqp.createChannel().catch(() => undefined);
    if (channel) await deleteTopology(channel, this.topology).catch(() => undefined);
    await this.amqp.close().catch(() => undefined);
    await this.oidc.close();
    for (const i of this.instances.values()) {
      await i.sql.end();
      await dropSoon(i.db);
    }
    if (this.cases) {
      await this.cases.sql.end();
      await dropSoon(this.cases.db);
    }
  }
}

/**
 * DROP DATABASE … WITH (FORCE) as the migrator fails (42501) while an autovacuum worker runs in the database: the
 * worker belongs to no role the migrator may signal. After a benchmark's seeding or a busy test that is common, and
 * the worker is done within seconds, so the drop is retried.
 */
async function dropSoon(db: TestDatabase): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.drop();
    } catch (error) {
      if ((error as { code?: string }).code !== '42501' || attempt === 10) throw error;
      await new Promise((r) => setTimeout(r, 3_000));
    }
  }
}
