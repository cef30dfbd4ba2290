import { authenticateClient } from './client-authentication.js';
import { OAuthError, oauthErrors } from './oauth-error.js';
import type { RealmContext } from './realm-context.js';

export const REVOCATION_PATH = '/protocol/openid-connect/revoke';

/**
 * `POST /protocol/openid-connect/revoke` (RFC 7009) for the client's own tokens. A refresh token ends
 * what its client holds in the session: every refresh token of that client in it is refused afterwards.
 * An access token is accepted and changes nothing: the services verify access tokens offline, so it
 * stays valid until it expires (at most 5 min). A token this server did not issue is answered 200, as
 * RFC 7009 §2.2 asks; a token of another client is refused like Keycloak does.
 */
export async function revokeToken(
  context: RealmContext,
  form: URLSearchParams,
  authorization: string | undefined,
): Promise<{ clientId: string; revoked: boolean }> {
  const client = authenticateClient(context.realm, form, authorization);
  const token = form.get('token');
  if (!token) throw oauthErrors.invalidRequest('Token not provided');
  const refresh = await context.issuer.verifyRefresh(token).catch(() => undefined);
  const owner = refresh?.azp ?? (await context.issuer.verifyOwn(token, 'Bearer', true))?.['azp'];
  if (owner === undefined) return { clientId: client.clientId, revoked: false };
  if (owner !== client.clientId) throw new OAuthError(400, 'unauthorized_client', 'Unmatching clients');
  if (refresh?.sid) context.sessions.revokeClient(refresh.sid, client.clientId);
  return { clientId: client.clientId, revoked: Boolean(refresh) };
}
