import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { formatChf } from '../../src/i18n/money.js';
import { deliverArrival } from './support/arrival.js';
import { apiToken, expectAccessible, login } from './support/browser.js';
import { tabTo } from './support/keyboard.js';
import { urls } from './support/urls.js';

/**
 * Issue 13, point 7: the subsidy screens. Prepared through the APIs as test/e2e/subsidies.e2e-spec.ts does: an
 * arrival in Solothurn in the last closed quarter, the IB's first-information talk on that quarter's last day (a
 * ledger entry at the rate of that day), and the claim run (a draft claim). Then in the browser: ib.solothurn
 * submits the claim (by keyboard), ags.koordination checks it and is refused the approval (four eyes, rule S6, the
 * server's message on the page), ags.finanzen approves, the budget shows it, and the payout files download. AGS
 * records a tariff version in CHF (stored as integer Rappen). axe on every page.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const todayUtc = new Date();
const quarterStartMonth = Math.floor(todayUtc.getUTCMonth() / 3) * 3;
const previousStart = new Date(Date.UTC(todayUtc.getUTCFullYear(), quarterStartMonth - 3, 1));
const previousEnd = new Date(Date.UTC(todayUtc.getUTCFullYear(), quarterStartMonth, 0));
const day = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const YEAR = previousStart.getUTCFullYear();
const PERIOD = `${YEAR}-Q${Math.floor(previousStart.getUTCMonth() / 3) + 1}`;
const TALK_ON = day(previousEnd);
// The generator places the arrival within the 60 days before its reference day: inside the quarter, before the talk.
const ARRIVAL_REFERENCE = day(new Date(previousStart.getTime() + 60 * 86_400_000));

async function api<T>(user: string, base: string, method: string, path: string, body?: unknown): Promise<T> {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await apiToken(user)}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path} as ${user}: ${r.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not there after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

let person: { officialName: string };
let caseId = '';
let claimId = '';
let payableRappen = 0;

test.beforeAll(async () => {
  person = await deliverArrival(2601, ARRIVAL_REFERENCE);
  caseId = await until('the case of the arrival', async () => {
    const r = await api<{ items: { id: string }[] }>(
      'ib.solothurn',
      urls().cases,
      'GET',
      `/api/v1/cases?q=${encodeURIComponent(person.officialName)}`,
    );
    return r.items[0]?.id;
  });
  await api('ib.solothurn', urls().cases, 'POST', `/api/v1/cases/${caseId}/first-information/talk`, {
    heldOn: TALK_ON,
    place: 'Stadthaus Solothurn',
    interpreter: { used: false },
    durationMinutes: 60,
    topics: { languageEducationWork: true, languageOffers: true, legalOrderAndNorms: true },
    languageSkills: [{ language: 'deu', oral: 'A1', written: 'none' }],
    supportNeed: 'some',
    offersRecommended: [{ kind: 'regular-structure', structure: 'specific-integration-promotion' }],
  });
  await until('the ledger entry of the talk', async () => {
    const r = await api<{ items: { caseId: string }[] }>(
      'ags.koordination',
      urls().subsidies,
      'GET',
      `/api/v1/ledger?municipality=2601&period=${PERIOD}`,
    );
    return r.items.find((e) => e.caseId === caseId);
  });
  await api('ags.koordination', urls().subsidies, 'POST', '/api/v1/claim-runs');
  const claims = await api<{ id: string; payableRappen: number }[]>(
    'ib.solothurn',
    urls().subsidies,
    'GET',
    `/api/v1/claims?municipality=2601&period=${PERIOD}`,
  );
  expect(claims).toHaveLength(1);
  const [claim] = claims;
  claimId = claim?.id ?? '';
  payableRappen = claim?.payableRappen ?? 0;
  expect(payableRappen).toBeGreaterThan(0);
});

const claimUrl = () => `${urls().web}/subventionen/abrechnungen/${claimId}`;
const status = (page: Page) => page.getByTestId('claim-status');

test('ib.solothurn sees the claim with its lines and no names, and submits it by keyboard', async ({ page }) => {
  await login(page, 'ib.solothurn');
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Subventionsabrechnungen' })
    .click();
  await expect(page.locator('h1')).toHaveText('Subventionsabrechnungen');
  await expectAccessible(page);
  await page
    .getByTestId('claims-open')
    .getByRole('link', { name: `Solothurn, ${PERIOD}` })
    .click();
  await expect(page).toHaveURL(claimUrl());
  const line = page.getByTestId(`line-${caseId}`);
  await expect(line).toContainText('Erstinformationsgespräch');
  await expect(line).toContainText(TALK_ON.split('-').reverse().join('.'));
  await expect(page.getByTestId('claim-payable')).toHaveText(formatChf(payableRappen));
  await expect(page.locator('main')).not.toContainText(person.officialName);
  await expect(status(page)).toHaveText('Entwurf');
  await expectAccessible(page);

  // Keyboard only: Tab to the submit button, Enter.
  const submit = page.getByRole('button', { name: 'Abrechnung einreichen' });
  await tabTo(page, submit, 120);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toContainText('Die Abrechnung ist eingereicht');
  await expect(status(page)).toHaveText('eingereicht');
  await expect(page.getByRole('button', { name: 'Abrechnung einreichen' })).toHaveCount(0);
  await expectAccessible(page);
});

test('ags.koordination checks the claim, and the server refuses them the approval too (four eyes, rule S6)', async ({
  page,
}) => {
  await login(page, 'ags.koordination');
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Abrechnungen prüfen und freigeben' })
    .click();
  await expectAccessible(page);
  await page
    .getByTestId('queue-check')
    .getByRole('link', { name: `Solothurn, ${PERIOD}` })
    .click();
  await expect(status(page)).toHaveText('eingereicht');
  await page.locator('#check-comment').fill('Zeilen stimmen mit den Fällen überein');
  await page.getByRole('button', { name: 'Sachlich prüfen' }).click();
  await expect(page.getByTestId('notice')).toContainText('Sachlich geprüft');
  await expect(status(page)).toHaveText('sachlich geprüft');
  await expect(page.getByTestId('claim-steps')).toContainText('Zeilen stimmen mit den Fällen überein');

  await page.getByRole('button', { name: 'Freigeben', exact: true }).click();
  const refusal = page.getByTestId('form-errors');
  await expect(refusal).toContainText('Regel S6');
  await expect(refusal).toContainText('Freigeben darf nur AGS Finanzen');
  await expect(status(page)).toHaveText('sachlich geprüft');
  await expectAccessible(page);
});

test('ags.finanzen approves; the budget of the year shows the amount as approved, with its warning', async ({
  page,
}) => {
  await login(page, 'ags.finanzen');
  await page.goto(`${urls().web}/subventionen/freigabe`);
  await page
    .getByTestId('queue-approve')
    .getByRole('link', { name: `Solothurn, ${PERIOD}` })
    .click();
  await page.getByRole('button', { name: 'Freigeben', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText('Freigegeben');
  await expect(status(page)).toHaveText('freigegeben');
  await expectAccessible(page);

  await page.goto(`${urls().web}/subventionen/budget?jahr=${YEAR}`);
  await expect(page.locator('h1')).toHaveText(`Integrationskredit ${YEAR}`);
  await page.getByLabel('Kredit in CHF').fill('abc');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.locator('#budget-amount-error')).toContainText('Betrag in Franken');
  await page.getByLabel('Kredit in CHF').fill("1'000.00");
  await page.getByLabel('Warnschwellen in Prozent').fill('1, 90');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('notice')).toContainText('gespeichert');
  await expect(page.getByTestId('budget-credit')).toHaveText("CHF 1'000.00");
  await expect(page.getByTestId('budget-approved')).toHaveText(formatChf(payableRappen));
  await expect(page.getByTestId('budget-warning')).toContainText('Schwelle');
  await expectAccessible(page);
});

test('ags.finanzen exports the approved claim and downloads the CSV booking file and the pain.001', async ({
  page,
}) => {
  await login(page, 'ags.finanzen');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Auszahlung' }).click();
  await expect(page.getByTestId('payout-approved')).toContainText(`Solothurn, ${PERIOD}`);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Freigegebene Abrechnungen exportieren' }).click();
  await expect(page.getByTestId('notice')).toContainText('Exportiert: 1 Abrechnung');
  const exports = page.getByTestId('payout-exports');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    exports
      .getByRole('link', { name: /Buchungsdatei/ })
      .first()
      .click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^buchungsdatei-.*\.csv$/);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText).toContain(claimId);
  const [xml] = await Promise.all([
    page.waitForEvent('download'),
    exports
      .getByRole('link', { name: /pain\.001/ })
      .first()
      .click(),
  ]);
  const pain = readFileSync(await xml.path(), 'utf8');
  const sum = `${Math.trunc(payableRappen / 100)}.${pad(payableRappen % 100)}`;
  expect(pain).toContain(`<CtrlSum>${sum}</CtrlSum>`);
  await expectAccessible(page);
});

test('ags.koordination records a tariff version typed in CHF: refused text next to the field, then stored in Rappen', async ({
  page,
}) => {
  await login(page, 'ags.koordination');
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Subventionstarife' })
    .click();
  await expect(page.getByTestId('placeholder-notice')).toBeVisible();
  await expect(page.getByTestId('tariff-first-information-talk')).toContainText('Platzhalter');
  await expectAccessible(page);

  await page.getByLabel('Position').selectOption('interpreter');
  await page.getByLabel('Gültig ab').fill('2099-01-01');
  await page.getByLabel('Betrag in CHF').fill('zwölf');
  await page.getByLabel('Quelle (z. B. Kreisschreiben und Datum)').fill('Browser-Test');
  await page.getByLabel('Begründung').fill('Neuer Ansatz ab 2099');
  await page.getByRole('button', { name: 'Version erfassen' }).click();
  await expect(page.locator('#tariff-amount-error')).toContainText('Betrag in Franken');
  await expect(page.getByLabel('Betrag in CHF')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Begründung')).toHaveValue('Neuer Ansatz ab 2099');
  await expectAccessible(page);

  await page.getByLabel('Betrag in CHF').fill("1'234.50");
  await page.getByRole('button', { name: 'Version erfassen' }).click();
  await expect(page.getByTestId('notice')).toContainText('Die Version ist gespeichert');
  await expect(page.getByTestId('tariff-interpreter')).toContainText("CHF 1'234.50");
  const versions = await api<{ item: string; validFrom: string; amountRappen: number }[]>(
    'ags.koordination',
    urls().subsidies,
    'GET',
    '/api/v1/tariffs',
  );
  expect(versions.find((v) => v.item === 'interpreter' && v.validFrom === '2099-01-01')?.amountRappen).toBe(123450);
});

test('the subsidy screens keep to their roles: an IB has no approval queue, ags.koordination no payout', async ({
  page,
}) => {
  await login(page, 'ib.olten');
  await page.goto(claimUrl());
  await expect(page.locator('h1')).toHaveText('Nicht gefunden');
  await page.goto(`${urls().web}/subventionen/freigabe`);
  await expect(page.locator('h1')).toHaveText('Kein Zugriff');
  await page.context().clearCookies();
  await login(page, 'ags.koordination');
  await page.goto(`${urls().web}/subventionen/auszahlung`);
  await expect(page.locator('h1')).toHaveText('Kein Zugriff');
});
