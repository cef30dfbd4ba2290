import { Global, Inject, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { OperationsModule, READINESS_CHECKS, type ReadinessCheck } from '@si/http';
import { createRedisConnection } from '@si/jobs';
import { AuthModule } from './auth/auth.module.js';
import { OidcClient } from './auth/oidc.js';
import { UserTokens } from './auth/user-token.js';
import { CaseManagementApi, DfpaApi, OffersApi, RegistryIntakeApi, ReportingApi, SubsidiesApi } from './api/clients.js';
import { loadWebConfig, WEB_CONFIG, type WebConfig } from './config/web.config.js';
import { AssetsController } from './shell/assets.controller.js';
import { WEB_REDIS } from './shared/tokens.js';

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(WEB_REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown() {
    await this.redis.quit().catch(() => undefined);
  }
}

/** Ready means: Redis (the sessions) answers and the identity server's discovery document was read. */
const readiness: Provider & { provide: typeof READINESS_CHECKS } = {
  provide: READINESS_CHECKS,
  inject: [WEB_REDIS, OidcClient],
  useFactory: (redis: Redis, oidc: OidcClient): ReadinessCheck[] => [
    { name: 'redis', check: async () => void (await redis.ping()) },
    { name: 'identity', check: async () => void (await oidc.discovered()) },
  ],
};

@Global()
@Module({
  imports: [AuthModule, OperationsModule.forRoot(readiness)],
  controllers: [AssetsController],
  providers: [
    { provide: WEB_CONFIG, useFactory: () => loadWebConfig() },
    // Page requests should fail fast when Redis is gone, not queue forever.
    {
      provide: WEB_REDIS,
      inject: [WEB_CONFIG],
      useFactory: (c: WebConfig) => createRedisConnection(c.redisUrl, { maxRetriesPerRequest: 2 }),
    },
    RedisCloser,
    {
      provide: CaseManagementApi,
      inject: [WEB_CONFIG, UserTokens],
      useFactory: (c: WebConfig, t: UserTokens) =>
        new CaseManagementApi('case-management', c.services.caseManagement, t),
    },
    {
      provide: RegistryIntakeApi,
      inject: [WEB_CONFIG, UserTokens],
      useFactory: (c: WebConfig, t: UserTokens) =>
        new RegistryIntakeApi('registry-intake', c.services.registryIntake, t),
    },
    {
      provide: OffersApi,
      inject: [WEB_CONFIG, UserTokens],
      useFactory: (c: WebConfig, t: UserTokens) => new OffersApi('offers', c.services.offers, t),
    },
    {
      provide: SubsidiesApi,
      inject: [WEB_CONFIG, UserTokens],
      useFactory: (c: WebConfig, t: UserTokens) => new SubsidiesApi('subsidies', c.services.subsidies, t),
    },
    {
      provide: ReportingApi,
      inject: [WEB_CONFIG, UserTokens],
      useFactory: (c: WebConfig, t: UserTokens) => new ReportingApi('reporting', c.services.reporting, t),
    },
    {
      provide: DfpaApi,
      inject: [WEB_CONFIG, UserTokens],
      useFactory: (c: WebConfig, t: UserTokens) => new DfpaApi('dfpa', c.services.dfpa, t),
    },
  ],
  exports: [
    WEB_CONFIG,
    WEB_REDIS,
    CaseManagementApi,
    RegistryIntakeApi,
    OffersApi,
    SubsidiesApi,
    ReportingApi,
    DfpaApi,
    AuthModule,
  ],
})
export class WebCoreModule {}
