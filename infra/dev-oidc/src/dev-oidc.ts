import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { CODE_LIFETIME_MS, type AuthorizationCode } from './authorization-code.js';
import { BruteForceProtector, bruteForceSettingsOf } from './brute-force.js';
import { ExpiringStore } from './expiring-store.js';
import { createRealmServer } from './http-server.js';
import { isLoopbackHost, NonLoopbackRefusedError } from './loopback.js';
import type { DevOidcLogEntry, PendingLogin, RealmContext } from './realm-context.js';
import { RealmModel } from './realm-model.js';
import { loadOrCreateSigningKeys } from './signing-keys.js';
import { TokenIssuer, type Claims } from './token-issuer.js';
import { authenticateUser } from './user-authentication.js';
import { UserSessions } from './user-sessions.js';

// Keycloak's accessCodeLifespanLogin: how long a shown login form stays usable.
const LOGIN_LIFETIME_MS = 30 * 60_000;
const MAX_PENDING = 10_000;

/** The realm export Keycloak imports in docker compose; the dev server serves the very same file. */
export const DEFAULT_REALM_FILE = fileURLToPath(
  new URL('../../keycloak/realm-start-integration.json', import.meta.url),
);

export interface DevOidcOptions {
  /** Default 8080; 0 picks a free port (tests). */
  port?: number;
  /** Default 127.0.0.1. Anything but loopback needs `allowNonLoopback`. */
  host?: string;
  /** Default: infra/keycloak/realm-start-integration.json. */
  realmFile?: string;
  /** Base URL clients and services use; `iss` is `{publicUrl}/realms/{realm}`. Default http://{host}:{port}. */
  publicUrl?: string;
  /** Where the signing keys persist across restarts; without it the keys live in memory only. */
  keyFile?: string;
  allowNonLoopback?: boolean;
  log?: (entry: DevOidcLogEntry) => void;
  /**
   * Redirect URIs added to clients of the realm file, for tests whose web app listens on a free port:
   * `{ 'si-web': { redirectUris: ['http://127.0.0.1:41234/auth/callback'], postLogoutRedirectUris: [...] } }`.
   */
  extraRedirectUris?: Record<string, { redirectUris?: string[]; postLogoutRedirectUris?: string[] }>;
  /** The clock (epoch ms) of sessions, codes and brute-force detection; tests move it forward. */
  now?: () => number;
}

export interface MintOptions {
  /** Build the claims exactly as the token endpoint would for this user (a password grant). */
  username?: string;
  /** The requesting client; default si-cli, or the client whose service account `username` is. */
  clientId?: string;
  /** Extra or replaced JWT header members, e.g. a foreign `kid`. */
  header?: Record<string, unknown>;
}

export interface DevOidcServer {
  /** Where the server actually listens, e.g. http://127.0.0.1:43121. */
  url: string;
  publicUrl: string;
  /** The `iss` of every token: `{publicUrl}/realms/{realm}`. */
  issuer: string;
  realm: string;
  port: number;
  close(): Promise<void>;
  /**
   * Signs an access token with the server's real key, for tests that need expired, foreign-audience or
   * otherwise odd tokens. `claimsOverride` is merged last; a member set to `undefined` is removed.
   */
  mintAccessToken(claimsOverride?: Claims, options?: MintOptions): Promise<string>;
}

