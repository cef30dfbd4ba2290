import { randomBytes } from 'node:crypto';
import { Module, type Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import pg from 'pg';
import { AUDIT_TABLE } from '@si/audit';
// eslint-disable-next-line @nx/enforce-module-boundaries -- services are tested against the real dev identity server
import { startDevOidc, type DevOidcServer } from '@si/dev-oidc';
import { configureHttp } from '@si/http';
import {
  declareTopology,
  deleteTopology,
  loadTopology,
  MessagingLifecycle,
  resolveTopology,
  type CloudEvent,
  type ResolvedTopology,
} from '@si/messaging';
import { createLogger } from '@si/observability';
import { runMigrations } from '@si/persistence';
import {
  allMigrations,
  loadPlatformConfig,
  ServiceCoreModule,
  type PlatformConfig,
  type ServiceDefinition,
} from '@si/service';
import { createTestDatabase, eventually, type TestDatabase } from '@si/testing';

export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const DEMO_USERS = [
  'ib.solothurn',
  'ib.olten',
  'ib.hubersdorf',
  'sr.olten',
  'ags.koordination',
  'ma.integration',
] as const;
export type DemoUser = (typeof DEMO_USERS)[number];
/**
 * Every person of the demo realm (infra/keycloak/realm-start-integration.json): DEMO_USERS and the users added with
 * the second wave (a second Sozialregion, AGS finance, two providers, a mentoring pool). An access matrix over these
 * also checks that another region, a provider or a pool finds nothing it has no task for. The dfpa, case-management,
 * reporting and registry-intake matrices run it; the others still spell out the six DEMO_USERS until they add the
 * five columns.
 */
export const REALM_USERS = [
  ...DEMO_USERS,
  'sr.thal-gaeu',
  'ags.finanzen',
  'anbieter.vhs',
  'anbieter.caritas',
  'mp.olten',
] as const;
export type RealmUser = (typeof REALM_USERS)[number];
/** A demo user (password grant) or the register connector (client credentials). */
export type Caller = DemoUser | 'register-connector';
/** Whom a test app signs requests for: a Caller or any other person of the demo realm (the REALM_USERS matrices). */
export type RealmCaller = Caller | RealmUser;

/** Response bodies are checked by shape in the specs, so they are typed loosely on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface TestResponse {
  status: number;
  /** Parsed JSON, or the text where the body is not JSON. */
  body: Json;
  headers: Headers;
}

export interface ServiceTestAppOptions {
  definition: ServiceDefinition;
  /** The service's feature modules, beside ServiceCoreModule. */
  modules: Type<unknown>[];
  /**
   * The service's own configuration objects (e.g. `{ provide: CASE_MANAGEMENT_CONFIG, useValue: settings.defaults({…}) }`),
   * which replace the providers that would read the environment; the test's broker prefix is given so names can derive from it.
   */
  config?: (prefix: string) => { provide: unknown; useValue: unknown }[];
  /** @deprecated Environment variables for a service whose settings are still read from `process.env`; prefer `config`. */
  env?: (prefix: string) => Record<string, string>;
  /** Replace providers (e.g. a clock) before the app starts. */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** Routing-key pattern of the events to capture from the test's exchange, e.g. `case.#`. */
  capture: string;
  /** Runs before the app closes (e.g. removing job schedulers from Redis). */
  beforeClose?: (app: NestFastifyApplication) => Promise<void>;
}

