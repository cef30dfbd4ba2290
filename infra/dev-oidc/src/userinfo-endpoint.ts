import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm, sendJson } from './http-util.js';
import { OAuthError } from './oauth-error.js';
import type { RealmContext } from './realm-context.js';

/** RFC 6750 §3: the error in the WWW-Authenticate header and, as Keycloak does, in the body. */
function refuse(context: RealmContext, res: ServerResponse, status: number, error: string, description: string): void {
  const challenge = `Bearer realm="${context.realm.name}", error="${error}", error_description="${description}"`;
  sendJson(
    res,
    status,
    { error, error_description: description },
    { 'www-authenticate': challenge, 'cache-control': 'no-store' },
  );
}

/**
 * `GET|POST /protocol/openid-connect/userinfo`: the claims of the token's user that the client's scopes
 * release to userinfo. The token must be one of this server's access tokens with scope `openid`, and
 * its session must not have ended.
 */
export async function userinfo(context: RealmContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token && req.method === 'POST' && req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
    try {
      token = (await readForm(req)).get('access_token') ?? undefined;
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      return refuse(context, res, 400, 'invalid_request', error.description);
    }
  }
  if (!token) return refuse(context, res, 401, 'invalid_request', 'Token not provided');
  const claims = await context.issuer.verifyOwn(token, 'Bearer');
  if (!claims) return refuse(context, res, 401, 'invalid_token', 'Token verification failed');
  const scopes = typeof claims['scope'] === 'string' ? claims['scope'].split(' ') : [];
  if (!scopes.includes('openid')) return refuse(context, res, 403, 'insufficient_scope', 'Missing openid scope');

  const client = typeof claims['azp'] === 'string' ? context.realm.client(claims['azp']) : undefined;
  const user = context.realm.userBySubject(claims['sub'] as string);
  const sid = typeof claims['sid'] === 'string' ? claims['sid'] : undefined;
  if (!client || !user || context.sessions.hasEnded(sid)) {
    return refuse(context, res, 401, 'invalid_token', "User session not found or doesn't have client attached on it");
  }
  // The scope claim names only scopes the client has (it omits default ones marked include.in.token.scope=false, which apply anyway).
  const body = context.issuer.userinfoClaims({
    client,
    user,
    requestedScopes: scopes,
    authTime: 0,
    sessionNotes: {},
    withRefreshToken: false,
  });
  sendJson(res, 200, body, { 'cache-control': 'no-store' });
}
