import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createRealmServer, type DevOidcLogEntry } from './http-server.js';
import { isLoopbackHost, NonLoopbackRefusedError } from './loopback.js';
import { RealmModel } from './realm-model.js';
import { loadOrCreateSigningKeys } from './signing-keys.js';
import { TokenIssuer, type Claims } from './token-issuer.js';

/** The realm export Keycloak imports in docker compose; the dev server serves the very same file. */
export const DEFAULT_REALM_FILE = fileURLToPath(new URL('../../keycloak/realm-start-integration.json', import.meta.url));

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
  const keys = await loadOrCreateSigningKeys(options.keyFile);
  const log = options.log ?? (() => undefined);

  // The issuer depends on the port, which is only known after listening when the port is 0.
  const state: { issuer?: TokenIssuer } = {};
  const server = createRealmServer({
    realm,
    keys,
    log,
    get issuer(): TokenIssuer {
      if (!state.issuer) throw new Error('dev-oidc is not listening yet');
      return state.issuer;
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`dev-oidc: ${host}:${options.port ?? 8080} is already in use`) : error),
    );
    server.listen(options.port ?? 8080, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  const publicUrl = (options.publicUrl ?? url).replace(/\/+$/, '');
  const tokenIssuer = new TokenIssuer(realm, keys, `${publicUrl}/realms/${encodeURIComponent(realm.name)}`);
  state.issuer = tokenIssuer;

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
      const claims = mint.username ? userClaims(realm, tokenIssuer, mint.username, mint.clientId) : baseClaims(realm, tokenIssuer, mint.clientId ?? 'si-cli');
      for (const [name, value] of Object.entries(claimsOverride)) {
        if (value === undefined) delete claims[name];
        else claims[name] = value;
      }
      return tokenIssuer.sign(claims, mint.header);
    },
  };
}

function userClaims(realm: RealmModel, issuer: TokenIssuer, username: string, requestedClientId: string | undefined): Claims {
  // Service-account users are not found by login name, as in Keycloak, but tests may mint for them.
  const user = realm.user(username) ?? realm.representation.users?.find((u) => u.username === username);
  if (!user) throw new Error(`mintAccessToken: no user ${username} in realm ${realm.name}`);
  const clientId = requestedClientId ?? user.serviceAccountClientId ?? 'si-cli';
  const client = realm.client(clientId);
  if (!client) throw new Error(`mintAccessToken: no client ${clientId} in realm ${realm.name}`);
  const authTime = Math.floor(Date.now() / 1000);
  const sessionNotes: Record<string, string> = user.serviceAccountClientId ? { client_id: clientId, clientHost: '127.0.0.1', clientAddress: '127.0.0.1' } : {};
  return issuer.accessClaims({
    client, user, requestedScopes: [], authTime, sessionNotes, withRefreshToken: false,
    ...(user.serviceAccountClientId ? {} : { sessionId: randomUUID() }),
  });
}

function baseClaims(realm: RealmModel, issuer: TokenIssuer, clientId: string): Claims {
  const iat = Math.floor(Date.now() / 1000);
  return { exp: iat + realm.accessTokenLifespan, iat, jti: randomUUID(), iss: issuer.issuer, typ: 'Bearer', azp: clientId };
}