/** Starts the Keycloak-compatible dev identity server. */
export async function startDevOidc(options: DevOidcOptions = {}): Promise<DevOidcServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.allowNonLoopback) throw new NonLoopbackRefusedError(host);
  const realm = await RealmModel.load(options.realmFile ?? DEFAULT_REALM_FILE);
  addRedirectUris(realm, options.extraRedirectUris ?? {});
  const keys = await loadOrCreateSigningKeys(options.keyFile);
  const log = options.log ?? (() => undefined);
  const now = options.now ?? Date.now;
  const bruteForce = new BruteForceProtector(bruteForceSettingsOf(realm.representation), now);

  // The issuer depends on the port, which is only known after listening when the port is 0.
  const state: { issuer?: TokenIssuer; secureCookies: boolean } = { secureCookies: false };
  const context: RealmContext = {
    realm,
    keys,
    log,
    get issuer(): TokenIssuer {
      if (!state.issuer) throw new Error('dev-oidc is not listening yet');
      return state.issuer;
    },
    sessions: new UserSessions({ idleSeconds: realm.sessionIdleTimeout, maxSeconds: realm.sessionMaxLifespan }, now),
    codes: new ExpiringStore<AuthorizationCode>(CODE_LIFETIME_MS, MAX_PENDING, now),
    logins: new ExpiringStore<PendingLogin>(LOGIN_LIFETIME_MS, MAX_PENDING, now),
    bruteForce,
    authenticate: (login, password) => authenticateUser(realm, bruteForce, login, password),
    now,
    get secureCookies(): boolean {
      return state.secureCookies;
    },
  };
  const server = createRealmServer(context);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' ? new Error(`dev-oidc: ${host}:${options.port ?? 8080} is already in use`) : error,
      ),
    );
    server.listen(options.port ?? 8080, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  const publicUrl = (options.publicUrl ?? url).replace(/\/+$/, '');
  const tokenIssuer = new TokenIssuer(realm, keys, `${publicUrl}/realms/${encodeURIComponent(realm.name)}`);
  state.issuer = tokenIssuer;
  state.secureCookies = publicUrl.startsWith('https:');

  return {
    url,
    publicUrl,
    issuer: tokenIssuer.issuer,
    realm: realm.name,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    async mintAccessToken(claimsOverride = {}, mint = {}) {
      const claims = mint.username
        ? userClaims(realm, tokenIssuer, mint.username, mint.clientId)
        : baseClaims(realm, tokenIssuer, mint.clientId ?? 'si-cli');
      for (const [name, value] of Object.entries(claimsOverride)) {
        if (value === undefined) delete claims[name];
        else claims[name] = value;
      }
      return tokenIssuer.sign(claims, mint.header);
    },
  };
}

function addRedirectUris(realm: RealmModel, extra: NonNullable<DevOidcOptions['extraRedirectUris']>): void {
  for (const [clientId, uris] of Object.entries(extra)) {
    const client = realm.client(clientId);
    if (!client) throw new Error(`extraRedirectUris: no client ${clientId} in realm ${realm.name}`);
    client.redirectUris = [...(client.redirectUris ?? []), ...(uris.redirectUris ?? [])];
    const listed = (client.attributes?.['post.logout.redirect.uris'] ?? '').split('##').filter(Boolean);
    client.attributes = {
      ...client.attributes,
      'post.logout.redirect.uris': [...listed, ...(uris.postLogoutRedirectUris ?? [])].join('##'),
    };
  }
}

function userClaims(
  realm: RealmModel,
  issuer: TokenIssuer,
  username: string,
  requestedClientId: string | undefined,
): Claims {
  // Service-account users are not found by login name, as in Keycloak, but tests may mint for them.
  const user = realm.user(username) ?? realm.representation.users?.find((u) => u.username === username);
  if (!user) throw new Error(`mintAccessToken: no user ${username} in realm ${realm.name}`);
  const clientId = requestedClientId ?? user.serviceAccountClientId ?? 'si-cli';
  const client = realm.client(clientId);
  if (!client) throw new Error(`mintAccessToken: no client ${clientId} in realm ${realm.name}`);
  const authTime = Math.floor(Date.now() / 1000);
  const sessionNotes: Record<string, string> = user.serviceAccountClientId
    ? { client_id: clientId, clientHost: '127.0.0.1', clientAddress: '127.0.0.1' }
    : {};
  return issuer.accessClaims({
    client,
    user,
    requestedScopes: [],
    authTime,
    sessionNotes,
    withRefreshToken: false,
    ...(user.serviceAccountClientId ? {} : { sessionId: randomUUID() }),
  });
}

function baseClaims(realm: RealmModel, issuer: TokenIssuer, clientId: string): Claims {
  const iat = Math.floor(Date.now() / 1000);
  return {
    exp: iat + realm.accessTokenLifespan,
    iat,
    jti: randomUUID(),
    iss: issuer.issuer,
    typ: 'Bearer',
    azp: clientId,
  };
}
