/** How a service validates tokens; see AuthModule.forRoot. */
export interface AuthModuleOptions {
  /** Base URL of the identity server as it appears in `iss` (no `/realms/…`). Env OIDC_AUTH_SERVER_URL, default http://localhost:8080. */
  authServerUrl?: string;
  /** Env OIDC_REALM, default start-integration. */
  realm?: string;
  /** The service's own client id: tokens must name it in `aud`. */
  clientId: string;
  /** Bound of the validated-token cache (default 10 000 entries). */
  tokenCacheSize?: number;
  /** Seconds between JWKS refetches for an unknown key id (keycloak-connect default 10). */
  minTimeBetweenJwksRequests?: number;
  /**
   * JWKS address when the service reaches the identity server by another name than the public issuer
   * (env OIDC_JWKS_URL; docker compose). Default `{authServerUrl}/realms/{realm}/protocol/openid-connect/certs`.
   */
  jwksUrl?: string;
}

export type ResolvedAuthOptions = Required<AuthModuleOptions>;

export const AUTH_OPTIONS = Symbol('si:auth:options');

/** Fills the defaults, from the environment first; trailing slashes would break the exact `iss` match. */
export function resolveAuthOptions(
  options: AuthModuleOptions,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedAuthOptions {
  if (!options.clientId)
    throw new Error("AuthModule.forRoot needs the service clientId (it must appear in the tokens' aud)");
  const authServerUrl = (options.authServerUrl ?? env['OIDC_AUTH_SERVER_URL'] ?? 'http://localhost:8080').replace(
    /\/+$/,
    '',
  );
  const realm = options.realm ?? env['OIDC_REALM'] ?? 'start-integration';
  return {
    authServerUrl,
    realm,
    clientId: options.clientId,
    tokenCacheSize: options.tokenCacheSize ?? 10_000,
    minTimeBetweenJwksRequests: options.minTimeBetweenJwksRequests ?? 10,
    jwksUrl:
      options.jwksUrl ?? env['OIDC_JWKS_URL'] ?? `${authServerUrl}/realms/${realm}/protocol/openid-connect/certs`,
  };
}
