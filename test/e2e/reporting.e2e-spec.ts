import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type ChannelModel } from 'amqplib';
import { loadTopology, resolveTopology } from '@si/messaging';
import { createTestDatabase, eventually, freePort, repoRoot, ServiceProcess, type TestDatabase } from '@si/testing';
import { moveInDelivery, type Newcomer } from './support/ech-0020.js';
import { startPlatform, type Platform } from './support/platform.js';

/**
 * Issue 14, end to end: arrivals delivered as eCH-0020 to registry-intake in Solothurn, Olten and Flumenthal (a
 * member of Leitgemeinde Hubersdorf) become cases; the IBs inform them; reporting, fed only by the broker, shows the
 * right figures per municipality, Leitgemeinde, Sozialregion and canton; the drill-down of "persons reached by first
 * information, Solothurn, this quarter" lists exactly the events case-management emitted; a public export hides a
 * count of 2 and a complement; a frozen snapshot's hash is reproduced after a full replay of the log; a
 * self-declaration goes open → submitted → returned → submitted → accepted; the subsidy ledger entry of a talk and the
 * figures it counts in name the same event id. The four services run as built processes on one broker prefix.
 */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
const unique = () => randomBytes(3).toString('hex');

const SOLOTHURN = { bfs: 2601, name: 'Solothurn', zip: '4500' };
const OLTEN = { bfs: 2581, name: 'Olten', zip: '4600' };
const FLUMENTHAL = { bfs: 2545, name: 'Flumenthal', zip: '4534' };

function newcomer(over: Partial<Newcomer>): Newcomer {
  return {
    officialName: `Reporting${unique()}`,
    firstName: 'Senait',
    sex: 2,
    dateOfBirth: '1994-03-08',
    country: { bfsCode: 8362, iso2: 'ER', name: 'Eritrea' },
    permit: '0202',
    language: 'ti',
    municipality: SOLOTHURN,
    arrivalDate: day(-3),
    localId: `E2E-${unique()}`,
    ...over,
  };
}

