import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, eventually, type TestDatabase } from '@si/testing';
import { moveInDelivery, type Newcomer } from './support/ech-0020.js';
import { startPlatform, type Platform } from './support/platform.js';

/**
 * Issue 12, end to end, with registry-intake, case-management and offers as built processes on one broker prefix:
 * a provider creates an offer in German and French, AGS publishes it, an anonymous search for "cours francais soleure"
 * finds it; ib.solothurn refers a case to it, the provider confirms attendance and completion and the case's referral
 * shows it completed (the provider sees the person's name and contact only on a referral with the recorded consent); a withdrawn offer can no longer be referred to; a mentoring request gets suggestions and a tandem
 * becomes active.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const unique = () => Math.random().toString(36).slice(2, 8);

function ahvNumber(): string {
  const body = `756${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The offers service as built (dist/main.js) beside the platform's two, on the same broker prefix and identity server. */
async function startOffers(platform: Platform, db: TestDatabase): Promise<{ url: string; child: ChildProcess }> {
  const main = join(repoRoot, 'services', 'offers', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npx tsc -b tsconfig.json)`);
  const port = await freePort();
  const out = createWriteStream(join(tmpdir(), `e2e-offers-${process.pid}-${Date.now()}.log`));
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: db.appUrl,
      DATABASE_MIGRATOR_URL: db.migratorUrl,
      PORT: String(port),
      SI_MESSAGING_PREFIX: platform.prefix,
      OIDC_AUTH_SERVER_URL: platform.oidc.publicUrl,
      OFFERS_JOBS_PREFIX: `${platform.prefix}bull`,
      OFFERS_JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`offers exited with ${child.exitCode}`);
      expect(
        await fetch(`${url}/health/ready`).then(
          (r) => r.status,
          () => 0,
        ),
      ).toBe(200);
    },
    { timeoutMs: 60_000 },
  );
  return { url, child };
}

describe('Angebotsplattform and Mentoring-Pools, end to end', () => {
  let platform: Platform;
  let offersDb: TestDatabase;
  let offers: { url: string; child: ChildProcess };
  beforeAll(async () => {
    platform = await startPlatform();
    offersDb = await createTestDatabase('offers');
    offers = await startOffers(platform, offersDb);
  }, 180_000);
  afterAll(async () => {
    if (offers?.child.exitCode === null) {
      const exited = new Promise((r) => offers.child.once('exit', r));
      offers.child.kill('SIGTERM');
      await exited;
    }
    await platform?.stop();
    await offersDb?.drop();
  }, 60_000);

  const api = async (
    service: 'intake' | 'cases' | 'offers',
    user: string | null,
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ) => {
    const base = service === 'offers' ? offers.url : platform[service].url;
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(user ? { authorization: `Bearer ${await platform.token(user)}` } : {}),
        ...(body !== undefined ? { 'content-type': contentType } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  const offer = {
    originalLanguage: 'de',
    texts: {
      de: {
        title: 'Französischkurs für Neuzugezogene in Solothurn',
        summary: 'Französisch für den Alltag',
        description: 'Zehn Abende mit Kinderbetreuung.',
      },
      fr: {
        title: 'Cours de français pour nouveaux arrivants à Soleure',
        summary: 'Le français au quotidien',
        description: 'Dix soirées avec garde d’enfants.',
      },
    },
    category: 'language',
    cefrFrom: 'pre-A1',
    cefrTo: 'A1',
    languagesHeld: ['fra', 'deu'],
    targetGroup: { refugees: true, everyone: true },
    locations: [
      { street: 'Bielstrasse 12', postcode: '4500', place: 'Solothurn', municipality: 2601, lat: 47.2092, lon: 7.5331 },
    ],
    schedule: { start: day(-30), end: day(120), sessions: 10 },
    cost: { priceRappen: 12000, subsidised: true },
    childcare: 'on-site',
    accessibility: 'yes',
    registration: { url: 'https://vhs-solothurn.example/fr' },
  };
  let offerId: string;
  let caseId: string;

  it('a provider creates an offer in German and French, AGS publishes it, an anonymous search finds it', async () => {
    expect(
      (
        await api('offers', 'ags.koordination', 'POST', '/api/v1/providers', {
          id: 'vhs-solothurn',
          name: 'Volkshochschule Region Solothurn',
          kind: 'association',
          contact: { email: 'kurse@vhs-solothurn.example' },
          address: { street: 'Bielstrasse 12', postcode: '4500', place: 'Solothurn' },
        })
      ).status,
    ).toBe(201);
    const created = await api('offers', 'anbieter.vhs', 'POST', '/api/v1/offers', offer);
    expect(created.status).toBe(201);
    offerId = created.body.id;
    expect((await api('offers', 'anbieter.vhs', 'POST', `/api/v1/offers/${offerId}/submit`)).body.status).toBe(
      'in-review',
    );
    expect((await api('offers', 'ags.koordination', 'POST', `/api/v1/offers/${offerId}/publish`)).body.status).toBe(
      'published',
    );
    const found = await api(
      'offers',
      null,
      'GET',
      `/api/v1/public/offers?q=${encodeURIComponent('cours francais soleure')}&lang=fr`,
    );
    expect(found.status).toBe(200);
    expect(found.body.items[0]).toMatchObject({
      id: offerId,
      title: 'Cours de français pour nouveaux arrivants à Soleure',
      lang: 'fr',
    });
  });

  it('ib.solothurn refers a case to it; the provider confirms attendance and completion; the referral shows completed', async () => {
    const person: Newcomer = {
      officialName: `Kidane${unique()}`,
      firstName: 'Selam',
      sex: 2,
      dateOfBirth: '1992-05-01',
      country: { bfsCode: 8362, iso2: 'ER', name: 'Eritrea' },
      permit: '0202',
      language: 'ti',
      municipality: { bfs: 2601, name: 'Solothurn', zip: '4500' },
      arrivalDate: day(-10),
      localId: `E2E-${unique()}`,
      vn: ahvNumber(),
    };
    expect(
      (await api('intake', 'ib.solothurn', 'POST', '/api/v1/deliveries', moveInDelivery(person), 'application/xml'))
        .status,
    ).toBe(202);
    caseId = await eventually(
      async () => {
        const r = await api('cases', 'ib.solothurn', 'GET', `/api/v1/cases?q=${person.officialName}`);
        expect(r.body.items).toHaveLength(1);
        return r.body.items[0].id as string;
      },
      { timeoutMs: 20_000 },
    );
    expect(
      (
        await api('cases', 'ib.solothurn', 'POST', `/api/v1/cases/${caseId}/first-information/talk`, {
          heldOn: day(-5),
          place: 'Stadthaus Solothurn',
          interpreter: { used: true, language: 'tir' },
          durationMinutes: 60,
          topics: { languageEducationWork: true, languageOffers: true, legalOrderAndNorms: true },
          languageSkills: [{ language: 'deu', oral: 'A1', written: 'none' }],
          supportNeed: 'special',
          offersRecommended: [{ kind: 'offer', offerId }],
        })
      ).status,
    ).toBe(200);
    // case-management accepts the referral once its read model has seen offer.published.v1.
    const referral = await eventually(
      async () => {
        const r = await api('cases', 'ib.solothurn', 'POST', `/api/v1/cases/${caseId}/referrals`, {
          madeOn: day(-4),
          target: { kind: 'offer', offerId },
          category: 'language',
          measure: 'Französischkurs',
        });
        expect(r.status).toBe(200);
        return r.body.referrals.at(-1).referralId as string;
      },
      { timeoutMs: 20_000 },
    );
    // Without the person's consent (the default) the provider sees the pseudonymous referral only.
    const seen = await eventually(
      async () => {
        const r = await api('offers', 'anbieter.vhs', 'GET', '/api/v1/referrals');
        const item = r.body.items.find((i: { referralId: string }) => i.referralId === referral);
        expect(item).toBeDefined();
        return item as { person: unknown; personRef: string };
      },
      { timeoutMs: 20_000 },
    );
    expect(seen.person).toBeNull();
    expect(JSON.stringify(seen)).not.toContain(person.officialName);
    // With the consent the officer records, the provider sees name and contact (and the showing is audited).
    const consented = await api('cases', 'ib.solothurn', 'POST', `/api/v1/cases/${caseId}/referrals`, {
      madeOn: day(-4),
      target: { kind: 'offer', offerId },
      category: 'language',
      measure: 'Französischkurs, Abendkurs',
      disclosureConsent: true,
    });
    expect(consented.status).toBe(200);
    const consentedId = consented.body.referrals.at(-1).referralId as string;
    await eventually(
      async () => {
        const r = await api('offers', 'anbieter.vhs', 'GET', '/api/v1/referrals');
        const item = r.body.items.find((i: { referralId: string }) => i.referralId === consentedId);
        expect(item?.person).toMatchObject({
          officialName: person.officialName,
          firstName: 'Selam',
          consentOn: day(-4),
        });
      },
      { timeoutMs: 20_000 },
    );
    expect(
      (await api('offers', 'anbieter.caritas', 'GET', '/api/v1/referrals')).body.items.map(
        (i: { referralId: string }) => i.referralId,
      ),
    ).not.toContain(consentedId);
    for (const [step, on] of [
      ['enrolled', day(-3)],
      ['attending', day(-2)],
      ['completed', day(-1)],
    ]) {
      expect(
        (await api('offers', 'anbieter.vhs', 'POST', `/api/v1/referrals/${referral}/participation`, { step, on }))
          .status,
      ).toBe(200);
    }
    await eventually(
      async () => {
        const r = await api('cases', 'ib.solothurn', 'GET', `/api/v1/cases/${caseId}`);
        expect(r.body.referrals.find((x: { referralId: string }) => x.referralId === referral).status).toBe(
          'completed',
        );
      },
      { timeoutMs: 20_000 },
    );
  });

  it('a withdrawn offer can no longer be referred to (CM8)', async () => {
    expect((await api('offers', 'ags.koordination', 'POST', `/api/v1/offers/${offerId}/withdraw`)).body.status).toBe(
      'withdrawn',
    );
    await eventually(
      async () => {
        const r = await api('cases', 'ib.solothurn', 'POST', `/api/v1/cases/${caseId}/referrals`, {
          madeOn: day(0),
          target: { kind: 'offer', offerId },
          category: 'language',
          measure: 'nochmals',
        });
        expect(r.status).toBe(422);
        expect(r.body.rule).toBe('CM8');
      },
      { timeoutMs: 20_000 },
    );
    expect((await api('offers', null, 'GET', `/api/v1/public/offers/${offerId}`)).status).toBe(404);
  });

  it('a mentoring request gets suggestions and a tandem becomes active', async () => {
    const mentor = await api('offers', 'mp.olten', 'POST', '/api/v1/mentoring/pools/olten/mentors', {
      name: 'Ruth Studer',
      consentOn: day(-60),
      languages: [
        { code: 'deu', level: 'native' },
        { code: 'eng', level: 'C1' },
      ],
      municipality: 2581,
      interests: ['kochen'],
      availability: ['we-evening'],
      capacity: 1,
      gender: 'female',
    });
    expect(mentor.status).toBe(201);
    const request = await api('offers', 'ib.olten', 'POST', '/api/v1/mentoring/requests', {
      menteeRef: 'p-e2e-mentee',
      municipality: 2581,
      languages: [{ code: 'eng', level: 'B1' }],
      goals: ['arbeit'],
      interests: ['kochen'],
      availability: ['we-evening'],
      hard: { mentorGender: 'female' },
    });
    expect(request.status).toBe(201);
    const suggestions = await api(
      'offers',
      'mp.olten',
      'GET',
      `/api/v1/mentoring/requests/${request.body.id}/suggestions`,
    );
    expect(suggestions.body.items[0]).toMatchObject({ mentorId: mentor.body.id, name: 'Ruth Studer' });
    const tandem = await api('offers', 'mp.olten', 'POST', '/api/v1/mentoring/tandems', {
      requestId: request.body.id,
      mentorId: mentor.body.id,
    });
    expect(
      (await api('offers', 'mp.olten', 'POST', `/api/v1/mentoring/tandems/${tandem.body.id}/activate`, { on: day(0) }))
        .body.status,
    ).toBe('active');
  });
});
