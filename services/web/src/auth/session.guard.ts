import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_METADATA, ROLES_METADATA } from '@si/auth';
import { WEB_CONFIG, type WebConfig } from '../config/web.config.js';
import { webContext } from '../shell/web-context.js';
import { CsrfRefused, ForbiddenPage, LoginRequired } from '../shell/web-errors.js';
import { sameOrigin, tokenMatches } from './csrf.js';
import { hasAnyRole } from './session.js';
import { readCookie, sessionCookieName } from './session-cookie.js';
import { SessionStore } from './session.store.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Default deny, as in every service: a route needs @Public() or @Roles(...). Loads the session (which
 * restarts its idle clock), then checks the role, then on every POST the origin and the CSRF token.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets) === true;
    const ctx = webContext(request);
    const id = readCookie(request, sessionCookieName(this.config));
    const session = id ? await this.sessions.get(id) : undefined;
    if (session && id) Object.assign(ctx, { user: session.user, csrf: session.csrf, session, sessionId: id });

    if (!SAFE.has(request.method)) {
      if (!sameOrigin(request, this.config.publicUrl)) throw new CsrfRefused();
      if (session && !tokenMatches(request, session.csrf)) throw new CsrfRefused();
    }
    if (isPublic) return true;
    if (!session)
      throw new LoginRequired(
        SAFE.has(request.method)
          ? request.url
          : request.headers['referer']
            ? new URL(String(request.headers['referer'])).pathname
            : '/',
      );
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES_METADATA, targets);
    if (!roles?.length || !hasAnyRole(session.user, roles)) throw new ForbiddenPage();
    return true;
  }
}
