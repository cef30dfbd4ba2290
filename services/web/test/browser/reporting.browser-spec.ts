import { expect, test } from '@playwright/test';
import { deliverArrival } from './support/arrival.js';
import { apiToken, expectAccessible, login } from './support/browser.js';
import { tabTo } from './support/keyboard.js';
import { urls } from './support/urls.js';

/**
 * Issue 14, point 8: the reporting screens. AGS sees the dashboard with a server-rendered chart and the key figures,
 * drills a figure down to its events and freezes a period; ib.solothurn sees its figures beside the canton and
 * follows the drill-down on to its case; a self-declaration goes open → submitted → returned → submitted → accepted
 * through the questionnaire editor, the municipality's form and AGS's decision. axe on every page; the
 * resubmission and the acceptance by keyboard alone.
 */
const year = new Date().getFullYear();
let person: { officialName: string; firstName: string };

test.beforeAll(async () => {
  person = await deliverArrival(2601);
  // The reporting service counts the case once case-management's case.opened reaches its log.
  const token = await apiToken('ags.koordination');
  await expect(async () => {
    const r = await fetch(`${urls().reporting}/api/v1/figures?period=${year}&level=municipality&figures=arrivals`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await r.json()) as { figures: { rows: { area: { id: string }; values: number[] }[] }[] };
    const solothurn = body.figures[0]?.rows.find((row) => row.area.id === '2601');
    expect(solothurn?.values[0] ?? 0).toBeGreaterThan(0);
  }).toPass({ timeout: 60_000 });
});

test('ags.koordination sees the dashboard with a chart and the key figures, and drills a figure down to its events', async ({
  page,
}) => {
  await login(page, 'ags.koordination');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kennzahlen' }).click();
  await expect(page.locator('h1')).toHaveText('Kennzahlen');
  await page.locator('#f-figure').selectOption('arrivals');
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page).toHaveURL(/figure=arrivals/);
  // A chart rendered on the server: an <svg> in the page, no chart script.
  await expect(page.getByTestId('chart-areas').locator('svg')).toHaveCount(1);
  await expect(page.getByTestId('chart-areas')).toContainText('Solothurn');
  const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((e) => e.getAttribute('src')));
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/htmx/);
  const arrivals = page.getByTestId('key-figures').locator('tr[data-figure="arrivals"]');
  await expect(arrivals).toContainText('Zuzüge in der Zielgruppe');
  await expect(arrivals.locator('td').first()).toHaveText(/^[1-9]\d*$/);
  await expectAccessible(page);
  // The export links answer with the files (CSV shown as the example).
  const csv = await page.request.get(
    `${urls().web}${await page.getByRole('link', { name: 'CSV' }).getAttribute('href')}`,
  );
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('Solothurn');
  const pdf = await page.request.get(
    `${urls().web}${await page.getByRole('link', { name: 'PDF-Bericht' }).getAttribute('href')}`,
  );
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  // The drill-down: Solothurn's arrivals → the events with ids, types, dates and pseudonymous case references.
  const row = page.getByTestId('figure-table-arrivals').locator('tbody tr', { hasText: 'Solothurn' });
  await row.getByRole('link').first().click();
  await expect(page.locator('h1')).toHaveText('Ereignisse einer Kennzahl');
  await expect(page.getByTestId('trace-events')).toContainText('case.opened.v1');
  await expect(page.getByTestId('event-id').first()).toHaveText(/^[0-9a-f-]{36}$/);
  // AGS sees the references, never a link into a case.
  await expect(page.getByTestId('case-link')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText(person.officialName);
  await expectAccessible(page);
});

test('ags.koordination freezes the year: a version with its hash, recomputed to the same hash', async ({ page }) => {
  await login(page, 'ags.koordination');
  await page.goto(`${urls().web}/kennzahlen/stichtage`);
  await expectAccessible(page);
  await page.locator('#s-period').selectOption(String(year));
  await page.getByRole('button', { name: 'Einfrieren' }).click();
  await expect(page.getByTestId('snapshot-message')).toContainText(String(year));
  const first = page.getByTestId('snapshots').locator('tbody tr').first();
  await expect(first).toContainText(/sha256:[0-9a-f]{64}/);
  await first.getByRole('link').click();
  await expect(page.getByTestId('snapshot-hash')).toHaveText(/^sha256:[0-9a-f]{64}$/);
  const hash = await page.getByTestId('snapshot-hash').textContent();
  await page.getByRole('link', { name: 'Prüfsumme nachrechnen' }).click();
  await expect(page.getByTestId('verification')).toContainText('die Prüfsumme stimmt');
  await expect(page.getByTestId('verification')).toContainText(hash ?? '–');
  await expectAccessible(page);
});

