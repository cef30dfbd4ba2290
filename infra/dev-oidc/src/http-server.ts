import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { OAuthError, oauthErrors } from './oauth-error.js';
import type { RealmModel } from './realm-model.js';
import type { SigningKeys } from './signing-keys.js';
import { handleTokenRequest } from './token-endpoint.js';
import type { TokenIssuer } from './token-issuer.js';

/** One line of the dev server's log. */
export interface DevOidcLogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  [field: string]: unknown;
}

export interface RealmHttpContext {
  realm: RealmModel;
  issuer: TokenIssuer;
  keys: SigningKeys;
  log: (entry: DevOidcLogEntry) => void;
}

const MAX_BODY_BYTES = 64 * 1024;
const GRANT_TYPES_SUPPORTED = ['password', 'client_credentials', 'refresh_token'];

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

// Keycloak's answers for paths and realms it does not know.
const notFound = (res: ServerResponse, error = 'Unable to find matching target resource method'): void =>
  sendJson(res, 404, { error, error_description: 'For more on this error consult the server log.' });

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw oauthErrors.invalidRequest('Content-Type must be application/x-www-form-urlencoded');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw oauthErrors.invalidRequest('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function discoveryDocument(context: RealmHttpContext): Record<string, unknown> {
  const issuer = context.issuer.issuer;
  return {
    issuer,
    token_endpoint: `${issuer}/protocol/openid-connect/token`,
    jwks_uri: `${issuer}/protocol/openid-connect/certs`,
    grant_types_supported: GRANT_TYPES_SUPPORTED,
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: ['openid', ...context.realm.clientScopeNames],
    claims_parameter_supported: false,
  };
}

async function token(context: RealmHttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const form = await readForm(req);
    const result = await handleTokenRequest(context.realm, context.issuer, {
      form,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      remoteAddress: req.socket.remoteAddress ?? '',
    });
    context.log({ level: 'info', message: 'token issued', ...result.event });
    sendJson(res, 200, result.response, { 'cache-control': 'no-store', pragma: 'no-cache' });
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    context.log({ level: 'warn', message: 'token request refused', error: error.error, reason: error.description, ip: req.socket.remoteAddress });
    const headers: Record<string, string> = { 'cache-control': 'no-store', pragma: 'no-cache' };
    if (error.status === 401 && error.error === 'invalid_client') headers['www-authenticate'] = 'Basic realm="' + context.realm.name + '"';
    sendJson(res, error.status, error.toJSON(), headers);
  }
}

async function route(context: RealmHttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://dev-oidc.invalid');
  const match = /^\/realms\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!match) return notFound(res);
  if (decodeURIComponent(match[1] ?? '') !== context.realm.name) return notFound(res, 'Realm does not exist');
  const path = match[2] ?? '';
  const method = req.method ?? 'GET';
  const allow = (methods: string[]): boolean => {
    if (methods.includes(method)) return true;
    sendJson(res, 405, { error: 'Method Not Allowed' }, { allow: methods.join(', ') });
    return false;
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
      if (allow(['POST'])) await token(context, req, res);
      return;
    default:
      return notFound(res);
  }
}

/** A node:http server answering Keycloak's paths for one realm. */
export function createRealmServer(context: RealmHttpContext): Server {
  return createServer((req, res) => {
    route(context, req, res).catch((error: unknown) => {
      context.log({ level: 'error', message: 'request failed', error: (error as Error).message, path: req.url?.split('?')[0] });
      if (!res.headersSent) sendJson(res, 500, { error: 'unknown_error' });
      else res.destroy();
    });
  });
}
