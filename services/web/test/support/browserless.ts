import { expect } from '@jest/globals';

/**
 * A browser without a browser: cookies carried by hand, redirects not followed, the login through the identity
 * server's form, as the web app's integration tests need it.
 */
export type Jar = Map<string, string>;

const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

function keep(jar: Jar, response: Response): void {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const [name, ...value] = (pair ?? '').split('=');
    if (!name) continue;
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value.join('=') === '') jar.delete(name.trim());
    else jar.set(name.trim(), value.join('='));
  }
}

export async function go(url: string, jar: Jar, init: RequestInit = {}): Promise<Response> {
  const r = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers ?? {}), cookie: cookieHeader(jar) },
  });
  keep(jar, r);
  return r;
}

/** The whole login as a browser does it; returns the web app's cookies, the page's CSRF token and the landing page. */
export async function login(web: string, username: string): Promise<{ web: Jar; csrf: string; landing: string }> {
  const webJar: Jar = new Map();
  const idpJar: Jar = new Map();
  const start = await go(`${web}/auth/login`, webJar);
  expect(start.status).toBe(303);
  const authorize = start.headers.get('location') ?? '';
  expect(authorize).toContain('code_challenge_method=S256');
  const form = await (await go(authorize, idpJar)).text();
  const action = (/<form method="post" action="([^"]+)"/.exec(form)?.[1] ?? '').replaceAll('&amp;', '&');
  const loginId = /name="login" value="([^"]*)"/.exec(form)?.[1] ?? '';
  const posted = await go(new URL(action, authorize).href, idpJar, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: loginId, username, password: 'demo' }),
  });
  const callback = posted.headers.get('location') ?? '';
  expect(callback.startsWith(`${web}/auth/callback?`)).toBe(true);
  const done = await go(callback, webJar);
  expect(done.status).toBe(303);
  const landing = done.headers.get('location') ?? '';
  // A public page carries the layout with the user and the CSRF token, and needs no service behind it.
  const page = await (await go(`${web}/de/angebote`, webJar)).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return { web: webJar, csrf, landing };
}
