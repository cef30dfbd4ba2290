import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { deliverArrival } from './support/arrival.js';
import { apiToken, expectAccessible, login } from './support/browser.js';
import { tabTo } from './support/keyboard.js';
import { urls } from './support/urls.js';

/**
 * Issue 12 point 7 and issue 15 point 4: the provider writes an offer in German and French in the editor and submits
 * it; AGS publishes it from the queue (by keyboard alone); the public page finds it in French; ib.solothurn refers a
 * case to it by picking it in the referral form; the provider confirms attendance and sees no name; the coordinator
 * of the Olten pool sees the suggestions for a request and activates a tandem. axe on every page.
 */
test.describe.configure({ mode: 'serial' });

const run = randomBytes(3).toString('hex');
const TITLE_DE = `Französisch-Konversation B1 in Solothurn ${run}`;
const TITLE_FR = `Conversation française B1 à Soleure ${run}`;
const MENTOR = `Verena Albisser-${run}`;
const MENTEE = `olten-${run}`;
let person: { officialName: string; firstName: string };
let caseUrl = '';

async function api(
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const r = await fetch(`${urls().offers}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await apiToken(user)}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, json: await r.json().catch(() => ({})) };
}

test.beforeAll(async () => {
  // First: the arrival's generator blocks this process a few seconds, long enough for the identity server to close
  // idle kept-alive connections that a later fetch would otherwise reuse.
  person = await deliverArrival(2601);
  // The provider organisation (AGS registers it; another spec of this run may have done so already).
  const provider = await api('ags.koordination', 'POST', '/api/v1/providers', {
    id: 'vhs-solothurn',
    name: 'Volkshochschule Region Solothurn',
    kind: 'association',
    contact: { email: 'kurse@vhs-solothurn.example' },
    address: { street: 'Bielstrasse 12', postcode: '4500', place: 'Solothurn' },
    iban: 'CH93 0076 2011 6238 5295 7',
  });
  expect([201, 409]).toContain(provider.status);
  // A mentor of the Olten pool (the coordinator records them with consent) and a request from ib.olten: the workspace
  // has no screen for officers to request mentoring yet.
  const mentor = await api('mp.olten', 'POST', '/api/v1/mentoring/pools/olten/mentors', {
    name: MENTOR,
    consentOn: '2026-01-15',
    languages: [
      { code: 'deu', level: 'native' },
      { code: 'fra', level: 'B2' },
    ],
    municipality: 2581,
    interests: ['Kochen', 'Wandern'],
    availability: ['mo-evening', 'we-evening'],
    capacity: 2,
    gender: 'female',
  });
  expect(mentor.status).toBe(201);
  const request = await api('ib.olten', 'POST', '/api/v1/mentoring/requests', {
    menteeRef: MENTEE,
    municipality: 2581,
    languages: [
      { code: 'fra', level: 'C1' },
      { code: 'deu', level: 'A2' },
    ],
    goals: ['Deutsch üben'],
    interests: ['Kochen'],
    availability: ['we-evening'],
    hard: { mentorGender: 'female' },
  });
  expect(request.status).toBe(201);
});

test('anbieter.vhs writes the offer in German and French side by side; a refusal names the field and keeps every value; then it is submitted', async ({
  page,
}) => {
  await login(page, 'anbieter.vhs');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link')).toHaveText([
    'Meine Angebote',
    'Zuweisungen',
  ]);
  await expect(page.locator('h1')).toHaveText('Meine Angebote');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Neues Angebot erfassen' }).click();
  await expect(page.locator('h1')).toHaveText('Neues Angebot');

  const de = page.getByRole('group', { name: 'Deutsch', exact: true });
  await de.getByLabel('Titel').fill(TITLE_DE);
  await de.getByLabel('Kurzbeschreibung').fill('Französisch sprechen im Alltag, in kleinen Gruppen.');
  await de.getByLabel('Beschreibung', { exact: true }).fill('Acht Abende Konversation für Fortgeschrittene.');
  const fr = page.getByRole('group', { name: 'Français', exact: true });
  await fr.getByLabel('Titel').fill(TITLE_FR);
  await fr.getByLabel('Kurzbeschreibung').fill('Parler français au quotidien, en petits groupes.');
  await fr.getByLabel('Beschreibung', { exact: true }).fill('Huit soirées de conversation.');
  await page.getByLabel('Förderbereich (KIP)').selectOption('language');
  await page.getByLabel('Sprachniveau von (GER)').selectOption('A2');
  await page.getByLabel('Sprachniveau bis (GER)').selectOption('B1');
  await page.getByRole('group', { name: 'Kurssprachen' }).getByLabel('Französisch').check();
  await page.getByLabel('Für alle').check();
  const place = page.getByRole('group', { name: 'Ort 1', exact: true });
  await place.getByLabel('Strasse und Nr.').fill('Bielstrasse 12');
  await place.getByLabel('PLZ').fill('4500');
  await place.getByLabel('Ort', { exact: true }).fill('Solothurn');
  await place.getByLabel('Gemeinde').selectOption('2601');
  await place.getByLabel('Breitengrad').fill('47.2092');
  await place.getByLabel('Längengrad').fill('7.5331');
  await page.getByLabel('Beginn').fill('2030-03-05');
  await page.locator('#editor-schedule-end').fill('2030-05-28');
  await page.getByLabel('Anzahl Termine').fill('8');
  await page.locator('#editor-cost-price').fill("1'180.50");
  await page.getByLabel('Reduzierter Preis (CHF)').fill('60');
  await page.getByLabel('Kinderbetreuung').selectOption('on-site');
  // No way to register given: refused (OF1) next to the registration, everything typed still there.
  await page.getByRole('button', { name: 'Speichern und zur Prüfung einreichen' }).click();
  await expect(page.getByRole('alert')).toContainText('Regel OF1');
  const registration = page.getByRole('group', { name: 'Anmeldung', exact: true });
  await expect(registration).toHaveClass(/field-invalid/);
  await expect(registration.locator('.field-error')).toContainText('Link, eine E-Mail-Adresse oder eine Telefonnummer');
  await expect(fr.getByLabel('Titel')).toHaveValue(TITLE_FR);
  await expect(page.locator('#editor-cost-price')).toHaveValue("1'180.50");
  await expect(place.getByLabel('Gemeinde')).toHaveValue('2601');
  await expectAccessible(page);

  await registration.getByLabel('E-Mail').fill('kurse@vhs-solothurn.example');
  await page.getByRole('button', { name: 'Speichern und zur Prüfung einreichen' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Das Angebot ist zur Prüfung eingereicht.');
  await expect(page.getByTestId('offer-status')).toHaveText('in Prüfung');
  await expect(page.getByTestId('translation-de')).toHaveText('Original');
  await expect(page.getByTestId('translation-fr')).toHaveText('übersetzt');
  await expect(page.getByTestId('translation-it')).toHaveText('noch kein Text');
  // CHF typed, integer Rappen kept: the editor shows the amount back exactly.
  await expect(page.locator('#editor-cost-price')).toHaveValue('1180.50');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Zurück zu den Angeboten' }).click();
  await expect(page.getByTestId('own-offers').getByRole('row', { name: new RegExp(TITLE_DE) })).toContainText(
    'in Prüfung',
  );
});

test('ags.koordination publishes it from the queue, by keyboard alone', async ({ page }) => {
  await page.goto(`${urls().web}/`);
  await tabTo(page, page.getByRole('link', { name: 'Anmelden' }).first());
  await page.keyboard.press('Enter');
  await expect(page.locator('#username')).toBeVisible();
  await tabTo(page, page.locator('#username'));
  await page.keyboard.type('ags.koordination');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('user-name')).toHaveText('Claudia Steiner');
  await tabTo(page, page.getByRole('link', { name: 'Angebote prüfen' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Angebote prüfen');
  await expectAccessible(page);
  const link = page.getByTestId('queue').getByRole('link', { name: TITLE_DE });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(TITLE_DE);
  await expect(page.getByTestId('texts')).toContainText(TITLE_FR);
  await expect(page.getByTestId('offer-facts')).toContainText("CHF 1'180.50");
  await expect(page.getByTestId('offer-facts')).toContainText('Französisch');
  await expectAccessible(page);
  await tabTo(page, page.getByRole('button', { name: 'Veröffentlichen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('saved')).toHaveText('Das Angebot ist veröffentlicht.');
  await expect(page.getByTestId('published').getByRole('link', { name: TITLE_DE })).toBeVisible();
  await expectAccessible(page);
});

test('the public page finds it in French', async ({ page }) => {
  await page.goto(`${urls().web}/fr/angebote`);
  await page.getByLabel('Mot-clé').fill('conversation francais soleure');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByTestId('offers').getByRole('heading', { name: TITLE_FR })).toBeVisible();
  await expectAccessible(page);
});

test('ib.solothurn refers a case to it by picking it in the referral form', async ({ page }) => {
  await login(page, 'ib.solothurn');
  await expect(async () => {
    await page.goto(`${urls().web}/faelle?q=${encodeURIComponent(person.officialName)}`);
    await expect(
      page.getByTestId('work-list').getByRole('link', { name: new RegExp(person.officialName) }),
    ).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page
    .getByTestId('work-list')
    .getByRole('link', { name: new RegExp(person.officialName) })
    .click();
  caseUrl = new URL(page.url()).pathname;
  // A referral belongs to Fördern: first the info folder (Informieren).
  const folder = page.locator('#aktion-erstinformationsmappe');
  await folder.locator('summary').click();
  await folder.getByLabel('Sprache der Mappe').selectOption('fra');
  await folder.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Fördern');
  const form = page.locator('#aktion-zuweisung');
  await form.locator('summary').click();
  await form.getByLabel('Kategorie').selectOption('language');
  await form.getByLabel('Massnahme').fill('Französisch-Konversation, acht Abende');
  // The search lists the published offers that match (htmx); the chosen one's id goes into the referral.
  await form.getByLabel('Angebot suchen').fill('Konversation');
  const choice = form.getByLabel('Angebot', { exact: true });
  await expect(choice.locator('option', { hasText: TITLE_DE })).toHaveCount(1);
  await choice.selectOption({ label: TITLE_DE });
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('saved')).toContainText('Zuweisung zu einer Massnahme');
  await expect(page.getByTestId('history')).toContainText('Zuweisung zu einer Massnahme');
});

test('anbieter.vhs sees the referral without a name and confirms enrolment and attendance', async ({ page }) => {
  await login(page, 'anbieter.vhs');
  await page.getByRole('link', { name: 'Zuweisungen' }).click();
  const referral = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: TITLE_DE }) });
  // The referral reaches the offers service as an event a moment after it was made.
  await expect(async () => {
    await page.reload();
    await expect(referral).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(referral.getByTestId('referral-stage')).toHaveText('zugewiesen');
  await expect(referral.getByTestId('referral-person')).toContainText('keinen Namen');
  await expect(page.locator('main')).not.toContainText(person.officialName);
  await expectAccessible(page);
  await referral.getByLabel('Bestätigen').selectOption('enrolled');
  await referral.getByRole('button', { name: 'Bestätigung speichern' }).click();
  await expect(page.getByTestId('saved')).toBeVisible();
  await expect(referral.getByTestId('referral-stage')).toHaveText('angemeldet');
  await referral.getByLabel('Bestätigen').selectOption('attending');
  await referral.getByRole('button', { name: 'Bestätigung speichern' }).click();
  await expect(referral.getByTestId('referral-stage')).toHaveText('nimmt teil');
  await expectAccessible(page);
});

test("the provider's confirmation goes back to the referring case: its history shows the referral's new status", async ({
  page,
}) => {
  await login(page, 'ib.solothurn');
  await expect(async () => {
    await page.goto(`${urls().web}${caseUrl}`);
    await expect(page.getByTestId('history')).toContainText('Status einer Zuweisung geändert', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
});

test('mp.olten sees the ranked suggestions with reasons for a request, proposes a tandem and activates it', async ({
  page,
}) => {
  await login(page, 'mp.olten');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link')).toHaveText([
    'Mentoring-Pool',
  ]);
  await expect(page.locator('h1')).toHaveText('Mentoring-Pool Sozialregion Olten');
  await expect(page.getByTestId('mentors')).toContainText(MENTOR);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Optimale Zuteilung aller offenen Anfragen berechnen' }).click();
  await expect(page.getByTestId('assignment').getByRole('row', { name: new RegExp(MENTEE) })).toContainText(MENTOR);
  await expectAccessible(page);
  await page.getByRole('link', { name: `Anfrage ${MENTEE}` }).click();
  const suggestion = page.getByTestId('suggestions').getByRole('listitem').filter({ hasText: MENTOR }).first();
  await expect(suggestion.getByRole('heading')).toContainText('Punkte');
  await expect(suggestion).toContainText('Sprachen: gemeinsame Sprachen: fra, deu');
  await expect(suggestion).toContainText('Interessen: gemeinsame Interessen: Kochen');
  await expectAccessible(page);
  await suggestion.getByRole('button', { name: `Tandem mit ${MENTOR} vorschlagen` }).click();
  await expect(page.getByTestId('saved')).toHaveText('Das Tandem ist vorgeschlagen.');
  const tandem = page.getByTestId('tandem').filter({ hasText: MENTOR });
  await expect(tandem.getByTestId('tandem-status')).toHaveText('vorgeschlagen');
  await tandem.getByText('Tandem beginnt').first().click();
  await tandem.getByRole('button', { name: 'Tandem beginnt' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Das Tandem ist aktiv.');
  await expect(page.getByTestId('tandem').filter({ hasText: MENTOR }).getByTestId('tandem-status')).toHaveText('aktiv');
  await expectAccessible(page);
});
