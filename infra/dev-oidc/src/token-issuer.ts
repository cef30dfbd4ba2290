import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, compactVerify, createLocalJWKSet, jwtVerify } from 'jose';
import { oauthErrors } from './oauth-error.js';
import { applyProtocolMappers, type MapperContext } from './protocol-mappers.js';
import type { RealmModel } from './realm-model.js';
import type { ClientRepresentation, ClientScopeRepresentation, UserRepresentation } from './realm-representation.js';
import type { SigningKeys } from './signing-keys.js';

export type Claims = Record<string, unknown>;

/** One token request that passed client and user authentication. */
export interface TokenGrant {
  client: ClientRepresentation;
  user: UserRepresentation;
  /** Scope names from the request's `scope` parameter (may include `openid`). */
  requestedScopes: string[];
  /** The user session; absent for client_credentials, like Keycloak's transient service-account sessions. */
  sessionId?: string;
  authTime: number;
  sessionNotes: Record<string, string>;
  withRefreshToken: boolean;
  /** The authorization request's nonce, echoed in the ID token (OIDC Core §3.1.2.1). */
  nonce?: string;
  /** The client's generation in the session (see UserSessions); written into the refresh token when not 0. */
  clientGeneration?: number;
}

/** The token endpoint's success body, with Keycloak's field names. */
export interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_expires_in: number;
  refresh_token?: string;
  token_type: 'Bearer';
  id_token?: string;
  'not-before-policy': number;
  session_state?: string;
  scope: string;
}

/** What a refresh token carries back to the dev server. */
export interface RefreshClaims {
  sub: string;
  azp: string;
  sid?: string;
  scope: string;
  auth_time: number;
  /** The client's generation in the session; absent means 0. */
  cg?: number;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A single string when there is one audience, an array when several, absent when none: as Keycloak writes `aud`. */
function audienceClaim(audiences: Iterable<string>): string | string[] | undefined {
  const list = [...new Set(audiences)];
  return list.length === 0 ? undefined : list.length === 1 ? list[0] : list;
}

/**
 * Builds and signs tokens of Keycloak's shape from the realm: the core claims Keycloak sets itself
 * (`iss`, `typ`, `azp`, `exp`, …) plus whatever the client's protocol mappers and client scopes add.
 */
export class TokenIssuer {
  constructor(
    private readonly realm: RealmModel,
    private readonly keys: SigningKeys,
    readonly issuer: string,
  ) {}

  async issue(grant: TokenGrant): Promise<TokenResponse> {
    const scopes = this.realm.clientScopesFor(grant.client, grant.requestedScopes);
    const scope = this.scopeClaim(grant.requestedScopes, scopes);
    const iat = nowSeconds();
    const access = this.accessClaims(grant, scopes, scope, iat);
    const accessToken = await this.sign(access);
    const response: TokenResponse = {
      access_token: accessToken,
      expires_in: this.realm.accessTokenLifespan,
      refresh_expires_in: grant.withRefreshToken ? this.realm.refreshTokenLifespan : 0,
      token_type: 'Bearer',
      'not-before-policy': this.realm.representation.notBefore ?? 0,
      scope,
    };
    if (grant.withRefreshToken) response.refresh_token = await this.signRefresh(grant, scope, iat);
    if (grant.requestedScopes.includes('openid'))
      response.id_token = await this.sign(this.idClaims(grant, scopes, iat, accessToken));
    if (grant.sessionId) response.session_state = grant.sessionId;
    return response;
  }

  /** The access-token payload Keycloak would issue for this grant, unsigned. */
  accessClaims(
    grant: TokenGrant,
    scopes = this.realm.clientScopesFor(grant.client, grant.requestedScopes),
    scope = this.scopeClaim(grant.requestedScopes, scopes),
    iat = nowSeconds(),
  ): Claims {
    const context = this.mapperContext(grant);
    const claims: Claims = {
      exp: iat + this.realm.accessTokenLifespan,
      iat,
      jti: randomUUID(),
      iss: this.issuer,
      typ: 'Bearer',
      azp: grant.client.clientId,
      ...(grant.sessionId ? { sid: grant.sessionId } : {}),
      scope,
    };
    applyProtocolMappers(this.mappersOf(grant.client, scopes), 'access', context, claims);
    const aud = audienceClaim(context.audiences);
    return aud === undefined ? claims : { ...claims, aud };
  }

