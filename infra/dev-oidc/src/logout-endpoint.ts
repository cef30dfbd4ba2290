import type { IncomingMessage, ServerResponse } from 'node:http';
import { browserSession, ssoCookie } from './browser-login.js';
import { pageHeaders, redirect, sendHtml } from './http-util.js';
import { MESSAGES, pickLocale, type Locale } from './login-messages.js';
import { renderLogoutConfirmPage, renderMessagePage } from './login-page.js';
import type { RealmContext } from './realm-context.js';

export const LOGOUT_PATH = '/protocol/openid-connect/logout';

function refuse(res: ServerResponse, locale: Locale, message: string): void {
  sendHtml(res, 400, renderMessagePage(locale, MESSAGES[locale].errorTitle, message));
}

/**
 * `GET|POST /protocol/openid-connect/logout` (RP-initiated logout 1.0), as Keycloak ≥ 18 answers it: a
 * post_logout_redirect_uri must be registered for the client named by id_token_hint or client_id; without
 * id_token_hint the user confirms first, so a foreign page cannot log anyone out. Ending the session
 * revokes the refresh tokens issued in it and clears the SSO cookie.
 */
export async function logout(
  context: RealmContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
  method: string,
): Promise<void> {
  const locale = pickLocale([params.get('ui_locales')], req.headers['accept-language']);
  const m = MESSAGES[locale];
  const hintText = params.get('id_token_hint');
  const hint = hintText ? await context.issuer.verifyOwn(hintText, 'ID', true) : undefined;
  if (hintText && !hint) return refuse(res, locale, m.invalidParameter('id_token_hint'));

  const hintClient = typeof hint?.['azp'] === 'string' ? hint['azp'] : undefined;
  const clientId = params.get('client_id') ?? hintClient;
  if (hintClient && clientId !== hintClient) return refuse(res, locale, m.invalidParameter('client_id'));
  const client = clientId ? context.realm.client(clientId) : undefined;
  if (clientId && !client) return refuse(res, locale, m.unknownClient);

  const postLogoutRedirectUri = params.get('post_logout_redirect_uri');
  if (postLogoutRedirectUri) {
    if (!client) return refuse(res, locale, m.invalidParameter('id_token_hint / client_id'));
    if (!context.realm.postLogoutRedirectUrisOf(client).includes(postLogoutRedirectUri))
      return refuse(res, locale, m.invalidParameter('post_logout_redirect_uri'));
  }

  const cookieSession = browserSession(context, req);
  const confirmed = method === 'POST' && params.get('confirm') === 'yes';
  if (!hint && cookieSession && !confirmed) {
    const hidden: Record<string, string> = {};
    for (const name of ['post_logout_redirect_uri', 'state', 'client_id', 'ui_locales']) {
      const value = params.get(name);
      if (value !== null) hidden[name] = value;
    }
    // Chromium applies form-action to the redirect that follows the POST as well.
    const headers = pageHeaders(postLogoutRedirectUri ? [new URL(postLogoutRedirectUri).origin] : []);
    return sendHtml(
      res,
      200,
      renderLogoutConfirmPage(locale, `${context.issuer.issuer}${LOGOUT_PATH}`, hidden),
      headers,
    );
  }

  const ended = [
    context.sessions.end(typeof hint?.['sid'] === 'string' ? hint['sid'] : undefined),
    cookieSession && context.sessions.end(cookieSession.id),
  ];
  for (const session of new Set(ended)) {
    if (session)
      context.log({ level: 'info', message: 'logout', username: session.username, clientId: clientId ?? null });
  }
  const headers = { 'set-cookie': ssoCookie(context, '', 0) };
  if (!postLogoutRedirectUri)
    return sendHtml(res, 200, renderMessagePage(locale, m.logoutTitle, m.loggedOut, false), headers);
  const target = new URL(postLogoutRedirectUri);
  const state = params.get('state');
  if (state !== null) target.searchParams.set('state', state);
  redirect(res, target.href, headers);
}
