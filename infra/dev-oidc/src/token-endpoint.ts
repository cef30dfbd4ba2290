import { randomUUID } from 'node:crypto';
import { isWellFormedVerifier, verifierMatches } from './authorization-code.js';
import { authenticateClient } from './client-authentication.js';
import { oauthErrors } from './oauth-error.js';
import type { RealmContext } from './realm-context.js';
import type { ClientRepresentation } from './realm-representation.js';
import type { TokenResponse } from './token-issuer.js';

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

type TokenResult = { response: TokenResponse; event: TokenEvent };

export const GRANT_TYPES = ['authorization_code', 'password', 'client_credentials', 'refresh_token'];
const scopesOf = (form: URLSearchParams): string[] => (form.get('scope') ?? '').split(' ').filter(Boolean);

/**
 * `POST /realms/{realm}/protocol/openid-connect/token`: the authorization_code, password,
 * client_credentials and refresh_token grants, checked in Keycloak's order (grant type, client, then the
 * grant itself) and failing with Keycloak's errors.
 */
export async function handleTokenRequest(context: RealmContext, request: TokenRequest): Promise<TokenResult> {
  const { realm, issuer } = context;
  const grantType = request.form.get('grant_type');
  if (!grantType) throw oauthErrors.missingGrantType();
  if (!GRANT_TYPES.includes(grantType)) throw oauthErrors.unsupportedGrantType();
  const client = authenticateClient(realm, request.form, request.authorization);
  const authTime = Math.floor(context.now() / 1000);

  if (grantType === 'authorization_code') return authorizationCodeGrant(context, client, request.form);

  if (grantType === 'password') {
    if (!client.directAccessGrantsEnabled)
      throw oauthErrors.unauthorizedClient('Client not allowed for direct access grants');
    // A locked user gets the very answer of a wrong password (brute-force detection, see user-authentication.ts).
    const outcome = context.authenticate(request.form.get('username') ?? '', request.form.get('password') ?? '');
    if (!outcome.ok && outcome.reason === 'invalid') throw oauthErrors.invalidUserCredentials();
    if (!outcome.ok)
      throw oauthErrors.invalidGrant(
        outcome.reason === 'disabled' ? 'Account disabled' : 'Account is not fully set up',
      );
    const user = outcome.user;
    const session = context.sessions.create(realm.subjectOf(user), user.username, false);
    const response = await issuer.issue({
      client,
      user,
      requestedScopes: scopesOf(request.form),
      sessionId: session.id,
      authTime,
      sessionNotes: {},
      withRefreshToken: true,
    });
    return { response, event: { grantType, clientId: client.clientId, username: user.username } };
  }

  if (grantType === 'client_credentials') {
    if (client.publicClient)
      throw oauthErrors.unauthorizedClient('Public client not allowed to retrieve service account');
    if (!client.serviceAccountsEnabled)
      throw oauthErrors.unauthorizedClient('Client not enabled to retrieve service account');
    const user = realm.serviceAccountOf(client);
    // Keycloak ≥ 12 issues no refresh token for client credentials unless the client asks for it.
    const withRefreshToken = client.attributes?.['client_credentials.use_refresh_token'] === 'true';
    const sessionNotes = {
      client_id: client.clientId,
      clientHost: request.remoteAddress,
      clientAddress: request.remoteAddress,
    };
    const response = await issuer.issue({
      client,
      user,
      requestedScopes: scopesOf(request.form),
      authTime,
      sessionNotes,
      withRefreshToken,
      ...(withRefreshToken ? { sessionId: randomUUID() } : {}),
    });
    return { response, event: { grantType, clientId: client.clientId, username: user.username } };
  }

  const refreshToken = request.form.get('refresh_token');
  if (!refreshToken) throw oauthErrors.invalidRequest('Missing parameter: refresh_token');
  const previous = await issuer.verifyRefresh(refreshToken);
  if (previous.azp !== client.clientId)
    throw oauthErrors.invalidGrant("Invalid refresh token. Token client and authorized client don't match");
  // Logout ends the session and so every refresh token issued in it; no session outlives ssoSessionMaxLifespan.
  const sessionGone = context.sessions.tokenState(previous.sid, client.clientId, previous.cg) === 'inactive';
  if (sessionGone || authTime - previous.auth_time > realm.sessionMaxLifespan)
    throw oauthErrors.invalidGrant('Session not active');
  const user = realm.userBySubject(previous.sub);
  if (!user) throw oauthErrors.invalidGrant('Invalid refresh token');
  if (user.enabled === false) throw oauthErrors.invalidGrant('User disabled');
  // Keycloak keeps the scopes of the original grant; the roles and attributes are read afresh.
  const scopes = previous.scope.split(' ').filter(Boolean);
  const sessionNotes: Record<string, string> = user.serviceAccountClientId
    ? { client_id: client.clientId, clientHost: request.remoteAddress, clientAddress: request.remoteAddress }
    : {};
  const response = await issuer.issue({
    client,
    user,
    requestedScopes: scopes,
    authTime: previous.auth_time,
    sessionNotes,
    withRefreshToken: true,
    ...(previous.sid ? { sessionId: previous.sid } : {}),
    ...(previous.cg ? { clientGeneration: previous.cg } : {}),
  });
  return { response, event: { grantType, clientId: client.clientId, username: user.username } };
}

