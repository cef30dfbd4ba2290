import { expect, test } from '@playwright/test';
import { apiToken, expectAccessible } from './support/browser.js';
import { urls } from './support/urls.js';

/** Issue 15, point 4/7: the public offers page (no login) finds an offer in French; four languages with a switch. */
async function offersApi(user: string, method: string, path: string, body?: unknown) {
  const offers = urls().offers;
  const r = await fetch(`${offers}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await apiToken(user)}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await r.json().catch(() => ({}))) as { id?: string };
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

test.beforeAll(async () => {
  // A provider publishes a course, as on the Angebotsplattform: AGS registers the provider, the provider
  // writes the offer in German and French and submits it, AGS publishes it.
  // (offers.browser-spec.ts of the same run may have registered it already: 409 is fine.)
  await offersApi('ags.koordination', 'POST', '/api/v1/providers', {
    id: 'vhs-solothurn',
    name: 'Volkshochschule Region Solothurn',
    kind: 'association',
    contact: { email: 'kurse@vhs-solothurn.example', phone: '+41 32 622 00 00' },
    address: { street: 'Bielstrasse 12', postcode: '4500', place: 'Solothurn' },
    iban: 'CH93 0076 2011 6238 5295 7',
  }).catch((error: Error) => {
    if (!/: 409 /.test(error.message)) throw error;
    return {};
  });
  const offer = await offersApi('anbieter.vhs', 'POST', '/api/v1/offers', {
    originalLanguage: 'de',
    texts: {
      de: {
        title: 'Französischkurs A1 in Solothurn',
        summary: 'Französisch für den Alltag, abends.',
        description: 'Zehn Abende Französisch.',
      },
      fr: {
        title: 'Cours de français A1 à Soleure',
        summary: 'Le français au quotidien, le soir.',
        description: 'Dix soirées de français.',
      },
    },
    category: 'language',
    cefrFrom: 'pre-A1',
    cefrTo: 'A1',
    tags: ['Abendkurs'],
    languagesHeld: ['fra', 'deu'],
    targetGroup: { ageFrom: 16, womenOnly: false, parents: false, refugees: true, everyone: true },
    locations: [
      { street: 'Bielstrasse 12', postcode: '4500', place: 'Solothurn', municipality: 2601, lat: 47.2092, lon: 7.5331 },
    ],
    online: false,
    regions: [],
    schedule: {
      start: '2030-02-01',
      end: '2030-06-30',
      sessions: 10,
      recurrence: { frequency: 'weekly', interval: 1, weekdays: ['tu'], times: '18:30–20:30' },
    },
    freePlaces: 12,
    cost: { priceRappen: 12000, reducedPriceRappen: 4000, reductionNote: 'mit KulturLegi', subsidised: true },
    childcare: 'on-site',
    accessibility: 'yes',
    registration: {
      deadline: '2030-01-20',
      url: 'https://vhs-solothurn.example/kurse/fr-a1',
      email: 'kurse@vhs-solothurn.example',
    },
  });
  await offersApi('anbieter.vhs', 'POST', `/api/v1/offers/${offer.id}/submit`);
  await offersApi('ags.koordination', 'POST', `/api/v1/offers/${offer.id}/publish`);
});

test('the public page finds the course in French without login, with Swiss formats, and switches language', async ({
  page,
}) => {
  await page.goto(`${urls().web}/fr/angebote`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CH');
  await expect(page.locator('h1')).toHaveText("Offres d'intégration dans le canton de Soleure");
  await page.getByLabel('Mot-clé').fill('cours francais soleure');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const offers = page.getByTestId('offers');
  await expect(offers.getByRole('heading', { name: 'Cours de français A1 à Soleure' })).toBeVisible();
  await expect(offers).toContainText('01.02.2030');
  await expect(offers).toContainText('CHF 120');
  await expectAccessible(page);
  await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'Italiano' }).click();
  await expect(page.locator('h1')).toHaveText("Offerte d'integrazione nel Cantone di Soletta");
  await expect(page).toHaveURL(/\/it\/angebote\?q=cours/);
  await expectAccessible(page);
});
