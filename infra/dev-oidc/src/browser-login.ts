import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CODE_LIFETIME_MS } from './authorization-code.js';
import { AuthorizationError, parseAuthorizationRequest, type AuthorizationRequest } from './authorization-request.js';
import { cookie, pageHeaders, readCookies, redirect, sendHtml } from './http-util.js';
import { MESSAGES, pickLocale, type Locale } from './login-messages.js';
import { renderLoginPage, renderMessagePage } from './login-page.js';
import type { RealmContext } from './realm-context.js';
import type { UserSession } from './user-sessions.js';

/** Keycloak's cookie names: the SSO session and the browser's pending-login binding. */
export const SSO_COOKIE = 'KEYCLOAK_IDENTITY';
export const AUTH_COOKIE = 'AUTH_SESSION_ID';
export const LOGIN_ACTION_PATH = '/login-actions/authenticate';

export const cookiePath = (context: RealmContext): string => `${new URL(context.issuer.issuer).pathname}/`;

export function ssoCookie(context: RealmContext, cookieToken: string, maxAge?: number): string {
  return cookie(SSO_COOKIE, cookieToken, {
    path: cookiePath(context),
    secure: context.secureCookies,
    ...(maxAge !== undefined ? { maxAge } : {}),
  });
}

/** The browser session of the request's SSO cookie, if it is still active. */
export function browserSession(context: RealmContext, req: IncomingMessage): UserSession | undefined {
  return context.sessions.activeByCookie(readCookies(req).get(SSO_COOKIE));
}

function errorRedirect(context: RealmContext, res: ServerResponse, error: AuthorizationError): void {
  const target = new URL(error.redirectUri!);
  target.searchParams.set('error', error.error);
  target.searchParams.set('error_description', error.description);
  if (error.state !== undefined) target.searchParams.set('state', error.state);
  target.searchParams.set('iss', context.issuer.issuer);
  redirect(res, target.href);
}

function errorPage(res: ServerResponse, locale: Locale, error: AuthorizationError): void {
  const m = MESSAGES[locale];
  const text =
    error.page === 'client'
      ? m.unknownClient
      : error.page === 'redirect_uri'
        ? m.invalidRedirectUri
        : m.invalidParameter(error.description);
  sendHtml(res, 400, renderMessagePage(locale, m.errorTitle, text));
}

/**
 * Sends the browser back to the client with a one-time code (and `iss`, RFC 9207), bound to client,
 * redirect URI, PKCE challenge, nonce, user and session.
 */
function codeRedirect(
  context: RealmContext,
  res: ServerResponse,
  request: AuthorizationRequest,
  session: UserSession,
  headers: Record<string, string | string[]> = {},
): void {
  const code = context.codes.add({
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    sessionId: session.id,
    subject: session.subject,
    scopes: request.scopes,
    used: false,
    ...(request.codeChallenge !== undefined ? { codeChallenge: request.codeChallenge } : {}),
    ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
  });
  const target = new URL(request.redirectUri);
  if (request.state !== undefined) target.searchParams.set('state', request.state);
  target.searchParams.set('session_state', session.id);
  target.searchParams.set('iss', context.issuer.issuer);
  target.searchParams.set('code', code);
  context.log({
    level: 'info',
    message: 'authorization code issued',
    clientId: request.clientId,
    username: session.username,
    lifetimeSeconds: CODE_LIFETIME_MS / 1000,
  });
  redirect(res, target.href, headers);
}

function showLoginForm(
  context: RealmContext,
  res: ServerResponse,
  loginId: string,
  request: AuthorizationRequest,
  extra: { username?: string; error?: string; headers?: Record<string, string | string[]> } = {},
): void {
  const action = `${context.issuer.issuer}${LOGIN_ACTION_PATH}`;
  const html = renderLoginPage({
    locale: request.locale,
    realmDisplayName: context.realm.representation.displayName ?? context.realm.name,
    action,
    loginId,
    ...((extra.username ?? request.loginHint) ? { username: extra.username ?? request.loginHint } : {}),
    ...(extra.error ? { error: extra.error } : {}),
    languageHref: (locale) => `${action}?${new URLSearchParams({ login: loginId, kc_locale: locale })}`,
  });
  sendHtml(res, 200, html, { ...pageHeaders([new URL(request.redirectUri).origin]), ...extra.headers });
}

