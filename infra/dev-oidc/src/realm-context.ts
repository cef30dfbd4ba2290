import type { AuthorizationCode } from './authorization-code.js';
import type { AuthorizationRequest } from './authorization-request.js';
import type { BruteForceProtector } from './brute-force.js';
import type { ExpiringStore } from './expiring-store.js';
import type { RealmModel } from './realm-model.js';
import type { SigningKeys } from './signing-keys.js';
import type { TokenIssuer } from './token-issuer.js';
import type { UserAuthentication } from './user-authentication.js';
import type { UserSessions } from './user-sessions.js';

/** One line of the dev server's log. */
export interface DevOidcLogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  [field: string]: unknown;
}

/** A login form shown and not yet completed: the validated request and the browser it was shown to. */
export interface PendingLogin {
  request: AuthorizationRequest;
  /** The AUTH_SESSION_ID cookie of the browser the form was shown to; the POST must come with it. */
  browserId: string;
}

/** Everything the endpoints of one realm share. */
export interface RealmContext {
  realm: RealmModel;
  issuer: TokenIssuer;
  keys: SigningKeys;
  log: (entry: DevOidcLogEntry) => void;
  sessions: UserSessions;
  codes: ExpiringStore<AuthorizationCode>;
  logins: ExpiringStore<PendingLogin>;
  bruteForce: BruteForceProtector;
  /** A realm user's password check under brute-force detection (login form and password grant). */
  authenticate(login: string, password: string): UserAuthentication;
  now: () => number;
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
}
