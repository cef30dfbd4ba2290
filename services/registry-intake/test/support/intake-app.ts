import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import pg from 'pg';
import { AUDIT_TABLE } from '@si/audit';
import { referenceDir } from '@si/contracts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the service is tested against the real dev identity server
import { startDevOidc, type DevOidcServer } from '@si/dev-oidc';
import { configureHttp } from '@si/http';
import { declareTopology, deleteTopology, loadTopology, MessagingLifecycle, resolveTopology, type CloudEvent } from '@si/messaging';
import { createLogger } from '@si/observability';
import { runMigrations } from '@si/persistence';
import { allMigrations, ServiceCoreModule } from '@si/service';
import { createTestDatabase, eventually, type TestDatabase } from '@si/testing';
import { IntakeConfigModule } from '../../src/config/config.module.js';
import { DeliveriesModule } from '../../src/deliveries/deliveries.module.js';
import { TargetGroupModule } from '../../src/target-group/target-group.module.js';
import { definition } from '../../src/service.definition.js';

export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const DEMO_USERS = ['ib.solothurn', 'ib.olten', 'ib.hubersdorf', 'sr.olten', 'ags.koordination', 'ma.integration'] as const;
export type DemoUser = (typeof DEMO_USERS)[number];
export type Caller = DemoUser | 'register-connector';
export const CALLERS: readonly Caller[] = [...DEMO_USERS, 'register-connector'];
export const TEST_PERSON_REF_KEY = 'registry-intake-test-key-0123456789abcdef';

/** Response bodies are checked by shape in the specs, so they are typed loosely on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Response {
  status: number;
  body: Json;
  headers: Headers;
}

export interface IntakeTestApp {
  url: string;
  app: NestFastifyApplication;
  db: TestDatabase;
  /** Runtime-role connection for assertions on rows. */
  sql: pg.Pool;
  prefix: string;
  /** The sedex inbox folder of this app. */
  inboxDir: string;
  /** A private copy of contracts/reference, so a test can fix master data. */
  referenceDir: string;
  token(caller: Caller): Promise<string>;
  call(caller: Caller | null, method: string, path: string, body?: unknown): Promise<Response>;
  /** POSTs a delivery (XML by default). */
  deliver(caller: Caller | null, xml: string | Buffer, contentType?: string): Promise<Response>;
  /** person.* events seen on this test's exchange. */
  emitted(type?: string): CloudEvent<Json>[];
  close(): Promise<void>;
}

/**
 * The real registry-intake app (ServiceCoreModule + its modules) on a fresh database with its own dev identity
 * server, broker prefix, sedex inbox (timer off: tests drive the poller) and master-data folder, on a free port.
 * Under Jest, Fastify's inject() cannot load (ESM-only dependency), so tests talk real HTTP.
 */
export async function startIntakeApp(env: Record<string, string> = {}): Promise<IntakeTestApp> {
  const db = await createTestDatabase('registry-intake');
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const oidc: DevOidcServer = await startDevOidc({ port: 0 });
  const work = mkdtempSync(join(tmpdir(), 'ri-test-'));
  const inboxDir = join(work, 'inbox');
  const refDir = join(work, 'reference');
  cpSync(referenceDir, refDir, { recursive: true });
  Object.assign(process.env, {
    DATABASE_URL: db.appUrl, DATABASE_MIGRATOR_URL: db.migratorUrl, SI_MESSAGING_PREFIX: prefix, OIDC_AUTH_SERVER_URL: oidc.publicUrl,
    SEDEX_INBOX_DIR: inboxDir, SEDEX_POLL_INTERVAL_MS: '0', PERSON_REF_KEY: TEST_PERSON_REF_KEY, INTAKE_REFERENCE_DIR: refDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env,
  });
  await runMigrations({ migratorUrl: db.migratorUrl, appRole: db.appRole, migrations: allMigrations(definition), appendOnlyTables: [AUDIT_TABLE] });

  @Module({ imports: [ServiceCoreModule.forService(definition), IntakeConfigModule, TargetGroupModule, DeliveriesModule] })
  class TestAppModule {}

  const moduleRef = await Test.createTestingModule({ imports: [TestAppModule as Type<unknown>] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error'] });
  configureHttp(app, createLogger('registry-intake-test'));
  app.enableShutdownHooks();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const sql = new pg.Pool({ connectionString: db.appUrl, max: 3 });

  const amqp: ChannelModel = await connect(AMQP_URL);
  const channel: Channel = await amqp.createChannel();
  const topology = resolveTopology(loadTopology(), prefix);
  await declareTopology(channel, topology);
  await eventually(() => {
    if (!app.get(MessagingLifecycle).isReady()) throw new Error('messaging not ready');
  }, { timeoutMs: 20_000 });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, topology.exchange, 'person.#');
  const captured: CloudEvent<Json>[] = [];
  await channel.consume(queue, (msg) => {
    if (msg) captured.push(JSON.parse(msg.content.toString('utf8')) as CloudEvent<Json>);
  }, { noAck: true });

  const tokens = new Map<Caller, string>();
  const token = async (caller: Caller) => {
    const cached = tokens.get(caller);
    if (cached) return cached;
    const form: Record<string, string> = caller === 'register-connector'
      ? { grant_type: 'client_credentials', client_id: 'register-connector', client_secret: 'register-connector-secret' }
      : { grant_type: 'password', client_id: 'si-cli', username: caller, password: 'demo' };
    const response = await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form),
    });
    if (response.status !== 200) throw new Error(`token for ${caller}: ${response.status}`);
    const t = ((await response.json()) as { access_token: string }).access_token;
    tokens.set(caller, t);
    return t;
  };
  const request = async (caller: Caller | null, method: string, path: string, body?: string | Buffer, contentType?: string): Promise<Response> => {
    const headers: Record<string, string> = {};
    if (caller) headers['authorization'] = `Bearer ${await token(caller)}`;
    if (contentType) headers['content-type'] = contentType;
    const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let parsed: Json = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };

  return {
    url, app, db, sql, prefix, inboxDir, referenceDir: refDir, token,
    call: (caller, method, path, body) => request(caller, method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json'),
    deliver: (caller, xml, contentType = 'application/xml') => request(caller, 'POST', '/api/v1/deliveries', xml, contentType),
    emitted: (type) => captured.filter((e) => !type || e.type === type),
    async close() {
      await app.close();
      await sql.end();
      await channel.close().catch(() => undefined);
      const cleanup = await amqp.createChannel();
      await deleteTopology(cleanup, topology).catch(() => undefined);
      await amqp.close().catch(() => undefined);
      await oidc.close();
      await db.drop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Outbox rows of a type (what the service committed to emit). */
export async function outboxRows(t: IntakeTestApp, type?: string): Promise<Array<{ id: string; type: string; subject: string; payload: Json }>> {
  const r = await t.sql.query(`SELECT id, type, subject, payload FROM outbox ${type ? 'WHERE type = $1' : ''} ORDER BY seq`, type ? [type] : []);
  return r.rows;
}
