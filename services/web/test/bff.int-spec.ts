import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the BFF is tested against the real dev identity server
import { startDevOidc, type DevOidcServer } from '@si/dev-oidc';
import { createLogger } from '@si/observability';
import { freePort } from '@si/testing';
import { go, login as loginAt } from './support/browserless.js';

/**
 * The backend-for-frontend over real HTTP against the dev identity server and Redis: the code + PKCE login,
 * the session cookie, CSRF (origin and synchronizer token) on POST, the login redirect for pages and for
 * htmx, logout at the identity server. No browser: the cookies are carried by hand, as a browser would.
 */
let oidc: DevOidcServer;
let app: NestFastifyApplication;
let web: string;
const prefix = `webtest${randomBytes(3).toString('hex')}:`;

const login = (username: string) => loginAt(web, username);

beforeAll(async () => {
  const port = await freePort();
  web = `http://127.0.0.1:${port}`;
  oidc = await startDevOidc({
    port: 0,
    extraRedirectUris: { 'si-web': { redirectUris: [`${web}/auth/callback`], postLogoutRedirectUris: [`${web}/`] } },
  });
  Object.assign(process.env, {
    WEB_PUBLIC_URL: web,
    OIDC_AUTH_SERVER_URL: oidc.publicUrl,
    WEB_REDIS_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    // No services behind it in this test: pages that need them are not asked for.
    CASE_MANAGEMENT_URL: 'http://127.0.0.1:9',
    REGISTRY_INTAKE_URL: 'http://127.0.0.1:9',
    OFFERS_URL: 'http://127.0.0.1:9',
  });
  const { createWebApp } = await import('../src/web-app.js');
  const { AppModule } = await import('../src/app.module.js');
  app = await createWebApp(AppModule, createLogger('web-test', 'warn'));
  await app.listen({ port, host: '127.0.0.1' });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await oidc?.close();
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('BFF login (authorization code + PKCE)', () => {
  it('logs ib.solothurn in: an httpOnly SameSite=Lax session cookie holding only a random id, the user on the page, tokens nowhere in it', async () => {
    const { web: jar, csrf, landing } = await login('ib.solothurn');
    expect(landing).toBe('/faelle');
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const sessionId = jar.get('si-session') ?? '';
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const home = await go(`${web}/`, jar);
    expect(home.status).toBe(303);
    const page = await (await go(`${web}/de/angebote`, jar)).text();
    expect(page).toContain('Anna Brunner');
    expect(page).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    // In Redis the session sits under the hash of the id: a copy of Redis gives no usable cookie.
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}session:*`);
    await redis.quit();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes(sessionId))).toBe(false);
  });

  it('refuses a callback whose state this browser did not start', async () => {
    const r = await go(`${web}/auth/callback?code=x&state=forged`, new Map());
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('Anmeldung nicht abgeschlossen');
  });
});

describe('CSRF on every POST', () => {
  it('refuses a POST without the synchronizer token, with a wrong one, or from another origin; accepts the right one and logs out at the identity server', async () => {
    const { web: jar, csrf } = await login('ib.olten');
    const post = (body: Record<string, string>, origin = web) =>
      go(`${web}/auth/logout`, jar, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: new URLSearchParams(body),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ _csrf: `${csrf}x` })).status).toBe(403);
    expect((await post({ _csrf: csrf }, 'https://evil.example')).status).toBe(403);
    const out = await post({ _csrf: csrf });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toContain(`${oidc.issuer}/protocol/openid-connect/logout?`);
    expect(out.headers.get('location')).toContain('id_token_hint=');
    // The session is gone: a workspace page leads to the login again.
    const after = await go(`${web}/faelle`, jar);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/auth/login?returnTo=%2Ffaelle');
  });
});

describe('pages without a session', () => {
  it('send a page request to the login with the way back, and tell htmx to navigate instead of following the redirect', async () => {
    const page = await go(`${web}/faelle?phase=fordern`, new Map());
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/auth/login?returnTo=%2Ffaelle%3Fphase%3Dfordern');
    const htmx = await go(`${web}/faelle`, new Map(), { headers: { 'hx-request': 'true' } });
    expect(htmx.headers.get('hx-redirect')).toBe('/auth/login?returnTo=%2Ffaelle');
  });

  it('refuses a return target outside this site', async () => {
    const { safeReturnTo } = await import('../src/auth/auth.controller.js');
    expect(safeReturnTo('//evil.example/x')).toBe('/');
    expect(safeReturnTo('https://evil.example')).toBe('/');
    expect(safeReturnTo('/faelle?q=a')).toBe('/faelle?q=a');
  });

  it('answer every page with the security headers', async () => {
    const r = await go(`${web}/`, new Map());
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

describe('token refresh', () => {
  /** The app's own session store and token relay, called as a page's service call does. */
  async function relayFor(username: string) {
    const { SessionStore } = await import('../src/auth/session.store.js');
    const { UserTokens } = await import('../src/auth/user-token.js');
    const { LoginRequired } = await import('../src/shell/web-errors.js');
    const { web: jar } = await login(username);
    const sessionId = jar.get('si-session') ?? '';
    const store = app.get(SessionStore);
    const tokens = app.get(UserTokens);
    const call = async () => {
      const session = await store.get(sessionId);
      const request = { url: '/faelle', web: { lang: 'de', path: '/faelle', session, sessionId } };
      return tokens.accessToken(request as never);
    };
    /** Ages the access token in Redis as if its lifetime had run out. */
    const expire = async (change: Record<string, unknown> = {}) => {
      const session = await store.get(sessionId);
      if (!session) throw new Error('no session');
      await store.save(sessionId, { ...session, accessExpiresAt: Date.now() - 1_000, ...change });
    };
    return { jar, sessionId, store, call, expire, LoginRequired };
  }

  const userinfo = (token: string) =>
    fetch(`${oidc.issuer}/protocol/openid-connect/userinfo`, { headers: { authorization: `Bearer ${token}` } });

  it('refreshes an expired access token once for parallel calls, keeps the new tokens in Redis, and the new token is valid at the identity server', async () => {
    const { sessionId, store, call, expire } = await relayFor('ib.solothurn');
    const before = await store.get(sessionId);
    const current = await call();
    expect(current).toBe(before?.accessToken); // still fresh: no refresh
    await expire();
    const [a, b, c] = await Promise.all([call(), call(), call()]);
    expect(a).not.toBe(before?.accessToken);
    expect(new Set([a, b, c]).size).toBe(1);
    const after = await store.get(sessionId);
    expect(after?.accessToken).toBe(a);
    expect(after?.accessExpiresAt).toBeGreaterThan(Date.now() + 60_000);
    expect(after?.refreshToken).toBeTruthy();
    expect(after?.user.username).toBe('ib.solothurn');
    expect((await userinfo(a)).status).toBe(200);
  });

  it('ends the session and asks for a new login when the identity server refuses the refresh', async () => {
    const { jar, sessionId, store, call, expire, LoginRequired } = await relayFor('ib.olten');
    await expire({ refreshToken: 'not-a-refresh-token' });
    await expect(call()).rejects.toBeInstanceOf(LoginRequired);
    expect(await store.get(sessionId)).toBeUndefined();
    const page = await go(`${web}/faelle`, jar);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/auth/login?returnTo=%2Ffaelle');
  });
});
