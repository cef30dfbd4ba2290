import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { urls } from './urls.js';

/** Logs in through the identity server's login page, as a person does. */
export async function login(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.goto(`${urls().web}/`);
  await page.getByRole('link', { name: 'Anmelden' }).first().click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId('user-name')).toBeVisible();
}

/** axe with WCAG 2.1 A/AA: no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  expect(bad).toEqual([]);
}

/** A password-grant token for preparing data through the APIs (not for what the browser tests). */
export async function apiToken(username: string): Promise<string> {
  const r = await fetch(`${urls().issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'si-cli', username, password: 'demo' }),
  });
  if (r.status !== 200) throw new Error(`token for ${username}: ${r.status}`);
  return ((await r.json()) as { access_token: string }).access_token;
}

export async function registerToken(): Promise<string> {
  const r = await fetch(`${urls().issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'register-connector',
      client_secret: 'register-connector-secret',
    }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
}
