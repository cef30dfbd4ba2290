import { createRequire } from 'node:module';

// keycloak-connect is CommonJS without Nest imports (fine under Jest ESM) and ships no types for these
// internals, so the little we use is typed here.
interface KeycloakToken {
  content: Record<string, unknown>;
}
interface KeycloakConfig {
  realmUrl: string;
}
interface GrantManager {
  validateToken(token: KeycloakToken, expectedType: 'Bearer'): Promise<KeycloakToken>;
  rotation: unknown;
}
type ConfigConstructor = new (config: Record<string, unknown>) => KeycloakConfig;
type GrantManagerConstructor = new (config: KeycloakConfig) => GrantManager;
type TokenConstructor = new (token: string, clientId: string) => KeycloakToken;
type RotationConstructor = new (config: { realmUrl: string; minTimeBetweenJwksRequests: number }) => unknown;

const require = createRequire(import.meta.url);
const Config = require('keycloak-connect/middleware/auth-utils/config.js') as ConfigConstructor;
const GrantManagerClass = require('keycloak-connect/middleware/auth-utils/grant-manager.js') as GrantManagerConstructor;
const Token = require('keycloak-connect/middleware/auth-utils/token.js') as TokenConstructor;
const Rotation = require('keycloak-connect/middleware/auth-utils/rotation.js') as RotationConstructor;

const CERTS_PATH = '/protocol/openid-connect/certs';

export interface TokenVerifierOptions {
  authServerUrl: string;
  realm: string;
  clientId: string;
  /** Seconds between JWKS fetches for an unknown `kid` (keycloak-connect's default: 10). */
  minTimeBetweenJwksRequests?: number;
  /**
   * Where to fetch the JWKS when the service reaches the identity server under another name than the
   * public one in `iss` (docker compose: `http://keycloak:8080/…` vs `http://localhost:8080`;
   * keycloak-nodejs-connect#308). Must end in `/protocol/openid-connect/certs`. Default: below the issuer.
   */
  jwksUrl?: string;
}

/** A token keycloak-connect (or our extra checks) refused; `message` is the reason for the log. */
export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Offline bearer-token validation with keycloak-connect's GrantManager, as DESIGN.md prescribes:
 * signature against the realm JWKS (`{issuer}/protocol/openid-connect/certs`, key by `kid`, RS256),
 * `typ: Bearer`, `iss` exactly `{authServerUrl}/realms/{realm}`, not expired, and `aud` containing this
 * service's client id (`verify-token-audience`). No introspection call per request.
 */
export class KeycloakTokenVerifier {
  private readonly grantManager: GrantManager;
  readonly issuer: string;

  constructor(private readonly options: TokenVerifierOptions) {
    const config = new Config({
      realm: options.realm,
      'auth-server-url': options.authServerUrl,
      resource: options.clientId,
      'bearer-only': true,
      'verify-token-audience': true,
      'min-time-between-jwks-requests': options.minTimeBetweenJwksRequests ?? 10,
    });
    this.issuer = config.realmUrl;
    this.grantManager = new GrantManagerClass(config);
    const jwksUrl = options.jwksUrl?.replace(/\/+$/, '');
    if (jwksUrl && jwksUrl !== this.issuer + CERTS_PATH) {
      if (!jwksUrl.endsWith(CERTS_PATH))
        throw new Error(`jwksUrl must end in ${CERTS_PATH} (Keycloak's JWKS path), got ${jwksUrl}`);
      // keycloak-connect checks iss against realmUrl but fetches keys from rotation.realmUrl: only the latter moves.
      this.grantManager.rotation = new Rotation({
        realmUrl: jwksUrl.slice(0, -CERTS_PATH.length),
        minTimeBetweenJwksRequests: options.minTimeBetweenJwksRequests ?? 10,
      });
    }
  }

  /** Resolves to the token's claims, or rejects with InvalidTokenError naming the reason. */
  async verify(rawToken: string): Promise<Record<string, unknown>> {
    let validated: KeycloakToken;
    try {
      validated = await this.grantManager.validateToken(new Token(rawToken, this.options.clientId), 'Bearer');
    } catch (error) {
      throw new InvalidTokenError(reasonOf(error));
    }
    const { exp } = validated.content;
    // keycloak-connect lets a token without exp pass (undefined*1000 < now is false): we do not.
    if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new InvalidTokenError('invalid token (no exp)');
    return validated.content;
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // keycloak-connect's JWKS throttle surfaces as a TypeError for a kid it cannot find (reliability.md §3.3).
  if (/reading 'then'/.test(message)) return 'invalid token (signing key unknown; JWKS refetch throttled)';
  return message;
}
