import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { WEB_CONFIG, type WebConfig } from '../config/web.config.js';
import { WEB_REDIS } from '../shared/tokens.js';
import { AuthController } from './auth.controller.js';
import { OidcClient } from './oidc.js';
import { SessionGuard } from './session.guard.js';
import { SessionStore } from './session.store.js';
import { UserTokens } from './user-token.js';

/** The backend-for-frontend login: OIDC client, sessions in Redis, the guard on every route, token relay. */
@Module({
  // Nest's discovery, as in the services' auth module: the route table (@si/http routeDeclarations) reads every
  // route's @Roles/@Public through it, for the access matrix.
  imports: [DiscoveryModule],
  controllers: [AuthController],
  providers: [
    { provide: OidcClient, inject: [WEB_CONFIG], useFactory: (c: WebConfig) => new OidcClient(c) },
    {
      provide: SessionStore,
      inject: [WEB_REDIS, WEB_CONFIG],
      useFactory: (redis: Redis, c: WebConfig) =>
        new SessionStore(redis, c.redisPrefix, c.idleMinutes * 60_000, c.maxHours * 3_600_000),
    },
    UserTokens,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [OidcClient, SessionStore, UserTokens],
})
export class AuthModule {}
