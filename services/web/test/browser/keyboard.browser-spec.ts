import { expect, test } from '@playwright/test';
import { deliverArrival } from './support/arrival.js';
import { expectAccessible } from './support/browser.js';
import { expectVisibleFocus, tabTo } from './support/keyboard.js';
import { urls } from './support/urls.js';

/**
 * Issue 15, point 6: the officer's daily flow by keyboard alone, with the focus visible at every step: the login
 * form, the work list search, the case, an action form opened, filled and saved, the history.
 */
let person: { officialName: string; firstName: string };

test.beforeAll(async () => {
  person = await deliverArrival(2601);
});

test('ib.solothurn logs in, finds the new arrival and records the info folder without a mouse', async ({ page }) => {
  await page.goto(`${urls().web}/`);
  const loginLink = page.getByRole('link', { name: 'Anmelden' }).first();
  await tabTo(page, loginLink);
  await expectVisibleFocus(loginLink);
  await page.keyboard.press('Enter');

  const username = page.locator('#username');
  await tabTo(page, username);
  await page.keyboard.type('ib.solothurn');
  await page.keyboard.press('Tab');
  await expect(page.locator('#password')).toBeFocused();
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('user-name')).toBeVisible();

  // The case opens from the broker event a moment after the delivery.
  const link = page.getByTestId('work-list').getByRole('link', { name: new RegExp(person.officialName) });
  await expect(async () => {
    await page.goto(`${urls().web}/faelle`);
    const search = page.locator('#q');
    await tabTo(page, search);
    await page.keyboard.type(person.officialName);
    await expect(link).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 40_000 });
  await tabTo(page, link);
  await expectVisibleFocus(link);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText(person.officialName);

  const form = page.locator('#aktion-erstinformationsmappe');
  const summary = form.locator('summary');
  await tabTo(page, summary);
  await expectVisibleFocus(summary);
  await page.keyboard.press('Enter');
  await expect(form).toHaveAttribute('open', '');
  const language = form.getByLabel('Sprache der Mappe');
  await tabTo(page, language, 10);
  // A closed select takes typed letters as a choice, as it does for a sighted keyboard user.
  await page.keyboard.type('Deutsch');
  await expect(language).toHaveValue('deu');
  const save = form.getByRole('button', { name: 'Speichern' });
  await tabTo(page, save, 10);
  await expectVisibleFocus(save);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('saved')).toContainText('Erstinformationsmappe');
  await expect(page.getByTestId('history').locator('li').first()).toContainText('Erstinformation erfolgt');
  await expectAccessible(page);
});
