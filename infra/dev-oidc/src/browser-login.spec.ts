import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the services' own verifier must accept browser-login tokens
import { KeycloakTokenVerifier, principalFromClaims } from '@si/auth';
import * as oidcClient from 'openid-client';
import { startDevOidc, type DevOidcServer } from './dev-oidc.js';

// The browser login as the web BFF (services/web) does it: openid-client, a certified relying party,
// against the dev server; the browser is played by fetch with a cookie jar.
const CALLBACK = 'http://localhost:3000/auth/callback';
const AFTER_LOGOUT = 'http://localhost:3000/';

/** A browser reduced to what the login needs: cookies, no automatic redirects. */
class FakeBrowser {
  readonly cookies = new Map<string, string>();

  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { 'accept-language': 'de-CH,de;q=0.9' };
    if (this.cookies.size > 0)
      headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      redirect: 'manual',
      ...(init.form ? { body: new URLSearchParams(init.form) } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (/max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
    return response;
  }

  /** Fills and sends the login form of `page`. */
  async submitLogin(page: string, username: string, password: string): Promise<Response> {
    const unescape = (s: string): string => s.replaceAll('&amp;', '&');
    const action = unescape(/<form method="post" action="([^"]+)"/.exec(page)?.[1] ?? '');
    const login = /name="login" value="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(action).not.toBe('');
    return this.request(action, { form: { login, username, password } });
  }
}

