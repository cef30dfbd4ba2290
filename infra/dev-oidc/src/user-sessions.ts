import { randomBytes, randomUUID } from 'node:crypto';

/** A Keycloak user session: one login, shared by the clients that obtained tokens in it (SSO). */
export interface UserSession {
  /** Public: `sid` in tokens and `session_state` in redirects, a UUID as in Keycloak. */
  id: string;
  /** Secret: the value of the browser's SSO cookie, never shown elsewhere. */
  cookieToken: string;
  /** The user's `sub`. */
  subject: string;
  username: string;
  /** Epoch seconds of the login (`auth_time`). */
  authTime: number;
  started: number;
  lastSeen: number;
  ended: boolean;
  /**
   * Per client, how often its hold on this session was revoked (a reused code or a revoked refresh token,
   * as Keycloak detaches the client session). Refresh tokens carry the count they were issued under; an
   * older one is refused, while a new authorization of the client starts afresh under the new count.
   */
  clientGenerations: Map<string, number>;
  /** Whether the session came from the login form (and so may be resumed by the SSO cookie). */
  browser: boolean;
}

export interface SessionLimits {
  /** ssoSessionIdleTimeout, seconds. */
  idleSeconds: number;
  /** ssoSessionMaxLifespan, seconds. */
  maxSeconds: number;
}

const MAX_SESSIONS = 100_000;
const SWEEP_EVERY_MS = 60_000;

/**
 * The server's user sessions, in memory like a Keycloak started in dev mode. A refresh token names its
 * session (`sid`), so ending the session (logout) revokes every refresh token issued in it. A session
 * the server does not know (issued before a restart) is treated as alive, as it was before sessions
 * existed here; its refresh tokens still expire on their own.
 */
export class UserSessions {
  private readonly sessions = new Map<string, UserSession>();
  private readonly byCookie = new Map<string, UserSession>();
  private lastSweep = 0;

  constructor(
    private readonly limits: SessionLimits,
    private readonly now: () => number,
  ) {}

  create(subject: string, username: string, browser: boolean): UserSession {
    this.sweep();
    const now = this.now();
    const session: UserSession = {
      id: randomUUID(),
      cookieToken: randomBytes(32).toString('base64url'),
      subject,
      username,
      authTime: Math.floor(now / 1000),
      started: now,
      lastSeen: now,
      ended: false,
      clientGenerations: new Map(),
      browser,
    };
    this.sessions.set(session.id, session);
    if (browser) this.byCookie.set(session.cookieToken, session);
    return session;
  }

  /** The active browser session whose SSO cookie this is. */
  activeByCookie(cookieToken: string | undefined): UserSession | undefined {
    const session = cookieToken === undefined ? undefined : this.byCookie.get(cookieToken);
    return session && this.isActive(session) ? session : undefined;
  }

  /** The session if it is still active (not logged out, not idle or older than the realm allows). */
  active(id: string | undefined): UserSession | undefined {
    const session = id === undefined ? undefined : this.sessions.get(id);
    return session && this.isActive(session) ? session : undefined;
  }

  /**
   * Whether a token of `clientId` in session `id`, issued under `generation`, may still be used: `unknown`
   * for a session this server never saw (see the class comment), `inactive` for one that ended, or whose
   * hold for this client was revoked since. Using it counts as activity of the session.
   */
  tokenState(id: string | undefined, clientId: string, generation = 0): 'active' | 'inactive' | 'unknown' {
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (!session) return 'unknown';
    if (!this.isActive(session) || generation !== this.generation(session, clientId)) return 'inactive';
    session.lastSeen = this.now();
    return 'active';
  }

  /** A session this server knows that is no longer active (logged out, idle, too old). */
  hasEnded(id: string | undefined): boolean {
    const session = id === undefined ? undefined : this.sessions.get(id);
    return session !== undefined && !this.isActive(session);
  }

  generation(session: UserSession, clientId: string): number {
    return session.clientGenerations.get(clientId) ?? 0;
  }

  end(id: string | undefined): UserSession | undefined {
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (session) {
      session.ended = true;
      this.byCookie.delete(session.cookieToken);
    }
    return session;
  }

  revokeClient(id: string, clientId: string): void {
    const session = this.sessions.get(id);
    if (session) session.clientGenerations.set(clientId, this.generation(session, clientId) + 1);
  }

  private isActive(session: UserSession): boolean {
    const now = this.now();
    return (
      !session.ended &&
      now - session.lastSeen <= this.limits.idleSeconds * 1000 &&
      now - session.started <= this.limits.maxSeconds * 1000
    );
  }

  /** Forgets sessions that no token can refer to any more; bounded so a login flood cannot exhaust memory. */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS && this.sessions.size < MAX_SESSIONS) return;
    this.lastSweep = now;
    for (const session of this.sessions.values()) {
      if (
        now - session.started > this.limits.maxSeconds * 1000 ||
        now - session.lastSeen > this.limits.idleSeconds * 1000
      )
        this.forget(session);
    }
    // Oldest first (insertion order); an evicted session becomes "unknown", i.e. its tokens only expire.
    for (const session of this.sessions.values()) {
      if (this.sessions.size < MAX_SESSIONS) break;
      this.forget(session);
    }
  }

  private forget(session: UserSession): void {
    this.sessions.delete(session.id);
    this.byCookie.delete(session.cookieToken);
  }
}