test('ib.solothurn sees its figures beside the canton and the average, suppressed cells as such, and follows an event to its case', async ({
  page,
}) => {
  await login(page, 'ib.solothurn');
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Meine Kennzahlen' })
    .click();
  await expect(page.locator('h1')).toHaveText('Kennzahlen meiner Gemeinde');
  const table = page.getByTestId('own-figures');
  await expect(table.locator('thead')).toContainText('Solothurn');
  await expect(table.locator('thead')).toContainText('Kanton');
  await expect(table.locator('thead')).toContainText('Ø je Gemeinde');
  await expect(table.locator('thead')).not.toContainText('Olten');
  const arrivals = table.locator('tr[data-figure="arrivals"]');
  await expect(arrivals.locator('td').first()).toHaveText(/^[1-9]\d*$/);
  await expect(page.getByTestId('chart-own').locator('svg')).toHaveCount(1);
  await expectAccessible(page);
  // Broken down by sex, the canton's few arrivals are small cells: shown as suppressed, never as a number.
  await page.goto(`${urls().web}/kennzahlen?period=${year}&figure=arrivals&breakdown=sex`);
  await expect(page.locator('table[data-testid="figure-table-arrivals"]').last()).toContainText('unterdrückt');
  await expectAccessible(page);
  // The drill-down of its own arrivals lists the events and links on to the case.
  await page.goto(`${urls().web}/kennzahlen?period=${year}&figure=arrivals`);
  await page.getByTestId('own-figures').locator('tr[data-figure="arrivals"] td').first().getByRole('link').click();
  await expect(page.getByTestId('trace-events')).toContainText('case.opened.v1');
  await expectAccessible(page);
  const links = page.getByTestId('case-link');
  expect(await links.count()).toBeGreaterThan(0);
  // Its own case opens: the person's name is on the case page, reached from the pseudonymous reference.
  let found = false;
  for (const href of await links.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''))) {
    await page.goto(`${urls().web}${href}`);
    await expect(page.locator('h1')).not.toHaveText('Nicht gefunden');
    if ((await page.locator('h1').textContent())?.includes(person.officialName)) found = true;
  }
  expect(found).toBe(true);
});

