import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { authorize, LOGIN_ACTION_PATH, loginFormAgain, submitLogin } from './browser-login.js';
import { notFound, readForm, sendJson } from './http-util.js';
import { LOGIN_CSS, LOGIN_CSS_PATH } from './login-page.js';
import { logout, LOGOUT_PATH } from './logout-endpoint.js';
import { OAuthError } from './oauth-error.js';
import { REVOCATION_PATH, revokeToken } from './revocation-endpoint.js';
import type { RealmContext } from './realm-context.js';
import { GRANT_TYPES, handleTokenRequest } from './token-endpoint.js';
import { userinfo } from './userinfo-endpoint.js';

export type { DevOidcLogEntry, RealmContext } from './realm-context.js';

function discoveryDocument(context: RealmContext): Record<string, unknown> {
  const issuer = context.issuer.issuer;
  return {
    issuer,
    authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
    token_endpoint: `${issuer}/protocol/openid-connect/token`,
    userinfo_endpoint: `${issuer}/protocol/openid-connect/userinfo`,
    revocation_endpoint: `${issuer}${REVOCATION_PATH}`,
    end_session_endpoint: `${issuer}${LOGOUT_PATH}`,
    jwks_uri: `${issuer}/protocol/openid-connect/certs`,
    grant_types_supported: GRANT_TYPES,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    userinfo_signing_alg_values_supported: ['none'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
    prompt_values_supported: ['none', 'login'],
    ui_locales_supported: ['de', 'fr', 'it', 'en'],
    scopes_supported: ['openid', ...context.realm.clientScopeNames],
    claims_parameter_supported: false,
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
  };
}

async function token(
  context: RealmContext,
  req: IncomingMessage,
  res: ServerResponse,
  remoteAddress: string,
): Promise<void> {
  await oauthEndpoint(context, req, res, remoteAddress, 'token', async (form) => {
    const result = await handleTokenRequest(context, {
      form,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      remoteAddress,
    });
    context.log({ level: 'info', message: 'token issued', ...result.event });
    sendJson(res, 200, result.response, { 'cache-control': 'no-store', pragma: 'no-cache' });
  });
}

async function revocation(
  context: RealmContext,
  req: IncomingMessage,
  res: ServerResponse,
  remoteAddress: string,
): Promise<void> {
  await oauthEndpoint(context, req, res, remoteAddress, 'revocation', async (form) => {
    const result = await revokeToken(context, form, req.headers.authorization);
    if (result.revoked) context.log({ level: 'info', message: 'refresh token revoked', clientId: result.clientId });
    res.writeHead(200, { 'cache-control': 'no-store', 'content-length': 0 });
    res.end();
  });
}

/** A back-channel OAuth endpoint: form in, Keycloak's JSON errors out. */
async function oauthEndpoint(
  context: RealmContext,
  req: IncomingMessage,
  res: ServerResponse,
  remoteAddress: string,
  endpoint: string,
  handle: (form: URLSearchParams) => Promise<void>,
): Promise<void> {
  try {
    await handle(await readForm(req));
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    context.log({
      level: 'warn',
      message: `${endpoint} request refused`,
      error: error.error,
      reason: error.description,
      ip: remoteAddress,
    });
    const headers: Record<string, string> = { 'cache-control': 'no-store', pragma: 'no-cache' };
    if (error.status === 401 && error.error === 'invalid_client')
      headers['www-authenticate'] = 'Basic realm="' + context.realm.name + '"';
    sendJson(res, error.status, error.toJSON(), headers);
  }
}

/** A form POST of the browser pages; a malformed one is answered like a bad query. */
async function browserForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  try {
    return await readForm(req);
  } catch (error) {
    if (error instanceof OAuthError) return undefined;
    throw error;
  }
}

async function route(context: RealmContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Read once: after a long body the socket may be gone by the time an error is logged.
  const remoteAddress = req.socket?.remoteAddress ?? '';
  const url = new URL(req.url ?? '/', 'http://dev-oidc.invalid');
  const method = req.method ?? 'GET';
  const allow = (methods: string[]): boolean => {
    if (methods.includes(method)) return true;
    sendJson(res, 405, { error: 'Method Not Allowed' }, { allow: methods.join(', ') });
    return false;
  };
  if (url.pathname === LOGIN_CSS_PATH) {
    if (allow(['GET'])) {
      res.writeHead(200, {
        'content-type': 'text/css; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
      res.end(LOGIN_CSS);
    }
    return;
  }
  const match = /^\/realms\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!match) return notFound(res);
  if (decodeURIComponent(match[1] ?? '') !== context.realm.name) return notFound(res, 'Realm does not exist');
  const path = match[2] ?? '';
  const formOrBadRequest = async (): Promise<URLSearchParams | undefined> => {
    const form = await browserForm(req);
    if (!form)
      sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'Expected an application/x-www-form-urlencoded body',
      });
    return form;
  };

  switch (path) {
    case '':
    case '/':
      // The realm's public info, as Keycloak serves it; cheap enough to double as a readiness probe.
      if (allow(['GET'])) {
        sendJson(res, 200, {
          realm: context.realm.name,
          public_key: context.keys.publicKeyBase64,
          'token-service': `${context.issuer.issuer}/protocol/openid-connect`,
          'tokens-not-before': context.realm.representation.notBefore ?? 0,
        });
      }
      return;
    case '/.well-known/openid-configuration':
      if (allow(['GET'])) sendJson(res, 200, discoveryDocument(context));
      return;
    case '/protocol/openid-connect/certs':
      if (allow(['GET'])) sendJson(res, 200, { keys: [context.keys.publicJwk] }, { 'cache-control': 'no-cache' });
      return;
    case '/protocol/openid-connect/token':
      if (allow(['POST'])) await token(context, req, res, remoteAddress);
      return;
    case '/protocol/openid-connect/auth': {
      if (!allow(['GET', 'POST'])) return;
      const params = method === 'GET' ? url.searchParams : await formOrBadRequest();
      if (params) authorize(context, req, res, params);
      return;
    }
    case LOGIN_ACTION_PATH: {
      if (!allow(['GET', 'POST'])) return;
      if (method === 'GET') return loginFormAgain(context, req, res, url.searchParams);
      const form = await formOrBadRequest();
      if (form) submitLogin(context, req, res, form);
      return;
    }
    case LOGOUT_PATH: {
      if (!allow(['GET', 'POST'])) return;
      const params = method === 'GET' ? url.searchParams : await formOrBadRequest();
      if (params) await logout(context, req, res, params, method);
      return;
    }
    case REVOCATION_PATH:
      if (allow(['POST'])) await revocation(context, req, res, remoteAddress);
      return;
    case '/protocol/openid-connect/userinfo':
      if (allow(['GET', 'POST'])) await userinfo(context, req, res);
      return;
    default:
      return notFound(res);
  }
}

/** A node:http server answering Keycloak's paths for one realm. */
export function createRealmServer(context: RealmContext): Server {
  return createServer((req, res) => {
    route(context, req, res).catch((error: unknown) => {
      context.log({
        level: 'error',
        message: 'request failed',
        error: (error as Error).message,
        path: req.url?.split('?')[0],
      });
      if (!res.headersSent) sendJson(res, 500, { error: 'unknown_error' });
      else res.destroy();
    });
  });
}
