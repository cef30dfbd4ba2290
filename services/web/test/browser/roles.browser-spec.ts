import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support/browser.js';
import { urls } from './support/urls.js';

/** The AGS's and the Sozialregion's screens: what each finds, accessible; nothing of another role. */
test('ags.koordination records Flumenthal joining the Leitgemeinde Hubersdorf; the model then shows Hubersdorf leading Flumenthal', async ({
  page,
}) => {
  await login(page, 'ags.koordination');
  await page.getByRole('link', { name: 'Organisationsmodell' }).click();
  await expectAccessible(page);
  await page.getByTestId('organisation').getByRole('link', { name: 'Flumenthal' }).click();
  await page.getByLabel('Leitgemeinde', { exact: true }).check();
  await page.getByLabel('Leitgemeinde (bei Leitgemeindemodell)').selectOption({ label: 'Hubersdorf' });
  await page.getByLabel('Gültig ab').fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel('Begründung').fill('Zusammenarbeitsvertrag Leitgemeinde Hubersdorf');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status')).toHaveText('Das neue Modell ist erfasst.');
  await expect(page.getByTestId('periods')).toContainText('Leitgemeinde Hubersdorf');
  await expectAccessible(page);
  await page.goto(`${urls().web}/organisation`);
  await expect(page.getByTestId('organisation').getByRole('row', { name: /^Hubersdorf/ })).toContainText('Flumenthal');
});

test('ags.koordination sees the quarantine and the target-group rule in force with its versions', async ({ page }) => {
  await login(page, 'ags.koordination');
  await page.getByRole('link', { name: 'Lieferungen in Quarantäne' }).click();
  await expect(page.locator('h1')).toHaveText('Lieferungen in Quarantäne');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Zielgruppenregel' }).click();
  await expect(page.getByTestId('rule')).toContainText('B Aufenthaltsbewilligung');
  await expectAccessible(page);
});

test('sr.olten sees its hand-overs (none yet) and no case of a municipality', async ({ page }) => {
  await login(page, 'sr.olten');
  await expect(page.locator('h1')).toHaveText('Übergaben');
  await expect(page.getByTestId('empty')).toBeVisible();
  await expectAccessible(page);
  const response = await page.goto(`${urls().web}/faelle/00000000-0000-4000-8000-000000000000`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Nicht gefunden');
});