export interface ServiceTestApp {
  url: string;
  app: NestFastifyApplication;
  db: TestDatabase;
  /** The runtime-role connection, for assertions on rows. */
  sql: pg.Pool;
  oidc: DevOidcServer;
  prefix: string;
  topology: ResolvedTopology;
  amqp: ChannelModel;
  token(caller: RealmCaller): Promise<string>;
  /** A raw request as `caller` (or with an explicit token, or none). */
  request(
    caller: RealmCaller | { token: string } | null,
    method: string,
    path: string,
    body?: string | Buffer,
    contentType?: string,
  ): Promise<TestResponse>;
  /** A JSON request as `caller`. */
  call(
    caller: RealmCaller | { token: string } | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<TestResponse>;
  /** Events the service emitted that match `capture`, as seen on the broker. */
  emitted(type?: string): CloudEvent<Json>[];
  close(): Promise<void>;
}

/**
 * The real service app (ServiceCoreModule + its feature modules) on a fresh database, with its own dev identity
 * server and broker name prefix, migrated as in production and listening on a free port; events it emits are
 * captured on a private queue. Its settings are passed as objects (platform and service configuration), not through
 * `process.env`. Tests talk real HTTP: under Jest, Fastify's inject() cannot load (an ESM-only dependency).
 */
export async function startServiceTestApp(options: ServiceTestAppOptions): Promise<ServiceTestApp> {
  const { definition } = options;
  const db = await createTestDatabase(definition.name);
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const oidc = await startDevOidc({ port: 0 });
  // The platform settings as an object: the defaults (quiet logs unless LOG_LEVEL asks), then this test's database, broker prefix
  // and identity server.
  const platform: PlatformConfig = {
    ...loadPlatformConfig(definition, { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }),
    database: db,
    amqpUrl: AMQP_URL,
    messagingPrefix: prefix,
    oidc: { authServerUrl: oidc.publicUrl, realm: 'start-integration', jwksUrl: undefined },
  };
  // The services' own loggers read LOG_LEVEL (@si/observability): quiet unless the developer asks for more.
  process.env.LOG_LEVEL ??= 'warn';
  if (options.env) Object.assign(process.env, options.env(prefix));
  await runMigrations({
    migratorUrl: db.migratorUrl,
    appRole: db.appRole,
    migrations: allMigrations(definition),
    appendOnlyTables: [AUDIT_TABLE],
  });

  @Module({ imports: [ServiceCoreModule.forService(definition, platform), ...options.modules] })
  class TestAppModule {}

  let builder = Test.createTestingModule({ imports: [TestAppModule as Type<unknown>] });
  for (const { provide, useValue } of options.config?.(prefix) ?? [])
    builder = builder.overrideProvider(provide).useValue(useValue);
  if (options.override) builder = options.override(builder);
  const app = (await builder.compile()).createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: ['error'],
  });
  configureHttp(app, createLogger(`${definition.name}-test`), definition.problems);
  app.enableShutdownHooks();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const sql = new pg.Pool({ connectionString: db.appUrl, max: 3 });

  const amqp = await connect(AMQP_URL);
  amqp.on('error', () => undefined); // a broker restart (another suite's fault test) surfaces in the assertions, not as a crash
  const channel: Channel = await amqp.createChannel();
  const topology = resolveTopology(loadTopology(), prefix);
  // Queues exist before the first publish (the consumers declare them too, but asynchronously).
  await declareTopology(channel, topology);
  await eventually(
    () => {
      if (!app.get(MessagingLifecycle).isReady()) throw new Error('messaging not ready');
    },
    { timeoutMs: 20_000 },
  );
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, topology.exchange, options.capture);
  const captured: CloudEvent<Json>[] = [];
  await channel.consume(
    queue,
    (msg) => {
      if (msg) captured.push(JSON.parse(msg.content.toString('utf8')) as CloudEvent<Json>);
    },
    { noAck: true },
  );

  const tokens = new Map<RealmCaller, string>();
  const token = async (caller: RealmCaller) => {
    const cached = tokens.get(caller);
    if (cached) return cached;
    const form: Record<string, string> =
      caller === 'register-connector'
        ? {
            grant_type: 'client_credentials',
            client_id: 'register-connector',
            client_secret: 'register-connector-secret',
          }
        : { grant_type: 'password', client_id: 'si-cli', username: caller, password: 'demo' };
    const response = await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    if (response.status !== 200) throw new Error(`token for ${caller}: ${response.status}`);
    const t = ((await response.json()) as { access_token: string }).access_token;
    tokens.set(caller, t);
    return t;
  };
  const request: ServiceTestApp['request'] = async (caller, method, path, body, contentType) => {
    const headers: Record<string, string> = {};
    if (caller) headers['authorization'] = `Bearer ${typeof caller === 'string' ? await token(caller) : caller.token}`;
    if (contentType) headers['content-type'] = contentType;
    // Node's fetch takes a Buffer as it is (no copy: the attack specs send large bodies); the DOM typing of fetch, which
    // the browser-facing packages bring into the test type-check, does not list Buffer.
    const payload = body as NonNullable<RequestInit['body']> | undefined;
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    const text = await response.text();
    let parsed: Json = text || undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };

  return {
    url,
    app,
    db,
    sql,
    oidc,
    prefix,
    topology,
    amqp,
    token,
    request,
    call: (caller, method, path, body) =>
      request(
        caller,
        method,
        path,
        body === undefined ? undefined : JSON.stringify(body),
        body === undefined ? undefined : 'application/json',
      ),
    emitted: (type) => captured.filter((e) => !type || e.type === type),
    async close() {
      await options.beforeClose?.(app);
      await app.close();
      await sql.end();
      await channel.close().catch(() => undefined);
      await amqp
        .createChannel()
        .then((cleanup) => deleteTopology(cleanup, topology))
        .catch(() => undefined);
      await amqp.close().catch(() => undefined);
      await oidc.close();
      await db.drop();
    },
  };
}
