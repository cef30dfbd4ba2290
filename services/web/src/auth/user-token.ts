import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createLogger } from '@si/observability';
import { webContext } from '../shell/web-context.js';
import { LoginRequired } from '../shell/web-errors.js';
import { OidcClient } from './oidc.js';
import { SessionStore } from './session.store.js';
import type { Session } from './session.js';

const logger = createLogger('web');
/** Refresh this long before the access token expires, so a call never leaves with a token about to die. */
const MARGIN_MS = 30_000;

/**
 * The user's access token for a call to a service (token relay: the services stay bearer-only and check
 * the user themselves). Refreshes it with the refresh token when it is about to expire; one refresh per
 * session at a time in this process, so parallel calls of one page do not race.
 */
@Injectable()
export class UserTokens {
  private readonly inFlight = new Map<string, Promise<Session>>();

  constructor(
    @Inject(OidcClient) private readonly oidc: OidcClient,
    @Inject(SessionStore) private readonly sessions: SessionStore,
  ) {}

  async accessToken(request: FastifyRequest): Promise<string> {
    const ctx = webContext(request);
    const { session, sessionId } = ctx;
    if (!session || !sessionId) throw new LoginRequired(request.url);
    if (session.accessExpiresAt - MARGIN_MS > Date.now()) return session.accessToken;
    let pending = this.inFlight.get(sessionId);
    if (!pending) {
      pending = this.refresh(sessionId, session).finally(() => this.inFlight.delete(sessionId));
      this.inFlight.set(sessionId, pending);
    }
    const fresh = await pending;
    ctx.session = fresh;
    ctx.user = fresh.user;
    return fresh.accessToken;
  }

  private async refresh(id: string, session: Session): Promise<Session> {
    if (!session.refreshToken) {
      await this.sessions.destroy(id);
      throw new LoginRequired('/');
    }
    try {
      const tokens = await this.oidc.refresh(session.refreshToken, session.idToken ? { idToken: session.idToken } : {});
      const next: Session = {
        ...session,
        user: tokens.user,
        accessToken: tokens.accessToken,
        accessExpiresAt: tokens.accessExpiresAt,
        ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
        ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
      };
      await this.sessions.save(id, next);
      return next;
    } catch (error) {
      // The identity server ended the session (logout elsewhere, expiry): log in again.
      logger.info({ reason: (error as Error).message }, 'token refresh refused: session ended');
      await this.sessions.destroy(id);
      throw new LoginRequired('/');
    }
  }
}
