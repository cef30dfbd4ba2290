/**
 * An OAuth 2.0 error response (RFC 6749 §5.2) with the HTTP status Keycloak 26 uses for it, so that
 * clients written against the dev server handle real Keycloak the same way.
 */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthError';
  }

  toJSON(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

/** The errors the token endpoint produces, with Keycloak's status codes and descriptions. */
export const oauthErrors = {
  missingGrantType: () => new OAuthError(400, 'invalid_request', 'Missing form parameter: grant_type'),
  unsupportedGrantType: () => new OAuthError(400, 'unsupported_grant_type', 'Unsupported grant_type'),
  // Keycloak answers a failed client authentication with 401 invalid_client (keycloak/keycloak#49625).
  invalidClient: (description = 'Invalid client or Invalid client credentials') =>
    new OAuthError(401, 'invalid_client', description),
  bearerOnly: () => new OAuthError(400, 'invalid_client', 'Bearer-only not allowed'),
  unauthorizedClient: (description: string) => new OAuthError(400, 'unauthorized_client', description),
  // Keycloak answers wrong user credentials with 401, not RFC 6749's 400 (keycloak/keycloak#45812).
  invalidUserCredentials: () => new OAuthError(401, 'invalid_grant', 'Invalid user credentials'),
  invalidGrant: (description: string) => new OAuthError(400, 'invalid_grant', description),
  invalidScope: (scopes: string[]) => new OAuthError(400, 'invalid_scope', `Invalid scopes: ${scopes.join(' ')}`),
  invalidRequest: (description: string) => new OAuthError(400, 'invalid_request', description),
};
