import { S256_CHALLENGE } from './authorization-code.js';
import type { Locale } from './login-messages.js';
import { OAuthError } from './oauth-error.js';
import type { RealmModel } from './realm-model.js';

/** A validated authorization request (OIDC Core §3.1.2.1), code flow only. */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state?: string;
  nonce?: string;
  /** Requested scope names, `openid` included when asked. */
  scopes: string[];
  /** S256 challenge; the only method served. */
  codeChallenge?: string;
  prompt: string[];
  /** Seconds; a session whose login is older asks for the password again. */
  maxAge?: number;
  loginHint?: string;
  locale: Locale;
}

/**
 * A refused authorization request. Until client and redirect URI are known to be good, the browser
 * must not be sent anywhere, so the error is shown as a page (`redirectUri` undefined); after that it
 * goes back to the client as `error`/`error_description` (RFC 6749 §4.1.2.1), with Keycloak's texts.
 */
export class AuthorizationError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    /** What the page says (no redirect): which part of the request is wrong. */
    readonly page: 'client' | 'redirect_uri' | 'parameter',
    readonly redirectUri?: string,
    readonly state?: string,
  ) {
    super(`${error}: ${description}`);
    this.name = 'AuthorizationError';
  }
}

const RESPONSE_MODES = new Set(['query']);

/** Checks an authorization request in Keycloak's order: client, redirect URI, then the rest. */
export function parseAuthorizationRequest(
  realm: RealmModel,
  params: URLSearchParams,
  locale: Locale,
): AuthorizationRequest {
  const clientId = params.get('client_id');
  if (!clientId) throw new AuthorizationError('invalid_request', 'Missing parameter: client_id', 'client');
  const client = realm.client(clientId);
  if (!client) throw new AuthorizationError('invalid_client', 'Client not found.', 'client');
  if (client.enabled === false) throw new AuthorizationError('unauthorized_client', 'Client disabled.', 'client');
  if (client.bearerOnly)
    throw new AuthorizationError(
      'unauthorized_client',
      'Bearer-only clients are not allowed to initiate browser login.',
      'client',
    );

  const redirectUri = params.get('redirect_uri');
  // Exact string comparison, as OAuth 2.1 and the browser-based-apps BCP require.
  if (!redirectUri || !realm.redirectUrisOf(client).includes(redirectUri)) {
    throw new AuthorizationError('invalid_request', 'Invalid parameter: redirect_uri', 'redirect_uri');
  }

  const state = params.get('state') ?? undefined;
  const refuse = (error: string, description: string): never => {
    throw new AuthorizationError(error, description, 'parameter', redirectUri, state);
  };
  if (params.has('request')) refuse('request_not_supported', 'Request objects are not supported');
  if (params.has('request_uri')) refuse('request_uri_not_supported', 'Request URIs are not supported');

  const responseType = params.get('response_type');
  if (!responseType) refuse('invalid_request', 'Missing parameter: response_type');
  if (responseType !== 'code')
    refuse(
      'unsupported_response_type',
      'Client is not allowed to initiate browser login with given response_type. Only the authorization code flow is served.',
    );
  if (!client.standardFlowEnabled)
    refuse(
      'unauthorized_client',
      'Client is not allowed to initiate browser login with given response_type. Standard flow is disabled for the client.',
    );
  const responseMode = params.get('response_mode');
  if (responseMode && !RESPONSE_MODES.has(responseMode)) refuse('invalid_request', 'Invalid parameter: response_mode');

  const scopes = (params.get('scope') ?? '').split(' ').filter(Boolean);
  try {
    realm.clientScopesFor(client, scopes);
  } catch (error) {
    if (error instanceof OAuthError) refuse(error.error, error.description);
    throw error;
  }

  const challenge = params.get('code_challenge') ?? undefined;
  const method = params.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
  const required = realm.requiredPkceMethod(client);
  if (required && !challenge) refuse('invalid_request', 'Missing parameter: code_challenge');
  if (required && method !== required)
    refuse('invalid_request', 'Invalid parameter: code challenge method is not matching the configured one');
  // Only S256 is advertised and served: `plain` would put the secret into the browser's URL.
  if (method !== undefined && method !== 'S256') refuse('invalid_request', 'Invalid parameter: code_challenge_method');
  if (method === 'S256' && !S256_CHALLENGE.test(challenge ?? ''))
    refuse('invalid_request', 'Invalid parameter: code_challenge');

  const prompt = (params.get('prompt') ?? '').split(' ').filter(Boolean);
  if (prompt.includes('none') && prompt.length > 1) refuse('invalid_request', 'Invalid parameter: prompt');
  const maxAgeText = params.get('max_age');
  const maxAge = maxAgeText === null ? undefined : Number(maxAgeText);
  if (maxAge !== undefined && !(Number.isInteger(maxAge) && maxAge >= 0))
    refuse('invalid_request', 'Invalid parameter: max_age');

  const nonce = params.get('nonce') ?? undefined;
  const loginHint = params.get('login_hint') ?? undefined;
  return {
    clientId,
    redirectUri,
    scopes,
    prompt,
    locale,
    ...(state !== undefined ? { state } : {}),
    ...(nonce !== undefined ? { nonce } : {}),
    ...(challenge !== undefined ? { codeChallenge: challenge } : {}),
    ...(maxAge !== undefined ? { maxAge } : {}),
    ...(loginHint !== undefined ? { loginHint } : {}),
  };
}
