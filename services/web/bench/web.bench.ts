/* eslint-disable no-console -- a benchmark prints its figures */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { apiToken, registerToken } from '../test/browser/support/browser.js';
import { urls } from '../test/browser/support/urls.js';

/**
 * Issue 15, point 8. Time from navigation to a usable work list and to a saved form in the headless browser,
 * p50/p99 over BENCH_RUNS runs, beside the same API calls without the browser (ratio), and the compressed
 * JavaScript a page loads. Cases: BENCH_DELIVERIES synthetic arrivals delivered first (the generator's mix).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 300);
/** Cases written straight into case-management's database beside the delivered ones (issue: 1,000,000). */
const SEED_CASES = Number(process.env.BENCH_SEED_CASES ?? 1_000_000);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const line = (name: string, xs: number[]) =>
  `${name.padEnd(44)} p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms   p99 ${pct(xs, 99).toFixed(1).padStart(7)} ms   (${xs.length} runs)`;

async function deliver(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-web-'));
  try {
    execFileSync(
      process.execPath,
      [
        join(repoRoot, 'services/registry-intake/scripts/gen-ech.mjs'),
        '--kind',
        'events',
        '--persons',
        String(DELIVERIES),
        '--municipality',
        '2601',
        '--seed',
        '4242',
        '--today',
        new Date().toISOString().slice(0, 10),
        '--out',
        dir,
      ],
      { stdio: 'ignore' },
    );
    const token = await registerToken();
    let arrivals = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.xml'))) {
      const r = await fetch(`${urls().intake}/api/v1/deliveries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
        body: readFileSync(join(dir, f)),
      });
      if (r.status === 202 && /-moveIn-abroad\.xml$/.test(f)) arrivals += 1;
    }
    return arrivals;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A million cases beside the delivered ones, written by case-management's own benchmark seeder (10 % Solothurn,
 * 10 % Olten, the rest over the canton), each with the snapshot of a real case so rows have a realistic size.
 */
async function seedCases(): Promise<number> {
  if (SEED_CASES <= 0) return 0;
  const pg = (await import('pg')).default;
  const sql = new pg.Client({ connectionString: urls().casesMigratorUrl });
  await sql.connect();
  try {
    const template = (await sql.query('SELECT snapshot FROM case_record LIMIT 1')).rows[0]?.snapshot;
    const municipalities = (
      JSON.parse(readFileSync(join(repoRoot, 'contracts/reference/sozialregionen.json'), 'utf8')) as {
        sozialregionen: { municipalities: number[] }[];
      }
    ).sozialregionen.flatMap((r) => r.municipalities);
    // Built by bench.sh; loaded by path, as the seeder belongs to case-management's scripts, not to the web.
    const seeder = join(repoRoot, 'services/case-management/scripts/dist/seed-cases.js');
    const { seed } = (await import(seeder)) as {
      seed: (url: string, template: unknown, municipalities: number[], cases: number) => Promise<number>;
    };
    await seed(urls().casesMigratorUrl, template, municipalities, SEED_CASES);
    return Number((await sql.query('SELECT count(*) AS n FROM case_record')).rows[0].n);
  } finally {
    await sql.end();
  }
}

test('bench:web', async ({ page }) => {
  const arrivals = await deliver();
  const token = await apiToken('ib.solothurn');
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${urls().cases}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
  // Cases open from the broker events a moment after the deliveries (some arrivals open none, some close again):
  // wait until the work list stops growing.
  let seen = -1;
  await expect(async () => {
    const r = (await (await api('/api/v1/cases?limit=100')).json()) as { items: unknown[] };
    const now = r.items.length;
    const stable = now > 0 && now === seen;
    seen = now;
    expect(stable).toBe(true);
  }).toPass({ timeout: 120_000, intervals: [3000] });

  const casesInDatabase = await seedCases();

  // Login → usable work list, as a person does it (the identity server's form, then the landing page).
  const loginTimes: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 20); i++) {
    await page.context().clearCookies();
    await page.goto(`${urls().web}/`);
    await page.getByRole('link', { name: 'Anmelden' }).first().click();
    await page.locator('#username').fill('ib.solothurn');
    await page.locator('#password').fill('demo');
    const t0 = performance.now();
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('work-list').locator('tbody a').first().waitFor();
    loginTimes.push(performance.now() - t0);
  }
  await page.goto(`${urls().web}/faelle`, { waitUntil: 'load' });
  // JavaScript the work list loads, as transferred (gzip).
  let jsBytes = 0;
  for (const src of await page
    .locator('script[src]')
    .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src))) {
    const r = await fetch(src, { headers: { 'accept-encoding': 'gzip' } });
    jsBytes += Number(r.headers.get('content-length') ?? 0);
    await r.arrayBuffer();
  }
  const firstCase = (await page.getByTestId('work-list').locator('tbody a').first().getAttribute('href')) ?? '';
  const caseId = firstCase.split('/').at(-1) ?? '';

  const browserList: number[] = [];
  const browserForm: number[] = [];
  const apiList: number[] = [];
  const apiForm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    await page.goto(`${urls().web}/faelle`, { waitUntil: 'commit' });
    await page.getByTestId('work-list').waitFor();
    browserList.push(performance.now() - t0);

    t0 = performance.now();
    await page.goto(`${urls().web}/faelle/${caseId}`, { waitUntil: 'commit' });
    const form = page.locator('#aktion-familie-ch');
    await form.locator('summary').click();
    await form.getByLabel('Begründung').fill(`Abklärung ${i}`);
    await form.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('saved').waitFor();
    browserForm.push(performance.now() - t0);

    // The same calls without the browser: the page's three list reads, then the detail read and the action.
    t0 = performance.now();
    await Promise.all(
      [
        api('/api/v1/cases?sort=due&limit=25'),
        api('/api/v1/cases?sort=due&limit=100&overdue=true'),
        api('/api/v1/cases?sort=due&limit=100&overdue=false&due=2099-01-01'),
      ].map((p) => p.then((r) => r.text())),
    );
    apiList.push(performance.now() - t0);
    t0 = performance.now();
    await (await api(`/api/v1/cases/${caseId}`)).text();
    await (
      await api(`/api/v1/cases/${caseId}/family-of-swiss`, {
        method: 'POST',
        body: JSON.stringify({ familyOfSwiss: false, reason: `API ${i}` }),
      })
    ).text();
    await (await api(`/api/v1/cases/${caseId}`)).text();
    apiForm.push(performance.now() - t0);
  }
  console.log(
    `\nbench:web on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${seen} open cases (of ${arrivals} arrivals in ${DELIVERIES} deliveries); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`cases in case-management's database: ${casesInDatabase.toLocaleString('de-CH')}`);
  console.log(line('browser: login submitted → usable work list', loginTimes));
  console.log(line('browser: navigation → usable work list', browserList));
  console.log(line('API: the work list calls (3 in parallel)', apiList));
  console.log(line('browser: navigation → saved form', browserForm));
  console.log(line('API: detail, action, detail', apiForm));
  console.log(
    `ratio browser/API p50: work list ${(pct(browserList, 50) / pct(apiList, 50)).toFixed(2)}, form ${(pct(browserForm, 50) / pct(apiForm, 50)).toFixed(2)}`,
  );
  if (process.env.BENCH_SCREENSHOTS !== '0') {
    // The README's pictures (services/web/docs): the work list and a case page as an officer sees them.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${urls().web}/faelle`);
    await page.screenshot({ path: join(repoRoot, 'services/web/docs/work-list.png') });
    await page.goto(`${urls().web}/faelle/${caseId}`);
    const talk = page.locator('#aktion-erstinformationsgespraech summary');
    if (await talk.count()) await talk.click();
    await page.screenshot({ path: join(repoRoot, 'services/web/docs/case-page.png'), fullPage: true });
  }
  console.log(
    `JavaScript per page (compressed, as transferred): ${(jsBytes / 1024).toFixed(1)} kB; bench process peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
});
