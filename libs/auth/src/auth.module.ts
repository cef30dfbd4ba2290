import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AUTH_OPTIONS, resolveAuthOptions, type AuthModuleOptions, type ResolvedAuthOptions } from './auth-options.js';
import { KeycloakGuard } from './keycloak.guard.js';
import { KeycloakTokenVerifier } from './keycloak-token-verifier.js';
import { RouteAuditService } from './route-audit.service.js';
import { TokenCache } from './token-cache.js';

/**
 * Bearer-token authentication and role checks for a service: registers KeycloakGuard as the global
 * guard, so every route is closed unless it says `@Roles(...)` or `@Public()`.
 *
 * ```ts
 * AuthModule.forRoot({ clientId: 'case-management' }) // server URL and realm from OIDC_AUTH_SERVER_URL / OIDC_REALM
 * ```
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const resolved = resolveAuthOptions(options);
    return {
      module: AuthModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: AUTH_OPTIONS, useValue: resolved },
        {
          provide: KeycloakTokenVerifier,
          useFactory: (o: ResolvedAuthOptions) => new KeycloakTokenVerifier(o),
          inject: [AUTH_OPTIONS],
        },
        {
          provide: TokenCache,
          useFactory: (o: ResolvedAuthOptions) => new TokenCache(o.tokenCacheSize),
          inject: [AUTH_OPTIONS],
        },
        KeycloakGuard,
        { provide: APP_GUARD, useExisting: KeycloakGuard },
        RouteAuditService,
      ],
      exports: [AUTH_OPTIONS, KeycloakTokenVerifier],
    };
  }
}
