import { randomUUID } from 'node:crypto';
import { authenticateClient, secretsEqual } from './client-authentication.js';
import { oauthErrors } from './oauth-error.js';
import type { RealmModel } from './realm-model.js';
import type { UserRepresentation } from './realm-representation.js';
import type { TokenIssuer, TokenResponse } from './token-issuer.js';

/** What the token endpoint knows about the HTTP request besides the form. */
export interface TokenRequest {
  form: URLSearchParams;
  authorization?: string;
  remoteAddress: string;
}

/** What happened, for the server log: never a token, never a password. */
export interface TokenEvent {
  grantType: string;
  clientId: string;
  username: string;
}

const GRANT_TYPES = new Set(['password', 'client_credentials', 'refresh_token']);
const scopesOf = (form: URLSearchParams): string[] => (form.get('scope') ?? '').split(' ').filter(Boolean);

function passwordMatches(user: UserRepresentation, password: string): boolean {
  const credential = user.credentials?.find((c) => c.type === 'password' && c.value !== undefined);
  return credential?.value !== undefined && secretsEqual(password, credential.value);
}

/**
 * `POST /realms/{realm}/protocol/openid-connect/token`: the password, client_credentials and
 * refresh_token grants, checked in Keycloak's order (grant type, client, then the grant itself) and
 * failing with Keycloak's errors.
 */
export async function handleTokenRequest(
  realm: RealmModel,
  issuer: TokenIssuer,
  request: TokenRequest,
): Promise<{ response: TokenResponse; event: TokenEvent }> {
  const grantType = request.form.get('grant_type');
  if (!grantType) throw oauthErrors.missingGrantType();
  if (!GRANT_TYPES.has(grantType)) throw oauthErrors.unsupportedGrantType();
  const client = authenticateClient(realm, request.form, request.authorization);
  const authTime = Math.floor(Date.now() / 1000);

  if (grantType === 'password') {
    if (!client.directAccessGrantsEnabled) throw oauthErrors.unauthorizedClient('Client not allowed for direct access grants');
    const user = realm.user(request.form.get('username') ?? '');
    const password = request.form.get('password') ?? '';
    if (!user || !passwordMatches(user, password)) throw oauthErrors.invalidUserCredentials();
    if (user.enabled === false) throw oauthErrors.invalidGrant('Account disabled');
    const temporary = user.credentials?.some((c) => c.type === 'password' && c.temporary);
    if ((user.requiredActions ?? []).length > 0 || temporary) throw oauthErrors.invalidGrant('Account is not fully set up');
    const response = await issuer.issue({
      client, user, requestedScopes: scopesOf(request.form), sessionId: randomUUID(), authTime, sessionNotes: {}, withRefreshToken: true,
    });
    return { response, event: { grantType, clientId: client.clientId, username: user.username } };
  }

  if (grantType === 'client_credentials') {
    if (client.publicClient) throw oauthErrors.unauthorizedClient('Public client not allowed to retrieve service account');
    if (!client.serviceAccountsEnabled) throw oauthErrors.unauthorizedClient('Client not enabled to retrieve service account');
    const user = realm.serviceAccountOf(client);
    // Keycloak ≥ 12 issues no refresh token for client credentials unless the client asks for it.
    const withRefreshToken = client.attributes?.['client_credentials.use_refresh_token'] === 'true';
    const sessionNotes = { client_id: client.clientId, clientHost: request.remoteAddress, clientAddress: request.remoteAddress };
    const response = await issuer.issue({
      client, user, requestedScopes: scopesOf(request.form), authTime, sessionNotes, withRefreshToken,
      ...(withRefreshToken ? { sessionId: randomUUID() } : {}),
    });
    return { response, event: { grantType, clientId: client.clientId, username: user.username } };
  }

  const refreshToken = request.form.get('refresh_token');
  if (!refreshToken) throw oauthErrors.invalidRequest('Missing parameter: refresh_token');
  const previous = await issuer.verifyRefresh(refreshToken);
  if (previous.azp !== client.clientId) throw oauthErrors.invalidGrant("Invalid refresh token. Token client and authorized client don't match");
  const user = realm.userBySubject(previous.sub);
  if (!user) throw oauthErrors.invalidGrant('Invalid refresh token');
  if (user.enabled === false) throw oauthErrors.invalidGrant('User disabled');
  // Keycloak keeps the scopes of the original grant; the roles and attributes are read afresh.
  const scopes = previous.scope.split(' ').filter(Boolean);
  const sessionNotes: Record<string, string> = user.serviceAccountClientId
    ? { client_id: client.clientId, clientHost: request.remoteAddress, clientAddress: request.remoteAddress }
    : {};
  const response = await issuer.issue({
    client, user, requestedScopes: scopes, authTime: previous.auth_time, sessionNotes, withRefreshToken: true,
    ...(previous.sid ? { sessionId: previous.sid } : {}),
  });
  return { response, event: { grantType, clientId: client.clientId, username: user.username } };
}
