import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDevOidc, type DevOidcServer } from './dev-oidc.js';

// The login page in a real browser (Debian's Chromium): keyboard only, and axe finds nothing serious.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/lib/chromium/chromium-headless-shell';

describe('dev-oidc login page in Chromium', () => {
  let oidc: DevOidcServer;
  let app: Server;
  let callback: string;
  let browser: Browser;

  beforeAll(async () => {
    // Stands in for the web app: the browser must land on its callback after the login.
    app = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('callback reached'));
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    callback = `http://127.0.0.1:${(app.address() as AddressInfo).port}/auth/callback`;
    oidc = await startDevOidc({ port: 0, extraRedirectUris: { 'si-web': { redirectUris: [callback] } } });
    browser = await chromium.launch({ executablePath: CHROMIUM });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await oidc?.close();
    await new Promise((resolve) => app?.close(resolve));
  });

  function authorizationUrl(extra: Record<string, string> = {}): string {
    const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
    const params = new URLSearchParams({
      client_id: 'si-web',
      redirect_uri: callback,
      response_type: 'code',
      scope: 'openid',
      state: 's',
      nonce: 'n',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
    return `${oidc.issuer}/protocol/openid-connect/auth?${params}`;
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`);
  }

  it('logs in by keyboard alone, announces a wrong password, and passes axe', async () => {
    const context = await browser.newContext({ locale: 'de-CH' });
    const page = await context.newPage();
    await page.goto(authorizationUrl());
    // The user name field has the focus when the page opens.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('username');

    await page.keyboard.type('ib.solothurn');
    await page.keyboard.press('Tab');
    await page.keyboard.type('falsch');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Benutzername oder Passwort ist falsch.');
    expect(await page.getByLabel('Benutzername oder E-Mail').inputValue()).toBe('ib.solothurn');
    // One axe run on the page with the error: it holds everything the first page holds, and the alert.
    expect(await seriousViolations(page)).toEqual([]);

    // After the failure the password field has the focus, the user name being kept.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href.startsWith(callback));
    const landed = new URL(page.url());
    expect(landed.searchParams.get('iss')).toBe(oidc.issuer);
    expect(landed.searchParams.get('code')).toBeTruthy();
    const sso = (await context.cookies()).find((c) => c.name === 'KEYCLOAK_IDENTITY');
    expect(sso).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The page cannot read the session cookie.
    await page.goto(authorizationUrl({ prompt: 'login' }));
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await context.close();
  }, 30_000);

  it('switches the language by keyboard', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(authorizationUrl({ ui_locales: 'fr' }));
    expect(await page.getAttribute('html', 'lang')).toBe('fr-CH');
    await page.getByRole('link', { name: 'Italiano' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForLoadState();
    expect(await page.getAttribute('html', 'lang')).toBe('it-CH');
    expect(await page.getByLabel('Nome utente o e-mail').count()).toBe(1);
    await context.close();
  }, 30_000);
});
