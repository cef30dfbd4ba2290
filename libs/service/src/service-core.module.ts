import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { AuthModule } from '@si/auth';
import { AuditLog } from '@si/audit';
import { OperationsModule } from '@si/http';
import { MessagingModule } from '@si/messaging';
import { createDataSource } from '@si/persistence';
import { createRedisConnection } from '@si/jobs';
import type { ServiceDefinition } from './service-definition.js';
import { loadPlatformConfig, type PlatformConfig } from './platform.config.js';
import { readinessProvider } from './readiness.providers.js';
import { PLATFORM_CONFIG, REDIS, SERVICE_DEFINITION } from './tokens.js';

/** Closes the Redis connection with the app. */
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown() {
    await this.redis.quit().catch(() => undefined);
  }
}

/**
 * Everything a service stands on, the same in all six: its database (as the runtime role), the auth
 * guard with the service as audience, health and metrics, outbox, relay and consumers, the audit log, Redis.
 * `config` defaults to the validated environment (`loadPlatformConfig`); tests pass their own object.
 */
@Global()
@Module({})
export class ServiceCoreModule {
  static forService(
    definition: ServiceDefinition,
    config: PlatformConfig = loadPlatformConfig(definition),
  ): DynamicModule {
    const db = config.database;
    return {
      module: ServiceCoreModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres', url: db.appUrl, autoLoadEntities: true, synchronize: false }),
          dataSourceFactory: async (options) => {
            const entities = (options?.entities ?? []) as [];
            return createDataSource({
              url: db.appUrl,
              entities,
              poolSize: 20,
              applicationName: definition.name,
            }).initialize();
          },
        }),
        AuthModule.forRoot({
          clientId: definition.name,
          authServerUrl: config.oidc.authServerUrl,
          realm: config.oidc.realm,
          ...(config.oidc.jwksUrl ? { jwksUrl: config.oidc.jwksUrl } : {}),
        }),
        MessagingModule.forService({
          service: definition.name,
          amqpUrl: config.amqpUrl,
          prefix: config.messagingPrefix,
          dataSourceToken: getDataSourceToken(),
        }),
        OperationsModule.forRoot(readinessProvider),
      ],
      providers: [
        { provide: SERVICE_DEFINITION, useValue: definition },
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: AuditLog, inject: [getDataSourceToken()], useFactory: (ds: DataSource) => new AuditLog(ds) },
        { provide: REDIS, useFactory: () => createRedisConnection(config.redisUrl) },
        RedisCloser,
      ],
      exports: [SERVICE_DEFINITION, PLATFORM_CONFIG, AuditLog, REDIS],
    };
  }
}
