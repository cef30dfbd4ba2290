import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support/browser.js';
import { urls } from './support/urls.js';

/** Issue 15, point 7: each person of the demo realm logs in through the login page and sees only their menu. */
const USERS: { user: string; name: string; role: string; menu: string[] }[] = [
  {
    user: 'ib.solothurn',
    name: 'Anna Brunner',
    role: 'Integrationsbeauftragte/r',
    menu: ['Arbeitsliste', 'Subventionsabrechnungen', 'Meine Kennzahlen', 'Selbstdeklaration', 'Angebote'],
  },
  {
    user: 'ib.olten',
    name: 'Marco Frei',
    role: 'Integrationsbeauftragte/r',
    menu: ['Arbeitsliste', 'Subventionsabrechnungen', 'Meine Kennzahlen', 'Selbstdeklaration', 'Angebote'],
  },
  {
    user: 'ib.hubersdorf',
    name: 'Sabine Kaufmann',
    role: 'Integrationsbeauftragte/r',
    menu: ['Arbeitsliste', 'Subventionsabrechnungen', 'Meine Kennzahlen', 'Selbstdeklaration', 'Angebote'],
  },
  {
    user: 'sr.olten',
    name: 'Lukas Meier',
    role: 'Sozialregion',
    menu: ['Übergaben', 'DFPA-Fälle', 'Kennzahlen', 'Angebote'],
  },
  {
    user: 'ags.koordination',
    name: 'Claudia Steiner',
    role: 'Amt für Gesellschaft und Soziales',
    menu: [
      'Fallübersicht',
      'Organisationsmodell',
      'Lieferungen in Quarantäne',
      'Zielgruppenregel',
      'Angebote prüfen',
      'Abrechnungen prüfen und freigeben',
      'Subventionstarife',
      'Integrationskredit',
      'Kennzahlen',
      'Eingefrorene Berichte',
      'Selbstdeklaration',
    ],
  },
  {
    user: 'ags.finanzen',
    name: 'Markus Brunner',
    role: 'Amt für Gesellschaft und Soziales, Finanzen AGS',
    menu: [
      'Fallübersicht',
      'Organisationsmodell',
      'Lieferungen in Quarantäne',
      'Zielgruppenregel',
      'Angebote prüfen',
      'Abrechnungen prüfen und freigeben',
      'Subventionstarife',
      'Auszahlung',
      'Integrationskredit',
      'Kennzahlen',
      'Eingefrorene Berichte',
      'Selbstdeklaration',
    ],
  },
  { user: 'ma.integration', name: 'Daniel Roth', role: 'Migrationsamt', menu: ['Gemeldete Fälle', 'Kennzahlen'] },
  {
    user: 'sr.thal-gaeu',
    name: 'Regula Studer',
    role: 'Sozialregion',
    menu: ['Übergaben', 'DFPA-Fälle', 'Kennzahlen', 'Angebote'],
  },
  { user: 'anbieter.vhs', name: 'Claudia Roth', role: 'Anbieterin/Anbieter', menu: ['Meine Angebote', 'Zuweisungen'] },
  { user: 'mp.olten', name: 'Sandra Kunz', role: 'Koordination Mentoring-Pool', menu: ['Mentoring-Pool'] },
];

for (const u of USERS) {
  test(`${u.user} logs in through the login page and sees only their menu`, async ({ page }) => {
    await login(page, u.user);
    await expect(page.getByTestId('user-name')).toHaveText(u.name);
    await expect(page.getByTestId('user-role')).toHaveText(u.role);
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link')).toHaveText(u.menu);
    await expect(page.locator('h1')).toContainText(u.menu[0] ?? '');
    await expectAccessible(page);
  });
}

test('the session cookie is httpOnly and SameSite=Lax, invisible to scripts, and logout ends it at the identity server too', async ({
  page,
  context,
}) => {
  await login(page, 'ib.solothurn');
  const cookie = (await context.cookies()).find((c) => c.name === 'si-session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('si-session');
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('link', { name: 'Anmelden' }).first()).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === 'si-session')).toBeUndefined();
  // The identity server's SSO session ended as well: the next login asks for the password again.
  await page.getByRole('link', { name: 'Anmelden' }).first().click();
  await expect(page.locator('#password')).toBeVisible();
});

test('a page of the workspace without a session leads to the login and back to that page', async ({ page }) => {
  await page.goto(`${urls().web}/faelle?phase=informieren`);
  await page.locator('#username').fill('ib.solothurn');
  await page.locator('#password').fill('demo');
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/faelle\?phase=informieren$/);
});

test('a role sees no page of another role: ib.solothurn gets "Kein Zugriff" on the organisation model', async ({
  page,
}) => {
  await login(page, 'ib.solothurn');
  const response = await page.goto(`${urls().web}/organisation`);
  expect(response?.status()).toBe(403);
  await expect(page.locator('h1')).toHaveText('Kein Zugriff');
});

test('security headers: CSP without inline code, frame denial', async ({ page }) => {
  const response = await page.goto(`${urls().web}/`);
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  await expectAccessible(page);
});
