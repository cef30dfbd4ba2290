import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as libxml2 from 'libxml2-wasm';
import { createTestDatabase, eventually, type TestDatabase } from '@si/testing';
import { moveInDelivery, type Newcomer } from './support/ech-0020.js';
import { startPlatform, type Platform } from './support/platform.js';

/**
 * Issue 13, end to end: an eCH-0020 arrival becomes a case, the IB's first-information talk becomes a ledger entry
 * in subsidies at the rate valid that day; after a tariff change a new talk books the new rate and the old entry
 * stays; the closed period is drafted into a claim, submitted by the IB, checked by ags.koordination, refused to the
 * same person for approval (four eyes), approved by ags.finanzen, and exported as a pain.001 that passes the schema
 * with the right sum. registry-intake, case-management and subsidies run as built processes on one broker prefix.
 * Monthly periods (SUBSIDIES_PERIOD_MONTHS=1) and talks dated last month make "period closed" true today.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const unique = () => Math.random().toString(36).slice(2, 8);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date());
const monthStart = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
const lastMonth = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() - 1, 1));
const dayOfLastMonth = (n: number) => iso(new Date(lastMonth.getTime() + (n - 1) * 86_400_000));
const TALK_1 = dayOfLastMonth(3);
const NEW_RATE_FROM = dayOfLastMonth(10);
const TALK_2 = dayOfLastMonth(15);
const PERIOD = `${TALK_1.slice(0, 4)}-M${TALK_1.slice(5, 7)}`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The subsidies service as built (dist/main.js), on the platform's identity server and broker prefix. */
async function startSubsidies(
  platform: Platform,
  db: TestDatabase,
): Promise<{ url: string; child: ChildProcess; log: string }> {
  const main = join(repoRoot, 'services/subsidies/dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npx tsc -b tsconfig.json)`);
  const port = await freePort();
  const log = join(tmpdir(), `e2e-subsidies-${process.pid}-${Date.now()}.log`);
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: db.appUrl,
      DATABASE_MIGRATOR_URL: db.migratorUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SI_MESSAGING_PREFIX: platform.prefix,
      OIDC_AUTH_SERVER_URL: platform.oidc.publicUrl,
      SUBSIDIES_JOBS_PREFIX: `${platform.prefix}bull`,
      SUBSIDIES_PERIOD_MONTHS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(log);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`subsidies exited with ${child.exitCode} (log: ${log})`);
    if (
      (await fetch(`${url}/health/ready`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return { url, child, log };
    if (Date.now() > deadline) throw new Error(`subsidies not ready after 60 s (log: ${log})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The payment-file schema the service validates against (services/subsidies/xsd; see its header). */
function schemaIssues(xml: string): string[] {
  const xsd = libxml2.XmlDocument.fromBuffer(
    readFileSync(join(repoRoot, 'services/subsidies/xsd/pain.001.001.09.ch.03-subset.xsd')),
  );
  const validator = libxml2.XsdValidator.fromDoc(xsd);
  const doc = libxml2.XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    return [(error as Error).message];
  } finally {
    doc.dispose();
    validator.dispose();
    xsd.dispose();
  }
}

describe('arrival → first-information talk → ledger → claim → four eyes → pain.001', () => {
  let platform: Platform;
  let db: TestDatabase;
  let subsidies: { url: string; child: ChildProcess; log: string } | undefined;
  beforeAll(async () => {
    platform = await startPlatform();
    db = await createTestDatabase('subsidies');
    subsidies = await startSubsidies(platform, db);
  }, 150_000);
  afterAll(async () => {
    const child = subsidies?.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
    await platform?.stop();
  }, 60_000);

  const api = async (
    base: string,
    user: string,
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await platform.token(user)}`,
        ...(body !== undefined ? { 'content-type': contentType } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // XML or CSV
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: r.status, body: parsed as any };
  };
  const sub = (user: string, method: string, path: string, body?: unknown) =>
    api(subsidies!.url, user, method, path, body);

  /** An arrival in Solothurn, its case, and the IB's first-information talk on `heldOn`; returns the case id. */
  const talkFor = async (heldOn: string) => {
    const person: Newcomer = {
      officialName: `Subvention${unique()}`,
      firstName: 'Senait',
      sex: 2,
      dateOfBirth: '1994-03-08',
      country: { bfsCode: 8362, iso2: 'ER', name: 'Eritrea' },
      permit: '0202',
      language: 'ti',
      municipality: { bfs: 2601, name: 'Solothurn', zip: '4500' },
      arrivalDate: iso(new Date(lastMonth.getTime() - 20 * 86_400_000)),
      localId: `E2E-${unique()}`,
    };
    const delivered = await api(
      platform.intake.url,
      'ib.solothurn',
      'POST',
      '/api/v1/deliveries',
      moveInDelivery(person),
      'application/xml',
    );
    expect(delivered.status).toBe(202);
    const caseId = await eventually(
      async () => {
        const r = await api(platform.cases.url, 'ib.solothurn', 'GET', `/api/v1/cases?q=${person.officialName}`);
        expect(r.body.items).toHaveLength(1);
        return r.body.items[0].id as string;
      },
      { timeoutMs: 20_000 },
    );
    const talk = await api(
      platform.cases.url,
      'ib.solothurn',
      'POST',
      `/api/v1/cases/${caseId}/first-information/talk`,
      {
        heldOn,
        place: 'Stadthaus Solothurn',
        interpreter: { used: false },
        durationMinutes: 60,
        topics: { languageEducationWork: true, languageOffers: true, legalOrderAndNorms: true },
        languageSkills: [{ language: 'deu', oral: 'A1', written: 'none' }],
        supportNeed: 'some',
        offersRecommended: [{ kind: 'regular-structure', structure: 'specific-integration-promotion' }],
      },
    );
    expect(talk.status).toBe(200);
    return caseId;
  };
  const entryOf = (caseId: string) =>
    eventually(
      async () => {
        const r = await sub('ags.koordination', 'GET', '/api/v1/ledger?municipality=2601');
        const found = r.body.items.filter((e: { caseId: string }) => e.caseId === caseId);
        expect(found).toHaveLength(1);
        return found[0];
      },
      { timeoutMs: 20_000 },
    );

  it('books, claims, checks, approves with four eyes and pays by a valid pain.001 with the right sum', async () => {
    const tariffs = (await sub('ags.koordination', 'GET', '/api/v1/tariffs')).body as {
      item: string;
      validFrom: string;
      validTo: string | null;
      amountRappen: number;
    }[];
    const oldRate = tariffs
      .filter(
        (v) => v.item === 'first-information-talk' && v.validFrom <= TALK_1 && (!v.validTo || v.validTo >= TALK_1),
      )
      .at(-1)!.amountRappen;

    // Arrival → first-information talk → a ledger entry at the rate valid then.
    const firstCase = await talkFor(TALK_1);
    const first = await entryOf(firstCase);
    expect(first).toMatchObject({
      item: 'first-information-talk',
      date: TALK_1,
      municipality: 2601,
      rateRappen: oldRate,
      amountRappen: oldRate,
      period: PERIOD,
    });

    // A tariff change: a new talk books the new rate, the old entry is unchanged.
    const changed = await sub('ags.koordination', 'POST', '/api/v1/tariffs', {
      item: 'first-information-talk',
      validFrom: NEW_RATE_FROM,
      amountRappen: oldRate + 1_550,
      placeholder: true,
      reference: 'E2E',
      reason: 'Neuer Satz (E2E)',
    });
    expect(changed).toMatchObject({ status: 201, body: { corrections: [] } });
    const secondCase = await talkFor(TALK_2);
    expect(await entryOf(secondCase)).toMatchObject({ rateRappen: oldRate + 1_550, amountRappen: oldRate + 1_550 });
    expect(await entryOf(firstCase)).toEqual(first);

    // Period closed → claim drafted.
    const run = await sub('ags.koordination', 'POST', '/api/v1/claim-runs');
    expect(run.body.periods).toContain(PERIOD);
    const [claim] = (await sub('ib.solothurn', 'GET', `/api/v1/claims?period=${PERIOD}`)).body;
    const total = 2 * oldRate + 1_550;
    expect(claim).toMatchObject({ municipality: 2601, status: 'draft', totalRappen: total, payableRappen: total });
    expect((await sub('ib.olten', 'GET', `/api/v1/claims/${claim.id}`)).status).toBe(404);

    // Submitted by the officer → checked by ags.koordination → approved by ags.finanzen; the checker cannot approve.
    expect((await sub('ib.solothurn', 'POST', `/api/v1/claims/${claim.id}/submit`)).body.status).toBe('submitted');
    expect(
      (await sub('ags.koordination', 'POST', `/api/v1/claims/${claim.id}/check`, { comment: 'sachlich richtig' })).body
        .status,
    ).toBe('checked');
    const twice = await sub('ags.koordination', 'POST', `/api/v1/claims/${claim.id}/approve`, {});
    expect(twice).toMatchObject({ status: 403, body: { rule: 'S6' } });
    const approved = await sub('ags.finanzen', 'POST', `/api/v1/claims/${claim.id}/approve`, {});
    expect(approved.body.status).toBe('approved');

    // → a pain.001 valid against the schema, with the right sum.
    const exported = await sub('ags.finanzen', 'POST', '/api/v1/exports');
    expect(exported).toMatchObject({ status: 201, body: { claimIds: [claim.id], totalRappen: total } });
    const xml = (await sub('ags.finanzen', 'GET', `/api/v1/exports/${exported.body.id}/pain001.xml`)).body as string;
    expect(schemaIssues(xml)).toEqual([]);
    const sum = `${Math.trunc(total / 100)}.${String(total % 100).padStart(2, '0')}`;
    expect(xml).toContain(`<NbOfTxs>1</NbOfTxs><CtrlSum>${sum}</CtrlSum>`);
    expect(xml).toContain(`<InstdAmt Ccy="CHF">${sum}</InstdAmt>`);
  }, 120_000);
});
