import * as client from 'openid-client';
import { issuerOf, type WebConfig } from '../config/web.config.js';
import { WEB_ROLES, type WebRole, type WebUser } from './session.js';

export interface TokenSet {
  accessToken: string;
  accessExpiresAt: number;
  refreshToken?: string;
  idToken?: string;
  user: WebUser;
}

/**
 * The identity server as a relying party sees it: discovery (retried until it answers, so the web service
 * may start before the identity server), the authorization code flow with PKCE S256, refresh and logout.
 * openid-client checks state, nonce, issuer, audience and the ID token's signature.
 */
export class OidcClient {
  private config?: Promise<client.Configuration>;

  constructor(private readonly settings: WebConfig) {}

  get redirectUri(): string {
    return `${this.settings.publicUrl}/auth/callback`;
  }

  discovered(): Promise<client.Configuration> {
    if (!this.config) {
      const server = this.settings.discoveryUrl ?? issuerOf(this.settings);
      const insecure = server.startsWith('http:');
      this.config = client
        .discovery(
          new URL(server),
          this.settings.clientId,
          undefined,
          client.ClientSecretBasic(this.settings.clientSecret),
          insecure ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.config = undefined;
          throw error;
        });
    }
    return this.config;
  }

  /** Where the browser goes to log in; what the callback needs to finish is returned to be kept server-side. */
  async startLogin(): Promise<{ url: URL; state: string; codeVerifier: string; nonce: string }> {
    const config = await this.discovered();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, codeVerifier, nonce };
  }

  async finishLogin(
    callbackUrl: URL,
    expected: { state: string; codeVerifier: string; nonce: string },
  ): Promise<TokenSet> {
    const config = await this.discovered();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    return toTokenSet(tokens);
  }

  async refresh(refreshToken: string, previous?: { idToken?: string }): Promise<TokenSet> {
    const tokens = await client.refreshTokenGrant(await this.discovered(), refreshToken);
    const set = toTokenSet(tokens);
    return { ...set, idToken: set.idToken ?? previous?.idToken };
  }

  /** The identity server's logout (ends its SSO session too), or undefined if it offers none. */
  async logoutUrl(idToken: string | undefined): Promise<URL | undefined> {
    const config = await this.discovered();
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: `${this.settings.publicUrl}/`,
      client_id: this.settings.clientId,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
  }
}

function toTokenSet(tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers): TokenSet {
  // The access token came straight from the token endpoint over the back channel: its claims are read, not
  // verified again here (every service verifies it on each call).
  const claims = decodeJwtPayload(tokens.access_token);
  const id: Record<string, unknown> = tokens.claims() ?? {};
  const expiresIn = tokens.expiresIn() ?? 300;
  return {
    accessToken: tokens.access_token,
    accessExpiresAt: Date.now() + expiresIn * 1000,
    ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
    ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
    user: userFromClaims({ ...claims, ...id, realm_access: claims['realm_access'] ?? id['realm_access'] }),
  };
}

export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1];
  if (!part) return {};
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

export function userFromClaims(claims: Record<string, unknown>): WebUser {
  const roles = strings((claims['realm_access'] as { roles?: unknown } | undefined)?.roles).filter((r): r is WebRole =>
    (WEB_ROLES as readonly string[]).includes(r),
  );
  const username =
    typeof claims['preferred_username'] === 'string' ? claims['preferred_username'] : String(claims['sub'] ?? '');
  const name =
    [claims['given_name'], claims['family_name']].filter((p) => typeof p === 'string' && p).join(' ') ||
    (typeof claims['name'] === 'string' ? claims['name'] : '') ||
    username;
  const sozialregion = strings(claims['sozialregion'])[0];
  const anbieter = strings(claims['anbieter'])[0];
  const mentoringPools = strings(claims['mentoringPools']);
  return {
    subject: String(claims['sub'] ?? ''),
    username,
    name,
    roles,
    gemeinden: [
      ...new Set(
        strings(claims['gemeinden'])
          .filter((g) => /^[1-9]\d{0,3}$/.test(g))
          .map(Number),
      ),
    ],
    ...(sozialregion ? { sozialregion } : {}),
    ...(anbieter ? { anbieter } : {}),
    ...(mentoringPools.length ? { mentoringPools } : {}),
  };
}
