import {
  defineConfig,
  int,
  oneOf,
  optionalText,
  optionalUrl,
  text,
  url,
  type Environment,
  type ValuesOf,
} from '@si/config';
import { databaseConfig, type DatabaseConfig } from '@si/persistence';
import type { ServiceDefinition } from './service-definition.js';

/**
 * The settings every service shares, with the local platform's values as defaults (infra/postgres/init,
 * infra/scripts). The only place that reads them: the libraries get them passed through `ServiceCoreModule`.
 */
export function platformSettings(definition: Pick<ServiceDefinition, 'name' | 'port'>) {
  return defineConfig(definition.name, {
    port: int('PORT', { default: definition.port, min: 1, max: 65_535, meaning: 'HTTP port of the service' }),
    host: text('HOST', {
      default: '127.0.0.1',
      meaning:
        'Address to listen on (loopback unless a container needs more: a developer machine must not expose personal data)',
    }),
    databaseUrl: optionalUrl('DATABASE_URL', {
      protocols: ['postgres:', 'postgresql:'],
      meaning: 'Database as the runtime role (rows only); default postgres://<svc>_app:…@PGHOST:PGPORT/<svc>',
    }),
    databaseMigratorUrl: optionalUrl('DATABASE_MIGRATOR_URL', {
      protocols: ['postgres:', 'postgresql:'],
      meaning: 'Database as the migrator role (schema); default postgres://<svc>_migrator:…@PGHOST:PGPORT/<svc>',
    }),
    pgHost: text('PGHOST', { default: '127.0.0.1', meaning: 'PostgreSQL host of the default database URLs' }),
    pgPort: int('PGPORT', {
      default: 5432,
      min: 1,
      max: 65_535,
      meaning: 'PostgreSQL port of the default database URLs',
    }),
    amqpUrl: url('AMQP_URL', {
      default: 'amqp://guest:guest@127.0.0.1:5672',
      protocols: ['amqp:', 'amqps:'],
      meaning: 'RabbitMQ broker',
    }),
    messagingPrefix: optionalText('SI_MESSAGING_PREFIX', {
      meaning: 'Name prefix of exchange and queues (tests and benchmarks share one broker)',
    }),
    redisUrl: url('REDIS_URL', {
      default: 'redis://127.0.0.1:6379',
      protocols: ['redis:', 'rediss:'],
      meaning: 'Redis of the BullMQ jobs',
    }),
    oidcAuthServerUrl: url('OIDC_AUTH_SERVER_URL', {
      default: 'http://localhost:8080',
      protocols: ['http:', 'https:'],
      meaning: "Identity server as it appears in the tokens' iss (without /realms/…)",
    }),
    oidcRealm: text('OIDC_REALM', { default: 'start-integration', meaning: 'Keycloak realm' }),
    oidcJwksUrl: optionalUrl('OIDC_JWKS_URL', {
      protocols: ['http:', 'https:'],
      meaning:
        'Signing keys when the service reaches the identity server by another name (docker compose); default derived from the two above',
    }),
    migrate: oneOf('SI_MIGRATE', ['on-start', 'only', 'never'] as const, {
      default: 'on-start',
      meaning:
        'Schema migrations: on-start (migrate, then serve: development), only (migrate as the migrator role and exit: the one-shot step before the servers), never (serve without the migrator credentials: security probe F6)',
    }),
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, {
      default: 'info',
      meaning: 'Lowest level written to the JSON log',
    }),
  });
}

/** What `ServiceCoreModule` and `bootstrapService` hand to the libraries: plain values, no environment. */
export interface PlatformConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly amqpUrl: string;
  readonly messagingPrefix: string | undefined;
  readonly redisUrl: string;
  readonly oidc: { readonly authServerUrl: string; readonly realm: string; readonly jwksUrl: string | undefined };
  readonly logLevel: ValuesOf<ReturnType<typeof platformSettings>['settings']>['logLevel'];
  readonly migrate?: ValuesOf<ReturnType<typeof platformSettings>['settings']>['migrate'];
}

/**
 * Reads and validates the platform settings of a service; a wrong value throws a `ConfigError` that names every
 * wrong variable before anything connects. Tests call it with `{}` and put their own values on top.
 */
export function loadPlatformConfig(
  definition: Pick<ServiceDefinition, 'name' | 'port'>,
  env: Environment = process.env,
): PlatformConfig {
  const v = platformSettings(definition).load(env);
  return {
    port: v.port,
    host: v.host,
    database: databaseConfig(definition.name, {
      PGHOST: v.pgHost,
      PGPORT: String(v.pgPort),
      DATABASE_URL: v.databaseUrl,
      DATABASE_MIGRATOR_URL: v.databaseMigratorUrl,
    }),
    amqpUrl: v.amqpUrl,
    messagingPrefix: v.messagingPrefix,
    redisUrl: v.redisUrl,
    oidc: { authServerUrl: v.oidcAuthServerUrl, realm: v.oidcRealm, jwksUrl: v.oidcJwksUrl },
    logLevel: v.logLevel,
    migrate: v.migrate,
  };
}