/** `GET|POST /protocol/openid-connect/auth`: validates, then resumes the SSO session or shows the login form. */
export function authorize(
  context: RealmContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
): void {
  const locale = pickLocale([params.get('kc_locale'), params.get('ui_locales')], req.headers['accept-language']);
  let request: AuthorizationRequest;
  try {
    request = parseAuthorizationRequest(context.realm, params, locale);
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    context.log({
      level: 'warn',
      message: 'authorization request refused',
      error: error.error,
      reason: error.description,
      clientId: params.get('client_id'),
    });
    return error.redirectUri ? errorRedirect(context, res, error) : errorPage(res, locale, error);
  }

  const session = browserSession(context, req);
  const fresh =
    session && (request.maxAge === undefined || Math.floor(context.now() / 1000) - session.authTime <= request.maxAge);
  if (session && fresh && !request.prompt.includes('login')) return codeRedirect(context, res, request, session);
  if (request.prompt.includes('none')) {
    return errorRedirect(
      context,
      res,
      new AuthorizationError('login_required', 'Login required', 'parameter', request.redirectUri, request.state),
    );
  }

  const cookies = readCookies(req);
  const browserId = cookies.get(AUTH_COOKIE) || randomBytes(24).toString('base64url');
  const loginId = context.logins.add({ request, browserId });
  const headers = {
    'set-cookie': cookie(AUTH_COOKIE, browserId, { path: cookiePath(context), secure: context.secureCookies }),
  };
  showLoginForm(context, res, loginId, request, { headers });
}

/** `GET /login-actions/authenticate?login=…&kc_locale=…`: the same form again, e.g. in another language. */
export function loginFormAgain(
  context: RealmContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
): void {
  const loginId = params.get('login') ?? '';
  const pending = context.logins.get(loginId);
  const locale = pickLocale([params.get('kc_locale'), pending?.request.locale], req.headers['accept-language']);
  if (!pending)
    return sendHtml(res, 400, renderMessagePage(locale, MESSAGES[locale].errorTitle, MESSAGES[locale].loginExpired));
  pending.request.locale = locale;
  showLoginForm(context, res, loginId, pending.request);
}

/** `POST /login-actions/authenticate`: checks the password; on success starts the SSO session and returns a code. */
export function submitLogin(
  context: RealmContext,
  req: IncomingMessage,
  res: ServerResponse,
  form: URLSearchParams,
): void {
  const loginId = form.get('login') ?? '';
  const pending = context.logins.get(loginId);
  const locale = pending?.request.locale ?? pickLocale([], req.headers['accept-language']);
  const m = MESSAGES[locale];
  if (!pending) return sendHtml(res, 400, renderMessagePage(locale, m.errorTitle, m.loginExpired));
  if (readCookies(req).get(AUTH_COOKIE) !== pending.browserId)
    return sendHtml(res, 400, renderMessagePage(locale, m.errorTitle, m.cookieMissing));

  const username = (form.get('username') ?? '').trim();
  const password = form.get('password') ?? '';
  if (!username || !password)
    return showLoginForm(context, res, loginId, pending.request, { username, error: m.missingFields });
  const outcome = context.authenticate(username, password);
  if (!outcome.ok) {
    context.log({
      level: 'warn',
      message: 'login refused',
      reason: outcome.reason,
      clientId: pending.request.clientId,
      ip: req.socket.remoteAddress,
    });
    const error =
      outcome.reason === 'disabled'
        ? m.accountDisabled
        : outcome.reason === 'not-set-up'
          ? m.accountNotSetUp
          : m.invalidCredentials;
    return showLoginForm(context, res, loginId, pending.request, { username, error });
  }

  context.logins.delete(loginId);
  // A new login in this browser replaces its earlier session (e.g. another user after prompt=login).
  const previous = browserSession(context, req);
  if (previous) context.sessions.end(previous.id);
  const session = context.sessions.create(context.realm.subjectOf(outcome.user), outcome.user.username, true);
  context.log({ level: 'info', message: 'login', clientId: pending.request.clientId, username: outcome.user.username });
  codeRedirect(context, res, pending.request, session, { 'set-cookie': ssoCookie(context, session.cookieToken) });
}