describe('reporting: arrivals and talks → figures, drill-down, suppression, snapshot after replay, self-declaration', () => {
  let platform: Platform;
  let reporting: ServiceProcess;
  let reportingDb: TestDatabase;
  let subsidies: ServiceProcess;
  let subsidiesDb: TestDatabase;
  let amqp: ChannelModel;
  const informed: { id: string; subject: string; municipality: number }[] = [];

  beforeAll(async () => {
    platform = await startPlatform();
    reportingDb = await createTestDatabase('reporting');
    reporting = new ServiceProcess('reporting', await freePort(), {
      DATABASE_URL: reportingDb.appUrl,
      DATABASE_MIGRATOR_URL: reportingDb.migratorUrl,
      SI_MESSAGING_PREFIX: platform.prefix,
      OIDC_AUTH_SERVER_URL: platform.oidc.publicUrl,
      AMQP_URL: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
      REPORTING_JOBS_PREFIX: `${platform.prefix}bull`,
      LOG_LEVEL: 'warn',
    });
    await reporting.start();
    subsidiesDb = await createTestDatabase('subsidies');
    subsidies = new ServiceProcess('subsidies', await freePort(), {
      DATABASE_URL: subsidiesDb.appUrl,
      DATABASE_MIGRATOR_URL: subsidiesDb.migratorUrl,
      SI_MESSAGING_PREFIX: platform.prefix,
      OIDC_AUTH_SERVER_URL: platform.oidc.publicUrl,
      AMQP_URL: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
      SUBSIDIES_JOBS_PREFIX: `${platform.prefix}sbull`,
      LOG_LEVEL: 'warn',
    });
    await subsidies.start();
    // What case-management emits, seen on the test's exchange: the drill-down must list exactly these.
    amqp = await connect(process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
    amqp.on('error', () => undefined);
    const channel = await amqp.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(
      queue,
      resolveTopology(loadTopology(), platform.prefix).exchange,
      'case.first-information-completed.v1',
    );
    await channel.consume(
      queue,
      (msg) => {
        if (!msg) return;
        const e = JSON.parse(msg.content.toString('utf8'));
        informed.push({ id: e.id, subject: e.subject, municipality: e.data.municipality });
      },
      { noAck: true },
    );
  }, 180_000);
  afterAll(async () => {
    await amqp?.close().catch(() => undefined);
    await reporting?.stop();
    await subsidies?.stop();
    await subsidiesDb?.drop();
    await platform?.stop();
    await reportingDb?.drop();
  }, 60_000);

  const api = async (
    service: 'intake' | 'cases' | 'reporting' | 'subsidies',
    user: string,
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ) => {
    const base =
      service === 'reporting' ? reporting.url : service === 'subsidies' ? subsidies.url : platform[service].url;
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await platform.token(user)}`,
        ...(body !== undefined ? { 'content-type': contentType } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // CSV
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: parsed as any };
  };
  const ok = async (
    service: 'cases' | 'reporting' | 'subsidies',
    user: string,
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const r = await api(service, user, method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} as ${user}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** Delivers an arrival and returns the case the IB finds in the work list. */
  const arrive = async (user: string, person: Newcomer) => {
    const r = await api('intake', user, 'POST', '/api/v1/deliveries', moveInDelivery(person), 'application/xml');
    expect(r.status).toBe(202);
    return eventually(
      async () => {
        const list = await api('cases', user, 'GET', `/api/v1/cases?q=${encodeURIComponent(person.officialName)}`);
        expect(list.body.items).toHaveLength(1);
        return list.body.items[0].id as string;
      },
      { timeoutMs: 30_000 },
    );
  };
  const talk = (place: string, interpreter?: string) => ({
    heldOn: day(-1),
    place,
    interpreter: interpreter ? { used: true, language: interpreter } : { used: false },
    durationMinutes: 50,
    topics: { languageEducationWork: true, languageOffers: true, legalOrderAndNorms: true },
    languageSkills: [{ language: 'deu', oral: 'A1', written: 'none' }],
    supportNeed: 'some',
    offersRecommended: [],
  });

  const arrivalQuarter = quarterOf(day(-3));
  const informQuarter = quarterOf(day(-1));

  it('gives the right figures per municipality, Leitgemeinde, Sozialregion and canton', async () => {
    const s1 = await arrive('ib.solothurn', newcomer({}));
    const s2 = await arrive(
      'ib.solothurn',
      newcomer({ country: { bfsCode: 8218, iso2: 'IT', name: 'Italien' }, permit: '0201' }),
    );
    const o1 = await arrive('ib.olten', newcomer({ municipality: OLTEN }));
    const f1 = await arrive('ib.hubersdorf', newcomer({ municipality: FLUMENTHAL }));
    await ok(
      'cases',
      'ib.solothurn',
      'POST',
      `/api/v1/cases/${s1}/first-information/talk`,
      talk('Stadthaus Solothurn', 'tir'),
    );
    await ok('cases', 'ib.solothurn', 'POST', `/api/v1/cases/${s2}/first-information/info-folder`, {
      handedOutOn: day(-1),
      language: 'ita',
    });
    await ok('cases', 'ib.olten', 'POST', `/api/v1/cases/${o1}/first-information/talk`, talk('Stadthaus Olten'));
    await ok('cases', 'ib.hubersdorf', 'POST', `/api/v1/cases/${f1}/first-information/info-folder`, {
      handedOutOn: day(-1),
      language: 'tir',
    });

    const arrivals = (level: string) =>
      eventually(
        async () => {
          const r = await ok(
            'reporting',
            'ags.koordination',
            'GET',
            `/api/v1/figures?period=${arrivalQuarter}&level=${level}&figures=arrivals`,
          );
          const t = r.figures[0];
          expect(t.total).toBe(4);
          return Object.fromEntries(
            t.rows
              .filter((x: { values: number[] }) => x.values[0]! > 0)
              .map((x: { area: { id: string }; values: number[] }) => [x.area.id, x.values[0]]),
          );
        },
        { timeoutMs: 30_000 },
      );
    expect(await arrivals('municipality')).toEqual({ 2601: 2, 2581: 1, 2545: 1 });
    expect(await arrivals('leitgemeinde')).toEqual({ 2601: 2, 2581: 1, 2548: 1 });
    expect(await arrivals('sozialregion')).toEqual({ solothurn: 2, olten: 1, 'mittlerer-unterer-leberberg': 1 });
    expect(await arrivals('canton')).toEqual({ SO: 4 });

    const reached = await eventually(
      async () => {
        const r = await ok(
          'reporting',
          'ags.koordination',
          'GET',
          `/api/v1/figures?period=${informQuarter}&level=municipality&figures=first-information,interpreter-talks`,
        );
        expect(r.figures[0].total).toBe(4);
        return r;
      },
      { timeoutMs: 30_000 },
    );
    const row = (t: { rows: { area: { id: string }; values: number[] }[] }, id: string) =>
      t.rows.find((x) => x.area.id === id)!.values;
    expect(row(reached.figures[0], '2601')).toEqual([1, 1]);
    expect(row(reached.figures[0], '2581')).toEqual([1, 0]);
    expect(row(reached.figures[0], '2545')).toEqual([0, 1]);
    expect(row(reached.figures[1], '2601')).toEqual([1]);
    expect(reached.figures[1].columns).toEqual(['tir']);
  }, 180_000);

  it('drills "persons reached by first information, Solothurn, this quarter" down to exactly the emitted event ids, with the case for its IB', async () => {
    const expected = informed
      .filter((e) => e.municipality === 2601)
      .map((e) => e.id)
      .sort();
    expect(expected).toHaveLength(2);
    const trace = await ok(
      'reporting',
      'ib.solothurn',
      'GET',
      `/api/v1/figures/first-information/trace?period=${informQuarter}&level=municipality&area=2601`,
    );
    expect(trace.events.map((e: { eventId: string }) => e.eventId).sort()).toEqual(expected);
    const first = trace.events[0];
    expect(first.caseUrl).toMatch(/\/api\/v1\/cases\//);
    // The link leads to the case in case-management, which the IB may open.
    expect((await api('cases', 'ib.solothurn', 'GET', `/api/v1/cases/${first.caseRef}`)).status).toBe(200);
    expect(
      (
        await api(
          'reporting',
          'ib.olten',
          'GET',
          `/api/v1/figures/first-information/trace?period=${informQuarter}&level=municipality&area=2601`,
        )
      ).status,
    ).toBe(403);
  });

  it('names in the subsidy ledger entry of a talk the same event id as the figures the talk counts in (point 5)', async () => {
    // Solothurn's talk with an interpreter: subsidies books a first-information talk and an interpreter for it.
    const entries = await eventually(
      async () => {
        const r = await ok('subsidies', 'ib.solothurn', 'GET', '/api/v1/ledger?municipality=2601');
        const talks = r.items.filter((e: { item: string }) => e.item === 'first-information-talk');
        expect(talks).toHaveLength(1);
        expect(r.items.filter((e: { item: string }) => e.item === 'interpreter')).toHaveLength(1);
        return r.items as { item: string; eventId: string; caseId: string }[];
      },
      { timeoutMs: 30_000 },
    );
    const talkEntry = entries.find((e) => e.item === 'first-information-talk')!;
    const talkEvent = informed.find((e) => e.municipality === 2601 && e.id === talkEntry.eventId);
    expect(talkEvent).toBeDefined();
    expect(entries.find((e) => e.item === 'interpreter')!.eventId).toBe(talkEntry.eventId);
    const traced = async (figure: string, column?: string) => {
      const t = await ok(
        'reporting',
        'ib.solothurn',
        'GET',
        `/api/v1/figures/${figure}/trace?period=${informQuarter}&level=municipality&area=2601${column ? `&column=${column}` : ''}`,
      );
      return t.events as { eventId: string; caseRef: string }[];
    };
    // The ledger line and the figures it belongs to name the same event (and the same pseudonymous case).
    for (const [figure, column] of [
      ['first-information-talks', undefined],
      ['first-information', 'talk'],
      ['interpreter-talks', 'tir'],
    ] as const) {
      const events = await traced(figure, column);
      expect(events.map((e) => e.eventId)).toEqual([talkEntry.eventId]);
      expect(events[0]!.caseRef).toBe(talkEntry.caseId);
    }
  });

  it("suppresses Solothurn's count of 2 and a complement in a public export; the true total stays", async () => {
    const csv: string = (
      await api(
        'reporting',
        'ags.koordination',
        'GET',
        `/api/v1/figures/export?format=csv&public=true&period=${arrivalQuarter}&level=municipality&figures=arrivals`,
      )
    ).body;
    const lines = csv.split('\r\n').filter((l) => l.startsWith('arrivals;'));
    const value = (bfs: number) => lines.find((l) => l.split(';')[5] === String(bfs))!.split(';')[8];
    expect(value(2601)).toBe('•');
    const hidden = lines.filter((l) => l.split(';')[8] === '•');
    // Three non-zero counts (2, 1, 1) add up to 4 < 5: a zero row is hidden too, so no total gives them back.
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    const report = await ok(
      'reporting',
      'ags.koordination',
      'GET',
      `/api/v1/figures?period=${arrivalQuarter}&level=municipality&figures=arrivals&public=true`,
    );
    expect(report.figures[0].columnTotals).toEqual([4]);
  });

  it("reproduces a frozen snapshot's hash after the projections are dropped and the log replayed", async () => {
    const frozen = await ok('reporting', 'ags.koordination', 'POST', '/api/v1/snapshots', { period: informQuarter });
    expect(frozen.contentHash).toMatch(/^sha256:/);
    const rebuild = spawnSync(process.execPath, [join(repoRoot(), 'services/reporting/dist/rebuild-main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: reportingDb.appUrl,
        DATABASE_MIGRATOR_URL: reportingDb.migratorUrl,
        LOG_LEVEL: 'warn',
      },
      encoding: 'utf8',
    });
    expect(rebuild.status).toBe(0);
    expect(JSON.parse(rebuild.stdout.trim())).toMatchObject({ rebuilt: true, events: expect.any(Number) });
    const verified = await ok('reporting', 'ags.koordination', 'GET', `/api/v1/snapshots/${frozen.id}/verification`);
    expect(verified).toMatchObject({ matches: true, recomputedHash: frozen.contentHash });
    const again = await api('reporting', 'ags.koordination', 'POST', '/api/v1/snapshots', { period: informQuarter });
    expect(again).toMatchObject({ status: 200, body: { id: frozen.id, created: false } });
  });

  it('takes a self-declaration open → submitted → returned → submitted → accepted', async () => {
    const template = JSON.parse(
      readFileSync(join(repoRoot(), 'services/reporting/reference/self-declaration-questionnaire.json'), 'utf8'),
    );
    const { $comment: _c, ...definition } = template;
    const year = Number(day(0).slice(0, 4));
    const q = await ok('reporting', 'ags.koordination', 'POST', '/api/v1/self-declarations/questionnaires', {
      ...definition,
      year,
    });
    await ok('reporting', 'ags.koordination', 'POST', `/api/v1/self-declarations/questionnaires/${q.id}/publication`);
    const round = await ok('reporting', 'ags.koordination', 'POST', '/api/v1/self-declarations/rounds', {
      year,
      questionnaireId: q.id,
      deadline: day(30),
    });
    const base = `/api/v1/self-declarations/rounds/${round.id}/responses/2601`;
    const draft = await ok('reporting', 'ib.solothurn', 'GET', base);
    expect(draft).toMatchObject({ state: 'not-started', answers: { 'organisation-model': 'in-house' } });
    await ok('reporting', 'ib.solothurn', 'PUT', base, {
      answers: {
        ...draft.answers,
        'operative-lead-percent': 30,
        'strategic-lead': 'council-portfolio',
        'political-function': true,
      },
    });
    expect((await ok('reporting', 'ib.solothurn', 'POST', `${base}/submission`)).state).toBe('submitted');
    expect(
      (await ok('reporting', 'ags.koordination', 'POST', `${base}/return`, { comment: 'Pensum bitte bestätigen' }))
        .state,
    ).toBe('returned');
    expect((await ok('reporting', 'ib.solothurn', 'POST', `${base}/submission`)).state).toBe('submitted');
    const accepted = await ok('reporting', 'ags.koordination', 'POST', `${base}/acceptance`, {});
    expect(accepted.history.map((h: { state: string }) => h.state)).toEqual([
      'draft',
      'submitted',
      'returned',
      'submitted',
      'accepted',
    ]);
  });
});