  /** Signs a payload as an RS256 JWT with the realm key (header `kid`), like Keycloak's access and ID tokens. */
  async sign(claims: Claims, header: Record<string, unknown> = {}): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keys.kid, ...header })
      .sign(this.keys.privateKey);
  }

  /**
   * Reads back an access or ID token this server signed, or undefined if it did not sign it or it is not
   * of type `typ`. Expiry is checked unless `allowExpired` (an id_token_hint may have expired, as in Keycloak).
   */
  async verifyOwn(token: string, typ: 'Bearer' | 'ID', allowExpired = false): Promise<Claims | undefined> {
    try {
      const { payload } = await compactVerify(token, createLocalJWKSet({ keys: [this.keys.publicJwk] }), {
        algorithms: ['RS256'],
      });
      const claims = JSON.parse(new TextDecoder().decode(payload)) as Claims;
      if (claims['iss'] !== this.issuer || claims['typ'] !== typ || typeof claims['sub'] !== 'string') return undefined;
      if (!allowExpired && !(typeof claims['exp'] === 'number' && claims['exp'] > nowSeconds())) return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }

  /** Reads a refresh token back; anything wrong with it is Keycloak's 400 invalid_grant. */
  async verifyRefresh(token: string): Promise<RefreshClaims> {
    try {
      const { payload } = await jwtVerify(token, this.keys.hmacSecret, { issuer: this.issuer, algorithms: ['HS512'] });
      if (payload['typ'] !== 'Refresh' || typeof payload.sub !== 'string' || typeof payload['azp'] !== 'string') {
        throw new Error('not a refresh token');
      }
      return payload as unknown as RefreshClaims;
    } catch {
      throw oauthErrors.invalidGrant('Invalid refresh token');
    }
  }

  private async signRefresh(grant: TokenGrant, scope: string, iat: number): Promise<string> {
    const claims: Claims = {
      exp: iat + this.realm.refreshTokenLifespan,
      iat,
      jti: randomUUID(),
      iss: this.issuer,
      aud: this.issuer,
      sub: this.realm.subjectOf(grant.user),
      typ: 'Refresh',
      azp: grant.client.clientId,
      ...(grant.sessionId ? { sid: grant.sessionId } : {}),
      scope,
      auth_time: grant.authTime,
      ...(grant.clientGeneration ? { cg: grant.clientGeneration } : {}),
    };
    return new SignJWT(claims).setProtectedHeader({ alg: 'HS512', typ: 'JWT' }).sign(this.keys.hmacSecret);
  }

  private idClaims(grant: TokenGrant, scopes: ClientScopeRepresentation[], iat: number, accessToken: string): Claims {
    const context = this.mapperContext(grant);
    const digest = createHash('sha256').update(accessToken).digest();
    const claims: Claims = {
      exp: iat + this.realm.accessTokenLifespan,
      iat,
      auth_time: grant.authTime,
      jti: randomUUID(),
      iss: this.issuer,
      sub: this.realm.subjectOf(grant.user),
      typ: 'ID',
      azp: grant.client.clientId,
      ...(grant.sessionId ? { sid: grant.sessionId } : {}),
      ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
      at_hash: digest.subarray(0, digest.length / 2).toString('base64url'),
    };
    applyProtocolMappers(this.mappersOf(grant.client, scopes), 'id', context, claims);
    return { ...claims, aud: audienceClaim([grant.client.clientId, ...context.audiences]) };
  }

  /** What the userinfo endpoint answers for a token of this grant: `sub` and the userinfo-flagged mappers' claims. */
  userinfoClaims(grant: TokenGrant): Claims {
    const scopes = this.realm.clientScopesFor(grant.client, grant.requestedScopes);
    const claims: Claims = { sub: this.realm.subjectOf(grant.user) };
    applyProtocolMappers(this.mappersOf(grant.client, scopes), 'userinfo', this.mapperContext(grant), claims);
    return claims;
  }

  private mapperContext(grant: TokenGrant): MapperContext {
    return {
      client: grant.client,
      user: grant.user,
      subject: this.realm.subjectOf(grant.user),
      roles: this.realm.effectiveRoles(grant.user),
      sessionNotes: { AUTH_TIME: String(grant.authTime), ...grant.sessionNotes },
      audiences: new Set(),
    };
  }

  private mappersOf(client: ClientRepresentation, scopes: ClientScopeRepresentation[]) {
    return [...(client.protocolMappers ?? []), ...scopes.flatMap((s) => s.protocolMappers ?? [])];
  }

  /** Keycloak's `scope` claim: `openid` if requested, then every applied scope not marked include.in.token.scope=false. */
  private scopeClaim(requested: string[], scopes: ClientScopeRepresentation[]): string {
    const names = scopes.filter((s) => s.attributes?.['include.in.token.scope'] !== 'false').map((s) => s.name);
    return [...(requested.includes('openid') ? ['openid'] : []), ...names].join(' ');
  }
}
