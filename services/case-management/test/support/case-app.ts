import { randomBytes, randomUUID } from 'node:crypto';
import { Module, type Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import pg from 'pg';
import { AUDIT_TABLE } from '@si/audit';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the service is tested against the real dev identity server
import { startDevOidc, type DevOidcServer } from '@si/dev-oidc';
import { buildOpenApi, configureHttp } from '@si/http';
import { buildCloudEvent, declareTopology, deleteTopology, EventValidator, loadTopology, MessagingLifecycle, resolveTopology, type CloudEvent } from '@si/messaging';
import { createLogger } from '@si/observability';
import { runMigrations } from '@si/persistence';
import { allMigrations, ServiceCoreModule } from '@si/service';
import { createTestDatabase, eventually, type TestDatabase } from '@si/testing';
import { CasesModule } from '../../src/cases/cases.module.js';
import { DeadlineQueue } from '../../src/cases/jobs/deadline-queue.js';
import { SharedModule } from '../../src/shared/shared.module.js';
import { definition } from '../../src/service.definition.js';

export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const DEMO_USERS = ['ib.solothurn', 'ib.olten', 'ib.hubersdorf', 'sr.olten', 'ags.koordination', 'ma.integration'] as const;
export type DemoUser = (typeof DEMO_USERS)[number];

/** Response bodies are checked by shape in the specs, so they are typed loosely on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface CaseTestApp {
  url: string;
  app: NestFastifyApplication;
  db: TestDatabase;
  /** The runtime-role connection, for assertions on rows. */
  sql: pg.Pool;
  oidc: DevOidcServer;
  prefix: string;
  token(user: DemoUser): Promise<string>;
  /** Calls the API as a demo user (or with an explicit token / none). */
  call(user: DemoUser | { token: string } | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json; headers: Headers }>;
  /** Publishes a CloudEvent to this test's exchange as a producing service would. */
  publish(type: string, subject: string, data: unknown, id?: string): Promise<CloudEvent>;
  /** Events this service emitted (case.*), as captured from the broker. */
  emitted(type?: string): CloudEvent[];
  close(): Promise<void>;
}

export interface CaseAppOptions {
  /** Replace providers (e.g. the Clock) before the app starts. */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  env?: Record<string, string>;
}

/**
 * The real case-management app (ServiceCoreModule + the case module) on a fresh database, with its own
 * dev identity server, RabbitMQ name prefix and BullMQ prefix, listening on a free port. Env is set before
 * the modules are built because the core module reads it when `forService` runs.
 */
export async function startCaseApp(options: CaseAppOptions = {}): Promise<CaseTestApp> {
  const db = await createTestDatabase('case-management');
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const oidc = await startDevOidc({ port: 0 });
  Object.assign(process.env, {
    DATABASE_URL: db.appUrl, DATABASE_MIGRATOR_URL: db.migratorUrl, SI_MESSAGING_PREFIX: prefix, OIDC_AUTH_SERVER_URL: oidc.publicUrl,
    CASE_JOBS_PREFIX: `${prefix}bull`, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...options.env,
  });
  await runMigrations({ migratorUrl: db.migratorUrl, appRole: db.appRole, migrations: allMigrations(definition), appendOnlyTables: [AUDIT_TABLE] });

  @Module({ imports: [ServiceCoreModule.forService(definition), SharedModule, CasesModule] })
  class TestAppModule {}

  let builder = Test.createTestingModule({ imports: [TestAppModule as Type<unknown>] });
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error'] });
  configureHttp(app, createLogger('case-management-test'));
  app.enableShutdownHooks();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const sql = new pg.Pool({ connectionString: db.appUrl, max: 3 });

  // Capture what the service emits: a private queue bound to case.# on this test's exchange.
  const amqp: ChannelModel = await connect(AMQP_URL);
  amqp.on('error', () => undefined); // a broker restart (another suite's fault test) surfaces in the assertions, not as a crash
  const channel: Channel = await amqp.createChannel();
  const topology = resolveTopology(loadTopology(), prefix);
  // Queues exist before the first publish (the consumers declare them too, but asynchronously).
  await declareTopology(channel, topology);
  await eventually(() => {
    if (!app.get(MessagingLifecycle).isReady()) throw new Error('messaging not ready');
  }, { timeoutMs: 20_000 });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, topology.exchange, 'case.#');
  const captured: CloudEvent[] = [];
  await channel.consume(queue, (msg) => {
    if (msg) captured.push(JSON.parse(msg.content.toString('utf8')) as CloudEvent);
  }, { noAck: true });
  const publisher = await amqp.createConfirmChannel();
  const validator: EventValidator = new EventValidator();

  const tokens = new Map<string, string>();
  const token = async (user: DemoUser) => {
    const cached = tokens.get(user);
    if (cached) return cached;
    const response = await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'si-cli', username: user, password: 'demo' }),
    });
    if (response.status !== 200) throw new Error(`token for ${user}: ${response.status}`);
    const t = ((await response.json()) as { access_token: string }).access_token;
    tokens.set(user, t);
    return t;
  };

  return {
    url, app, db, sql, oidc, prefix, token,
    async call(user, method, path, body) {
      const headers: Record<string, string> = {};
      if (user) headers['authorization'] = `Bearer ${typeof user === 'string' ? await token(user) : user.token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
    async publish(type, subject, data, id) {
      const event = { ...buildCloudEvent(type.split('.')[0] === 'dfpa' ? 'dfpa' : 'registry-intake', { type, subject, data }), ...(id ? { id } : {}) } as CloudEvent;
      validator.validate(event); // a test builder that drifts from the contract fails here, not silently in the DLQ
      await new Promise<void>((resolve, reject) => {
        publisher.publish(topology.exchange, type, Buffer.from(JSON.stringify(event)), {
          persistent: true, messageId: event.id, contentType: 'application/cloudevents+json', type,
        }, (err) => (err ? reject(err) : resolve()));
      });
      return event;
    },
    emitted: (type) => captured.filter((e) => !type || e.type === type),
    async close() {
      // The sweep's job scheduler would otherwise stay in Redis under this test's prefix.
      await app.get(DeadlineQueue).bullQueue.obliterate({ force: true }).catch(() => undefined);
      await app.close();
      await sql.end();
      await channel.close().catch(() => undefined);
      await amqp.createChannel().then((cleanup) => deleteTopology(cleanup, topology)).catch(() => undefined);
      await amqp.close().catch(() => undefined);
      await oidc.close();
      await db.drop();
    },
  };
}

export function openApiOf(app: NestFastifyApplication) {
  return buildOpenApi(app, { title: definition.title, description: definition.description });
}

export const newId = () => randomUUID();
