import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUTH_OPTIONS, type ResolvedAuthOptions } from './auth-options.js';
import { bearerToken } from './bearer-token.js';
import { PRINCIPAL_PROPERTY } from './current-principal.decorator.js';
import { InvalidTokenError, KeycloakTokenVerifier } from './keycloak-token-verifier.js';
import { MalformedTokenError, principalFromClaims, type Principal } from './principal.js';
import { forbidden, unauthenticated } from './problem.js';
import { routeName, routePolicy } from './route-policy.js';
import { TokenCache } from './token-cache.js';

/** The little of a Fastify (or Express) request and reply the guard touches. */
interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  method?: string;
  url?: string;
  [PRINCIPAL_PROPERTY]?: Principal;
}
interface HttpReply {
  header?(name: string, value: string): unknown;
  setHeader?(name: string, value: string): unknown;
}

/** Logged when a route without @Roles/@Public is hit (and at startup by RouteAuditService). */
export const undeclaredRouteWarning = (route: string): string =>
  `route ${route} declares neither @Roles(...) nor @Public(): every request to it is refused with 403`;

/**
 * The one global guard (APP_GUARD) of every service. Per request: the route's declaration decides
 * (default deny), then the bearer token is validated once with keycloak-connect, or found in the cache,
 * and the caller's realm roles are matched. 401 for a missing or invalid token, 403 for a missing role.
 * Tokens are never logged; failures are logged with reason, route and client address.
 */
@Injectable()
export class KeycloakGuard implements CanActivate {
  private readonly logger = new Logger('Auth');
  private readonly warnedRoutes = new Set<string>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: KeycloakTokenVerifier,
    private readonly cache: TokenCache,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const handler = context.getHandler();
    const controller = context.getClass();
    const route = routeName(controller, handler);
    const policy = routePolicy(this.reflector, handler, controller);
    if (policy.kind === 'public') return true;
    if (policy.kind === 'undeclared') {
      if (!this.warnedRoutes.has(route)) {
        this.warnedRoutes.add(route);
        this.logger.warn(undeclaredRouteWarning(route));
      }
      throw forbidden('this route declares no access rule (@Roles or @Public) and is therefore closed');
    }
    // Bearer tokens exist only on HTTP; message handlers must be @Public() and rely on broker permissions.
    if (context.getType() !== 'http') throw forbidden(`${route} is not an HTTP route and not @Public()`);

    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const principal =
      request[PRINCIPAL_PROPERTY] ?? (await this.authenticate(request, http.getResponse<HttpReply>(), route));
    if (!policy.roles.some((role) => principal.roles.includes(role))) {
      this.logger.warn({
        message: 'access denied',
        reason: `missing role (one of ${policy.roles.join(', ')})`,
        route,
        subject: principal.subject,
        ip: request.ip,
      });
      throw forbidden(`requires one of the roles: ${policy.roles.join(', ')}`);
    }
    return true;
  }

  private async authenticate(request: HttpRequest, reply: HttpReply, route: string): Promise<Principal> {
    const token = bearerToken(request.headers['authorization']);
    if (!token) {
      this.fail(reply, request, route, 'no bearer token', `Bearer realm="${this.options.realm}"`);
      throw unauthenticated('a bearer token is required');
    }
    const cached = this.cache.get(token);
    if (cached) return (request[PRINCIPAL_PROPERTY] = cached);
    let claims: Record<string, unknown>;
    let principal: Principal;
    try {
      claims = await this.verifier.verify(token);
      principal = principalFromClaims(claims);
    } catch (error) {
      if (!(error instanceof InvalidTokenError) && !(error instanceof MalformedTokenError)) throw error;
      this.fail(reply, request, route, error.message, `Bearer realm="${this.options.realm}", error="invalid_token"`);
      throw unauthenticated('the bearer token is invalid or expired');
    }
    this.cache.set(token, principal, claims['exp'] as number);
    return (request[PRINCIPAL_PROPERTY] = principal);
  }

  private fail(reply: HttpReply, request: HttpRequest, route: string, reason: string, challenge: string): void {
    this.logger.warn({
      message: 'authentication failed',
      reason,
      route,
      method: request.method,
      path: request.url?.split('?')[0],
      ip: request.ip,
    });
    if (reply.header) reply.header('WWW-Authenticate', challenge);
    else reply.setHeader?.('WWW-Authenticate', challenge);
  }
}