test('a self-declaration goes open → submitted → returned → submitted → accepted', async ({ browser }) => {
  // Two people, fourteen pages and their axe runs: longer than one screen's test on a loaded two-core machine.
  test.setTimeout(480_000);
  const ags = await (await browser.newContext()).newPage();
  const ib = await (await browser.newContext()).newPage();
  await login(ags, 'ags.koordination');
  await login(ib, 'ib.solothurn');

  // AGS: a questionnaire version from scratch, two questions added in the editor, published, a round opened.
  await ags
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Selbstdeklaration' })
    .click();
  await expectAccessible(ags);
  await ags.locator('#q-year').fill(String(year));
  await ags.locator('#q-basis').selectOption('');
  await ags.locator('#q-title').fill(`Selbstdeklaration ${year}`);
  await ags.getByRole('button', { name: 'Version anlegen' }).click();
  await expect(ags.getByTestId('questionnaire-status')).toContainText('Entwurf');
  const add = ags.getByTestId('add-question');
  await add.locator('#n-section').selectOption('');
  await add.locator('#n-sectionTitle').fill('B Leitung');
  await add.locator('#n-label').fill('Pensum der operativen Leitung in Prozent');
  await add.locator('#n-type').selectOption('number');
  await add.locator('#n-required').check();
  await add.locator('#n-min').fill('0');
  await add.locator('#n-max').fill('400');
  await add.getByRole('button', { name: 'Frage hinzufügen' }).click();
  await expect(ags.getByTestId('notice')).toHaveText('Der Entwurf ist gespeichert.');
  await add.locator('#n-section').selectOption({ label: 'B Leitung' });
  await add.locator('#n-label').fill('Strategische Leitung');
  await add.locator('#n-type').selectOption('single');
  await add.locator('#n-required').check();
  await add.locator('#n-options').fill('council = Gemeinderatsressort\npresident = Gemeindepräsidium');
  await add.getByRole('button', { name: 'Frage hinzufügen' }).click();
  await expect(ags.getByTestId('section-b-leitung')).toContainText('Strategische Leitung');
  await expect(ags.getByTestId('section-b-leitung')).toContainText('Gemeindepräsidium (president)');
  await expectAccessible(ags);
  await ags.getByRole('button', { name: 'Fragebogen veröffentlichen' }).click();
  await expect(ags.getByTestId('questionnaire-status')).toContainText('veröffentlicht');
  await ags.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await ags.locator('#r-year').fill(String(year));
  await ags.locator('#r-deadline').fill(deadline);
  await ags.getByRole('button', { name: 'Runde eröffnen' }).click();
  await expect(ags.locator('h1')).toHaveText(`Runde ${year}`);
  await expect(ags.getByTestId('responses').locator('tr[data-bfs="2601"]')).toContainText('nicht begonnen');
  const roundUrl = ags.url();
  await expectAccessible(ags);

  // ib.solothurn: the prefilled draft; submitting without the required percentage is refused next to it.
  await ib
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Selbstdeklaration' })
    .click();
  await ib.getByTestId('own-responses').getByRole('link', { name: 'Solothurn' }).click();
  await expect(ib.locator('h1')).toHaveText(`Selbstdeklaration ${year}: Solothurn`);
  await expectAccessible(ib);
  await ib.getByLabel('Wie setzt die Gemeinde start.integration um?').fill('Gemeindeinternes Modell, IB im Stadthaus');
  await ib.getByRole('button', { name: 'Einreichen' }).click();
  await expect(ib.getByTestId('error-pensum-der-operativen-leitung-in-prozent')).toContainText(
    'Pflichtfrage ist nicht beantwortet',
  );
  await expect(ib.getByLabel(/Pensum der operativen Leitung/)).toHaveAttribute('aria-invalid', 'true');
  await expect(ib.getByLabel('Wie setzt die Gemeinde start.integration um?')).toHaveValue(
    'Gemeindeinternes Modell, IB im Stadthaus',
  );
  await expectAccessible(ib);
  await ib.getByLabel(/Pensum der operativen Leitung/).fill('60');
  await ib.getByLabel('Gemeindepräsidium').check();
  await ib.getByRole('button', { name: 'Einreichen' }).click();
  await expect(ib.getByTestId('notice')).toHaveText('Die Selbstdeklaration ist eingereicht.');
  await expect(ib.getByTestId('state')).toHaveText('eingereicht');

  // AGS returns it: first without a comment (refused next to the comment field), then with one.
  await ags.goto(roundUrl);
  await expect(ags.getByTestId('responses').locator('tr[data-bfs="2601"]')).toContainText('eingereicht');
  await ags.getByTestId('responses').getByRole('link', { name: 'Solothurn' }).click();
  await expect(ags.getByTestId('answers')).toContainText('60');
  await expectAccessible(ags);
  await ags.getByRole('button', { name: 'Zurückweisen' }).click();
  await expect(ags.locator('#d-comment-error')).toContainText('Eine Rückweisung braucht einen Kommentar.');
  await ags.locator('#d-comment').fill('Bitte das Pensum inklusive Stellvertretung angeben.');
  await ags.getByRole('button', { name: 'Zurückweisen' }).click();
  await expect(ags.getByTestId('state')).toHaveText('zurückgewiesen');

  // ib.solothurn reads the comment and resubmits, by keyboard alone.
  await ib.reload();
  await expect(ib.getByTestId('return-comment')).toContainText('Bitte das Pensum inklusive Stellvertretung angeben.');
  const percent = ib.getByLabel(/Pensum der operativen Leitung/);
  await expect(percent).toHaveValue('60');
  await tabTo(ib, percent);
  await ib.keyboard.press('Control+A');
  await ib.keyboard.type('80');
  await tabTo(ib, ib.getByRole('button', { name: 'Einreichen' }), 10);
  await ib.keyboard.press('Enter');
  await expect(ib.getByTestId('state')).toHaveText('eingereicht');
  await expect(ib.getByTestId('answers')).toContainText('80');
  await expectAccessible(ib);

  // AGS accepts it, by keyboard alone; the round counts it as submitted.
  await ags.reload();
  await expect(ags.getByTestId('state')).toHaveText('eingereicht');
  await tabTo(ags, ags.locator('#d-comment'));
  await ags.keyboard.type('Danke, vollständig.');
  await tabTo(ags, ags.getByRole('button', { name: 'Annehmen' }), 5);
  await ags.keyboard.press('Enter');
  await expect(ags.getByTestId('state')).toHaveText('angenommen');
  await expect(ags.getByTestId('history')).toContainText('Zurückgewiesen');
  await ags.goto(roundUrl);
  await expect(ags.getByTestId('responses').locator('tr[data-bfs="2601"]')).toContainText('angenommen');
  await expect(ags.getByTestId('share-submitted')).not.toContainText(/^0 %/);
  await expect(ags.getByTestId('result-pensum-der-operativen-leitung-in-prozent')).toContainText('80');
  await expectAccessible(ags);
});