describe('dev-oidc browser login (authorization code + PKCE, client si-web)', () => {
  let oidc: DevOidcServer;
  let config: oidcClient.Configuration;
  let clockOffset = 0;

  beforeAll(async () => {
    oidc = await startDevOidc({ port: 0, now: () => Date.now() + clockOffset });
    config = await oidcClient.discovery(new URL(oidc.issuer), 'si-web', 'si-web-secret', undefined, {
      execute: [oidcClient.allowInsecureRequests],
    });
  });
  afterAll(async () => {
    await oidc.close();
  });

  async function startLogin(extra: Record<string, string> = {}) {
    const verifier = oidcClient.randomPKCECodeVerifier();
    const state = oidcClient.randomState();
    const nonce = oidcClient.randomNonce();
    const url = oidcClient.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid',
      state,
      nonce,
      code_challenge: await oidcClient.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      ...extra,
    });
    return { url, verifier, state, nonce };
  }

  /** GET auth → login page → POST credentials → the redirect back to the web app. */
  async function login(browser: FakeBrowser, username = 'ib.solothurn', password = 'demo') {
    const start = await startLogin();
    const form = await browser.request(start.url);
    expect(form.status).toBe(200);
    const back = await browser.submitLogin(await form.text(), username, password);
    expect(back.status).toBe(302);
    return { ...start, callback: new URL(back.headers.get('location')!) };
  }

  const exchange = (flow: { callback: URL; verifier: string; state: string; nonce: string }) =>
    oidcClient.authorizationCodeGrant(config, flow.callback, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });

  it('advertises the browser endpoints, code with S256 only and the iss response parameter', () => {
    const meta = config.serverMetadata();
    expect(meta).toMatchObject({
      revocation_endpoint: `${oidc.issuer}/protocol/openid-connect/revoke`,
      authorization_endpoint: `${oidc.issuer}/protocol/openid-connect/auth`,
      end_session_endpoint: `${oidc.issuer}/protocol/openid-connect/logout`,
      userinfo_endpoint: `${oidc.issuer}/protocol/openid-connect/userinfo`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    });
    expect(meta.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'password', 'client_credentials', 'refresh_token']),
    );
  });

  it('logs ib.solothurn in through the form and gives tokens the services accept', async () => {
    const browser = new FakeBrowser();
    const flow = await login(browser);
    expect(flow.callback.origin + flow.callback.pathname).toBe(CALLBACK);
    expect(flow.callback.searchParams.get('iss')).toBe(oidc.issuer);
    expect(flow.callback.searchParams.get('state')).toBe(flow.state);

    const tokens = await exchange(flow);
    expect(tokens.claims()).toMatchObject({
      iss: oidc.issuer,
      aud: 'si-web',
      nonce: flow.nonce,
      preferred_username: 'ib.solothurn',
      typ: 'ID',
    });
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const verifier = new KeycloakTokenVerifier({
      authServerUrl: oidc.url,
      realm: 'start-integration',
      clientId: 'case-management',
    });
    const principal = principalFromClaims(await verifier.verify(tokens.access_token));
    expect(principal).toMatchObject({ username: 'ib.solothurn', gemeinden: [2601] });
    expect(principal.roles).toContain('gemeinde');
    await expect(
      new KeycloakTokenVerifier({ authServerUrl: oidc.url, realm: 'start-integration', clientId: 'si-cli' }).verify(
        tokens.access_token,
      ),
    ).rejects.toThrow(/audience/);

    const info = await oidcClient.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
    expect(info).toMatchObject({ preferred_username: 'ib.solothurn', name: 'Anna Brunner' });
    const refreshed = await oidcClient.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
  });

  it('keeps the SSO session in an httpOnly, SameSite=Lax cookie and skips the form the second time', async () => {
    const browser = new FakeBrowser();
    const start = await startLogin();
    const form = await browser.request(start.url);
    const back = await browser.submitLogin(await form.text(), 'ib.olten', 'demo');
    const cookie = back.headers.getSetCookie().find((c) => c.startsWith('KEYCLOAK_IDENTITY='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const again = await startLogin();
    const direct = await browser.request(again.url);
    expect(direct.status).toBe(302);
    const tokens = await exchange({ ...again, callback: new URL(direct.headers.get('location')!) });
    expect(tokens.claims()!['preferred_username']).toBe('ib.olten');
    // prompt=login asks for the password even within the session.
    expect((await browser.request((await startLogin({ prompt: 'login' })).url)).status).toBe(200);
  });

  it('shows a German, labelled, script-free login page and says only that the credentials were wrong', async () => {
    const browser = new FakeBrowser();
    const response = await browser.request((await startLogin()).url);
    const page = await response.text();
    expect(page).toMatch(/<html lang="de-CH">/);
    expect(page).toContain('<label for="username">Benutzername oder E-Mail</label>');
    expect(page).toContain('<label for="password">Passwort</label>');
    expect(page).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("form-action 'self' http://localhost:3000");
    expect(response.headers.get('x-frame-options')).toBe('DENY');

    for (const [username, password] of [
      ['ib.solothurn', 'falsch'],
      ['niemand', 'demo'],
    ] as const) {
      const failed = await browser.submitLogin(page, username, password);
      expect(failed.status).toBe(200);
      const text = await failed.text();
      expect(text).toContain('role="alert"');
      expect(text).toContain('Benutzername oder Passwort ist falsch.');
      expect(text).toContain('<title>Fehler: Anmelden');
      expect(text).toContain(`value="${username}"`);
    }
    const french = await browser.request(/href="([^"]+kc_locale=fr)"/.exec(page)![1]!.replaceAll('&amp;', '&'));
    expect(await french.text()).toContain('<label for="username">Nom d&#39;utilisateur ou e-mail</label>');
  });

  it('refuses an unregistered redirect_uri with a page, never a redirect', async () => {
    const start = await startLogin({ redirect_uri: 'http://localhost:3000/auth/callback/evil' });
    const response = await new FakeBrowser().request(start.url);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('redirect_uri');
  });

  it.each([
    ['plain', { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }],
    ['missing', { code_challenge: '', code_challenge_method: '' }],
  ])('refuses %s PKCE for si-web back at the client with invalid_request', async (_name, pkce) => {
    const start = await startLogin();
    for (const [name, value] of Object.entries(pkce)) {
      if (value) start.url.searchParams.set(name, value);
      else start.url.searchParams.delete(name);
    }
    const response = await new FakeBrowser().request(start.url);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe(start.state);
    expect(location.searchParams.get('iss')).toBe(oidc.issuer);
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('refuses a wrong code_verifier with invalid_grant', async () => {
    const flow = await login(new FakeBrowser());
    await expect(exchange({ ...flow, verifier: oidcClient.randomPKCECodeVerifier() })).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('refuses a reused code and revokes the refresh token the first use gave', async () => {
    const flow = await login(new FakeBrowser());
    const tokens = await exchange(flow);
    await expect(exchange(flow)).rejects.toMatchObject({ error: 'invalid_grant', error_description: 'Code not valid' });
    await expect(oidcClient.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('lets the client authorize again in the same session after a reused code, without reviving the revoked token', async () => {
    const browser = new FakeBrowser();
    const flow = await login(browser);
    const revoked = await exchange(flow);
    await expect(exchange(flow)).rejects.toMatchObject({ error: 'invalid_grant' });
    const again = await startLogin();
    const direct = await browser.request(again.url);
    expect(direct.status).toBe(302);
    const fresh = await exchange({ ...again, callback: new URL(direct.headers.get('location')!) });
    const refreshed = await oidcClient.refreshTokenGrant(config, fresh.refresh_token!);
    await expect(oidcClient.refreshTokenGrant(config, refreshed.refresh_token!)).resolves.toBeDefined();
    await expect(oidcClient.refreshTokenGrant(config, revoked.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('lets a code expire after 60 seconds', async () => {
    const flow = await login(new FakeBrowser());
    clockOffset += 61_000;
    try {
      await expect(exchange(flow)).rejects.toMatchObject({ error: 'invalid_grant' });
    } finally {
      clockOffset -= 61_000;
    }
  });

  it('logs out at end_session: back to the registered page, cookie cleared, refresh token revoked', async () => {
    const browser = new FakeBrowser();
    const tokens = await exchange(await login(browser));
    const foreign = oidcClient.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: 'http://evil.example/',
    });
    expect((await browser.request(foreign)).status).toBe(400);

    const url = oidcClient.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: AFTER_LOGOUT,
      state: 'bye',
    });
    const response = await browser.request(url);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${AFTER_LOGOUT}?state=bye`);
    expect(browser.cookies.has('KEYCLOAK_IDENTITY')).toBe(false);
    await expect(oidcClient.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
      error_description: 'Session not active',
    });
    expect((await browser.request((await startLogin()).url)).status).toBe(200);
  });

  it("revokes a refresh token at the revocation endpoint, and refuses to revoke another client's token", async () => {
    const tokens = await exchange(await login(new FakeBrowser()));
    const cli = (await (
      await fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: 'si-cli',
          username: 'ib.hubersdorf',
          password: 'demo',
        }),
      })
    ).json()) as { refresh_token: string };
    await expect(oidcClient.tokenRevocation(config, cli.refresh_token)).rejects.toMatchObject({
      error: 'unauthorized_client',
    });
    await oidcClient.tokenRevocation(config, tokens.refresh_token!);
    await expect(oidcClient.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
      error_description: 'Session not active',
    });
    // A token it never issued is answered 200 (RFC 7009 §2.2).
    await expect(oidcClient.tokenRevocation(config, 'not-a-token')).resolves.toBeUndefined();
  });

  it('ends the earlier session of the browser when another user logs in with prompt=login', async () => {
    const browser = new FakeBrowser();
    const first = await exchange(await login(browser, 'ib.olten'));
    const page = await (await browser.request((await startLogin({ prompt: 'login' })).url)).text();
    expect((await browser.submitLogin(page, 'ib.hubersdorf', 'demo')).status).toBe(302);
    await expect(oidcClient.refreshTokenGrant(config, first.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('answers prompt=none without a session with login_required, and a login form from another browser with a page', async () => {
    const silent = await new FakeBrowser().request((await startLogin({ prompt: 'none' })).url);
    expect(new URL(silent.headers.get('location')!).searchParams.get('error')).toBe('login_required');

    const page = await (await new FakeBrowser().request((await startLogin()).url)).text();
    const stranger = await new FakeBrowser().submitLogin(page, 'ib.solothurn', 'demo');
    expect(stranger.status).toBe(400);
    expect(stranger.headers.get('location')).toBeNull();
    expect(await stranger.text()).toContain('Cookies');
  });

  it('refuses userinfo without a token, with a foreign token and without scope openid', async () => {
    const userinfo = (token?: string) =>
      fetch(
        `${oidc.issuer}/protocol/openid-connect/userinfo`,
        token ? { headers: { authorization: `Bearer ${token}` } } : {},
      );
    const none = await userinfo();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(
      (
        await userinfo(
          await oidc.mintAccessToken({ iss: 'http://evil.example/realms/start-integration' }, { username: 'ib.olten' }),
        )
      ).status,
    ).toBe(401);
    const withoutOpenid = await userinfo(await oidc.mintAccessToken({}, { username: 'ib.olten' }));
    expect(withoutOpenid.status).toBe(403);
    expect(await withoutOpenid.json()).toMatchObject({ error: 'insufficient_scope' });
  });

  it('asks before logging out when the request carries no id_token_hint', async () => {
    const browser = new FakeBrowser();
    const tokens = await exchange(await login(browser));
    const logoutUrl = `${oidc.issuer}/protocol/openid-connect/logout?${new URLSearchParams({ client_id: 'si-web', post_logout_redirect_uri: AFTER_LOGOUT })}`;
    const question = await browser.request(logoutUrl);
    expect(question.status).toBe(200);
    expect(question.headers.get('content-security-policy')).toContain("form-action 'self' http://localhost:3000");
    const page = await question.text();
    expect(page).toContain('Möchten Sie sich abmelden?');
    // Nothing has ended yet.
    expect((await oidcClient.refreshTokenGrant(config, tokens.refresh_token!)).access_token).toEqual(
      expect.any(String),
    );
    const hidden = Object.fromEntries([...page.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const confirmed = await browser.request(`${oidc.issuer}/protocol/openid-connect/logout`, {
      form: { ...hidden, confirm: 'yes' },
    });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get('location')).toBe(AFTER_LOGOUT);
    await expect(oidcClient.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  describe('brute-force detection (realm: bruteForceProtected, failureFactor 30)', () => {
    const passwordGrant = (username: string, password: string) =>
      fetch(`${oidc.issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'password', client_id: 'si-cli', username, password }),
      });

    it('locks a user for a minute after two failures within a second, with the answer of a wrong password', async () => {
      const browser = new FakeBrowser();
      const page = await (await browser.request((await startLogin()).url)).text();
      await browser.submitLogin(page, 'sr.olten', 'falsch-1');
      await browser.submitLogin(page, 'sr.olten', 'falsch-2');
      const locked = await browser.submitLogin(page, 'sr.olten', 'demo');
      expect(locked.status).toBe(200);
      expect(await locked.text()).toContain('Benutzername oder Passwort ist falsch.');
      const grant = await passwordGrant('sr.olten', 'demo');
      expect(grant.status).toBe(401);
      expect(await grant.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });

      clockOffset += 61_000;
      expect((await passwordGrant('sr.olten', 'demo')).status).toBe(200);
    });

    it('locks after failureFactor slow failures too, and not another user', async () => {
      for (let attempt = 0; attempt < 30; attempt++) {
        expect((await passwordGrant('ma.integration', `falsch-${attempt}`)).status).toBe(401);
        clockOffset += 2_000;
      }
      expect((await passwordGrant('ma.integration', 'demo')).status).toBe(401);
      expect((await passwordGrant('ags.koordination', 'demo')).status).toBe(200);
      clockOffset += 61_000;
      expect((await passwordGrant('ma.integration', 'demo')).status).toBe(200);
    });
  });
});
