import { expect, test } from '@playwright/test';
import { deliverArrival } from './support/arrival.js';
import { apiToken, expectAccessible, login } from './support/browser.js';
import { urls } from './support/urls.js';

/** Issue 15, point 7: ma.integration reviews and decides on a case a municipality reported. */
const today = () => new Date().toISOString().slice(0, 10);
let person: { officialName: string; firstName: string };

async function api(user: string, method: string, path: string, body?: unknown) {
  const r = await fetch(`${urls().cases}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await apiToken(user)}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await r.json()) as Record<string, unknown>;
  if (r.status !== 200) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

test.beforeAll(async () => {
  // The municipality's part, through the API: arrival, first information, integration talk, report.
  person = await deliverArrival(2601);
  let id = '';
  await expect(async () => {
    const list = await api('ib.solothurn', 'GET', `/api/v1/cases?q=${encodeURIComponent(person.officialName)}`);
    id = ((list['items'] as { id: string }[])[0] ?? { id: '' }).id;
    expect(id).not.toBe('');
  }).toPass({ timeout: 30_000 });
  await api('ib.solothurn', 'POST', `/api/v1/cases/${id}/first-information/talk`, {
    heldOn: today(),
    place: 'Stadthaus Solothurn',
    interpreter: { used: false },
    durationMinutes: 60,
    topics: { languageEducationWork: true, languageOffers: true, legalOrderAndNorms: true },
    languageSkills: [{ language: 'deu', oral: 'none', written: 'none' }],
    supportNeed: 'special',
    offersRecommended: [],
  });
  await api('ib.solothurn', 'POST', `/api/v1/cases/${id}/integration-talks`, {
    heldOn: today(),
    place: 'Stadthaus Solothurn',
    interpreter: { used: false },
    durationMinutes: 45,
    assessment: { a: 'met', b: 'met', c: 'not-met', d: 'not-met' },
    abs2: {
      considered: true,
      disability: false,
      illness: false,
      otherWeightyCircumstances: false,
      assessment: 'Keine Umstände nach Abs. 2.',
    },
  });
  await api('ib.solothurn', 'POST', `/api/v1/cases/${id}/migrationsamt-reports`, {
    reportedOn: today(),
    reason: { kind: 'integration-refused', statement: 'Verweigert jede Teilnahme an Kursen.' },
  });
});

test('ma.integration finds the reported case, records the review and decides a recommendation; the decision is in the history', async ({
  page,
}) => {
  await login(page, 'ma.integration');
  await expect(page.locator('h1')).toHaveText('Gemeldete Fälle');
  await page.goto(`${urls().web}/faelle?q=${encodeURIComponent(person.officialName)}`);
  await page
    .getByTestId('work-list')
    .getByRole('link', { name: new RegExp(person.officialName) })
    .click();
  await expect(page.locator('h1')).toContainText(person.officialName);
  await expectAccessible(page);

  const review = page.locator('#aktion-ma-pruefung');
  await review.locator('summary').click();
  await review.getByLabel('Ergebnis der Prüfung').fill('Keine entschuldbaren Gründe ersichtlich.');
  await review.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('saved')).toContainText('Prüfung der Integration');

  const decision = page.locator('#aktion-ma-entscheid');
  await decision.locator('summary').click();
  await decision.getByLabel('Integrationsempfehlung').check();
  await decision.getByRole('group', { name: 'Ziele 1' }).getByLabel('Kriterium').selectOption('c');
  await decision.getByRole('group', { name: 'Ziele 1' }).getByLabel('Ziel').fill('Deutsch A1 mündlich bis Jahresende');
  await decision.getByLabel('Begründung des Entscheids').fill('Empfehlung: Deutschkurs A1 bis Jahresende.');
  await decision.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('saved')).toContainText('Entscheid');
  await expect(page.getByTestId('history').locator('li').first()).toContainText('Entscheid des Migrationsamts');
});
