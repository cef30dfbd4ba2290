import { expect, test, type Page } from '@playwright/test';
import { deliverArrival } from './support/arrival.js';
import { expectAccessible, login } from './support/browser.js';
import { urls } from './support/urls.js';

/**
 * Issue 15, point 7: an eCH-0020 arrival delivered to registry-intake appears in ib.solothurn's work list and not
 * in ib.olten's; ib.solothurn records a first-information talk through the form and sees it in the history; a
 * refused action shows its rule next to the field, and nothing typed is lost.
 */
let person: { officialName: string; firstName: string };
let caseUrl = '';

test.beforeAll(async () => {
  person = await deliverArrival(2601);
});

async function searchWorkList(page: Page, name: string): Promise<void> {
  await page.goto(`${urls().web}/faelle`);
  // The case opens from the broker event a moment after the delivery: search until it is there.
  await expect(async () => {
    await page.goto(`${urls().web}/faelle?q=${encodeURIComponent(name)}`);
    await expect(page.getByTestId('work-list').getByRole('link', { name: new RegExp(name) })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
}

test('the arrival appears in the work list of ib.solothurn, with its counters and filters, accessible and usable by keyboard', async ({
  page,
}) => {
  await login(page, 'ib.solothurn');
  await expect(page.getByTestId('count-overdue')).toBeVisible();
  await searchWorkList(page, person.officialName);
  await expect(page.getByTestId('work-list')).toContainText('Solothurn');
  await expect(page.getByTestId('work-list')).toContainText('Informieren');
  await expectAccessible(page);
  // Keyboard: the first Tab reaches the skip link, Enter moves to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  // The name search works without reloading the page (htmx) and keeps the URL shareable.
  await page.goto(`${urls().web}/faelle`);
  await page.locator('#q').fill(person.officialName);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(person.officialName)}`));
  await expect(
    page.getByTestId('work-list').getByRole('link', { name: new RegExp(person.officialName) }),
  ).toBeVisible();
  caseUrl =
    (await page
      .getByTestId('work-list')
      .getByRole('link', { name: new RegExp(person.officialName) })
      .getAttribute('href')) ?? '';
});

test('ib.olten does not find it, and its case URL shows "Nicht gefunden", never data', async ({ page }) => {
  expect(caseUrl).toMatch(/^\/faelle\//);
  await login(page, 'ib.olten');
  await page.goto(`${urls().web}/faelle?q=${encodeURIComponent(person.officialName)}`);
  await expect(page.getByTestId('empty')).toHaveText('Keine Fälle gefunden.');
  const response = await page.goto(`${urls().web}${caseUrl}`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Nicht gefunden');
  await expect(page.locator('main')).not.toContainText(person.officialName);
});

test('ib.solothurn records the first-information talk: refused without topic c (rule R2, next to the topics, values kept), then saved and in the history', async ({
  page,
}) => {
  await login(page, 'ib.solothurn');
  await page.goto(`${urls().web}${caseUrl}`);
  await expect(page.locator('h1')).toContainText(person.officialName);
  await expectAccessible(page);
  const form = page.locator('#aktion-erstinformationsgespraech');
  await form.locator('summary').click();
  await form.getByLabel('Ort').fill('Stadthaus Solothurn, Büro 3');
  await form.getByLabel('Dauer (Minuten)').fill('50');
  await form.getByLabel('a) Bedeutung von Sprachkenntnissen, Bildung und Arbeit').check();
  await form.getByLabel('b) Geeignete Sprachangebote').check();
  await form.getByRole('group', { name: 'Sprachkenntnisse (GER-Stufen) 1' }).getByLabel('Sprache').selectOption('deu');
  await form.getByRole('group', { name: 'Sprachkenntnisse (GER-Stufen) 1' }).getByLabel('Mündlich').selectOption('A1');
  await form
    .getByRole('group', { name: 'Sprachkenntnisse (GER-Stufen) 1' })
    .getByLabel('Schriftlich')
    .selectOption('none');
  await form.getByLabel('Bedarf', { exact: true }).check();
  await form.getByRole('button', { name: 'Speichern' }).click();

  // Refused: the domain's message with its rule, next to the topics; the summary is announced (role=alert).
  const refused = page.locator('#aktion-erstinformationsgespraech');
  await expect(refused.getByRole('alert')).toContainText('Regel R2');
  await expect(refused.locator('fieldset.field-invalid')).toContainText('Themen nach VIntA Art. 8');
  await expect(refused.locator('fieldset.field-invalid .field-error')).toContainText('R2');
  await expect(refused.getByLabel('Ort')).toHaveValue('Stadthaus Solothurn, Büro 3');
  await expect(refused.getByLabel('Dauer (Minuten)')).toHaveValue('50');
  await expect(refused.getByLabel('a) Bedeutung von Sprachkenntnissen, Bildung und Arbeit')).toBeChecked();
  await expectAccessible(page);

  await refused.getByLabel('c) Rechtsordnung, Folgen bei Verstössen, grundlegende Normen').check();
  await refused.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('saved')).toContainText('Erstinformationsgespräch');
  await expect(page.getByTestId('phase')).toHaveText('Fördern');
  await expect(page.getByTestId('history').locator('li').first()).toContainText('Erstinformation erfolgt');
});