/**
 * The code grant: the code is spent on first sight, whatever follows; a second use is refused and
 * revokes the refresh tokens the first use gave that client in that session, as Keycloak does.
 */
async function authorizationCodeGrant(
  context: RealmContext,
  client: ClientRepresentation,
  form: URLSearchParams,
): Promise<TokenResult> {
  if (!client.standardFlowEnabled) throw oauthErrors.unauthorizedClient('Client not allowed to exchange code');
  const codeText = form.get('code');
  if (!codeText) throw oauthErrors.invalidRequest('Missing parameter: code');
  const code = context.codes.get(codeText);
  if (!code) throw oauthErrors.invalidGrant('Code not valid');
  if (code.used) {
    context.sessions.revokeClient(code.sessionId, code.clientId);
    throw oauthErrors.invalidGrant('Code not valid');
  }
  code.used = true;
  if (code.clientId !== client.clientId) throw oauthErrors.invalidGrant('Auth error');
  if (form.get('redirect_uri') !== code.redirectUri) throw oauthErrors.invalidGrant('Incorrect redirect_uri');

  const verifier = form.get('code_verifier');
  if (code.codeChallenge !== undefined) {
    if (!verifier) throw oauthErrors.invalidGrant('PKCE code verifier not specified');
    if (!isWellFormedVerifier(verifier)) throw oauthErrors.invalidGrant('PKCE invalid code verifier');
    if (!verifierMatches(verifier, code.codeChallenge))
      throw oauthErrors.invalidGrant('PKCE verification failed: Code mismatch');
  } else if (verifier) {
    throw oauthErrors.invalidGrant('PKCE code verifier specified but challenge not present in authorization');
  }

  const session = context.sessions.active(code.sessionId);
  const user = session ? context.realm.userBySubject(session.subject) : undefined;
  if (!session || !user) throw oauthErrors.invalidGrant('Session not active');
  if (user.enabled === false) throw oauthErrors.invalidGrant('User disabled');
  // A fresh authorization: the client holds the session anew, under the current generation.
  const clientGeneration = context.sessions.generation(session, client.clientId);
  context.sessions.tokenState(session.id, client.clientId, clientGeneration);
  const response = await context.issuer.issue({
    client,
    user,
    requestedScopes: code.scopes,
    sessionId: session.id,
    authTime: session.authTime,
    sessionNotes: {},
    withRefreshToken: true,
    clientGeneration,
    ...(code.nonce !== undefined ? { nonce: code.nonce } : {}),
  });
  return { response, event: { grantType: 'authorization_code', clientId: client.clientId, username: user.username } };
}
