import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CloudEvent } from '@si/messaging';
import { Projector } from '../src/log/application/projector.js';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CaseStory } from './support/case-events.js';
import { event, startReportingApp, type ReportingTestApp } from './support/reporting-app.js';

/** A contract's own example with fresh ids: the dfpa, offer and mentoring events as their services emit them. */
const example = (path: string, over: Record<string, unknown>) =>
  event(path.split('/')[1]!, {
    ...JSON.parse(readFileSync(new URL(`../../../contracts/events/${path}.schema.json`, import.meta.url), 'utf8'))
      .examples[0],
    ...over,
  });

/**
 * Points 1, 2, 5, 6: events of three municipalities (one a Leitgemeinde member) reach the log through the broker;
 * the figures per municipality, Leitgemeinde, Sozialregion and canton; a redelivery changes nothing; dropping
 * the projections and replaying the log gives the same figures; the trace lists exactly the events of a cell.
 */
const SOLOTHURN = 2601;
const OLTEN = 2581;
const FLUMENTHAL = 2545; // member of Leitgemeinde Hubersdorf (2548)
const HUBERSDORF = 2548;

describe('event log → figures', () => {
  let t: ReportingTestApp;
  const fi: Record<number, CloudEvent[]> = {};
  const all: CloudEvent[] = [];
  const story = (
    municipality: number,
    opened: string,
    step: (s: CaseStory) => CloudEvent[],
    subject: Partial<ConstructorParameters<typeof CaseStory>[0]> = {},
  ) => {
    const s = new CaseStory({ municipality, ...subject });
    const steps = step(s);
    (fi[municipality] ??= []).push(...steps.filter((e) => e.type === 'case.first-information-completed.v1'));
    all.push(s.opened(opened), ...steps);
  };

  beforeAll(async () => {
    t = await startReportingApp();
    story(SOLOTHURN, '2027-01-04', (s) => [s.talk('2027-01-14', { interpreter: 'tir' })]);
    story(
      SOLOTHURN,
      '2027-01-05',
      (s) => [
        s.talk('2027-01-25', { interpreter: 'tir' }),
        s.integrationTalk('2027-03-01'),
        s.referral('2027-03-01', 'language'),
      ],
      { sex: 'male', birthYear: 2005 },
    );
    story(SOLOTHURN, '2027-02-01', (s) => [s.folder('2027-02-11')], { euEfta: true });
    story(SOLOTHURN, '2026-12-20', (s) => [s.folder('2027-03-31', false)], { permit: 'F' });
    story(OLTEN, '2027-01-10', (s) => [s.talk('2027-02-09')]);
    story(OLTEN, '2027-03-02', () => []);
    story(FLUMENTHAL, '2027-02-14', (s) => [s.folder('2027-02-24')], { permit: 'C' });
    story(HUBERSDORF, '2027-03-20', (s) => [s.talk('2027-04-02')]); // informed in Q2
    all.push(
      example('dfpa/dfpa.assessment-completed.v1', { dfpaCaseId: randomUUID(), assessedOn: '2027-02-10' }),
      example('mentoring/mentoring.tandem-activated.v1', { tandemId: randomUUID(), on: '2027-03-01' }),
      example('offer/offer.participation-recorded.v1', {
        referralId: randomUUID(),
        on: '2027-02-20',
        step: 'enrolled',
      }),
    );
    await t.publish(all);
  }, 90_000);
  afterAll(async () => {
    await t?.close();
  });

  const figures = async (query: string, user: Parameters<ReportingTestApp['call']>[0] = 'ags.koordination') => {
    const r = await t.call(user, 'GET', `/api/v1/figures?${query}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const table = (report: { figures: { figure: string }[] }, key: string) =>
    report.figures.find((f) => f.figure === key) as unknown as {
      columns: string[];
      rows: { area: { id: string; name: string }; values: (number | null)[]; total: number | null }[];
      total: number;
      columnTotals: (number | null)[];
    };
  const row = (tbl: ReturnType<typeof table>, id: string) => tbl.rows.find((r) => r.area.id === id)!;

  it('counts arrivals and first information per member municipality, by form, for AGS', async () => {
    const report = await figures('period=2027-Q1&level=municipality');
    expect(report.catalogueVersion).toBe('2026.1');
    expect(report.suppression.applied).toBe(false);
    const arrivals = table(report, 'arrivals');
    expect(arrivals.rows).toHaveLength(106);
    expect(row(arrivals, '2601').values).toEqual([3]); // the December arrival counts in 2026-Q4
    expect(row(arrivals, '2581').values).toEqual([2]);
    expect(row(arrivals, '2545').values).toEqual([1]);
    expect(row(arrivals, '2548').values).toEqual([1]);
    expect(arrivals.total).toBe(7);
    const reached = table(report, 'first-information');
    expect(reached.columns).toEqual(['talk', 'info-folder']);
    expect(row(reached, '2601')).toMatchObject({ values: [2, 2], total: 4 });
    expect(row(reached, '2581')).toMatchObject({ values: [1, 0], total: 1 });
    expect(row(reached, '2548')).toMatchObject({ values: [0, 0], total: 0 });
    expect(row(table(report, 'first-information-deadline'), '2601')).toMatchObject({ values: [3, 1] });
    expect(row(table(report, 'interpreter-talks'), '2601').values).toEqual([2]);
    expect(row(table(report, 'referrals'), '2601').values).toEqual([1, 0, 0, 0]);
    // Days from registration: 10, 20, 10, 101 days in Solothurn → median 10 (nearest rank), p90 101.
    expect(row(table(report, 'first-information-days'), '2601').values).toEqual([4, 10, 101]);
    expect(row(table(report, 'dfpa-assessments'), '2581').values).toEqual([1, 0, 0, 0]);
    expect(row(table(report, 'mentoring-tandems'), '2581').values).toEqual([1]);
    expect(row(table(report, 'offer-participations'), '2601').values[0]).toBe(1);
    const active = table(report, 'active-municipalities');
    expect(active.columnTotals).toEqual([3, 4, 75]);
  });

  it('rolls the same facts up to Leitgemeinde, Sozialregion and canton', async () => {
    const lead = table(await figures('period=2027-Q1&level=leitgemeinde&figures=arrivals'), 'arrivals');
    expect(row(lead, String(HUBERSDORF))).toMatchObject({ area: { name: 'Leitgemeinde Hubersdorf' }, values: [2] });
    expect(lead.rows.find((r) => r.area.id === String(FLUMENTHAL))).toBeUndefined();
    const regions = table(await figures('period=2027-Q1&level=sozialregion&figures=arrivals'), 'arrivals');
    expect(row(regions, 'solothurn').values).toEqual([3]);
    expect(row(regions, 'olten').values).toEqual([2]);
    expect(row(regions, 'mittlerer-unterer-leberberg').values).toEqual([2]);
    const canton = await figures('period=2027&level=canton&figures=arrivals,first-information&breakdown=euEfta');
    expect(table(canton, 'arrivals').rows[0]).toMatchObject({ values: [1, 6, 0], total: 7 });
    expect(table(canton, 'first-information').rows[0]).toMatchObject({ values: [1, 6, 0], total: 7 });
  });

  it('breaks down by permit category, nationality group, age group and sex', async () => {
    const permit = table(await figures('period=2027-Q1&level=canton&figures=arrivals&breakdown=permit'), 'arrivals');
    expect(Object.fromEntries(permit.columns.map((c, i) => [c, permit.rows[0]!.values[i]])).C).toBe(1);
    const age = table(
      await figures('period=2027-Q1&level=municipality&figures=arrivals&breakdown=ageGroup'),
      'arrivals',
    );
    expect(row(age, '2601').values.slice(0, 3)).toEqual([0, 1, 2]); // born 2005: 22 in 2027 → 16-25
    const sex = table(await figures('period=2027-Q1&level=canton&figures=arrivals&breakdown=sex'), 'arrivals');
    expect(sex.rows[0]!.values).toEqual([6, 1, 0]);
    const groups = table(
      await figures('period=2027-Q1&level=canton&figures=arrivals&breakdown=nationalityGroup'),
      'arrivals',
    );
    expect(Object.fromEntries(groups.columns.map((c, i) => [c, groups.rows[0]!.values[i]]))).toMatchObject({
      'eu-efta': 1,
      africa: 6,
    });
  });

  it('keeps every event once in the log and the figures unchanged when an event is delivered again', async () => {
    const before = await figures('period=2027-Q1&level=municipality');
    const {
      rows: [{ n }],
    } = await t.sql.query('SELECT count(*)::int AS n FROM event_log');
    await t.publish([all[1]!, all[2]!]);
    const {
      rows: [{ n: after }],
    } = await t.sql.query('SELECT count(*)::int AS n FROM event_log');
    expect(after).toBe(n);
    expect(await figures('period=2027-Q1&level=municipality')).toEqual(before);
  });

  it('gives the same figures after the projections are dropped and the log is replayed', async () => {
    const queries = [
      'period=2027-Q1&level=municipality',
      'period=2027&level=canton&breakdown=ageGroup',
      'period=2027-Q1&level=leitgemeinde&breakdown=permit',
      'period=2027-02&level=sozialregion',
    ];
    const before = await Promise.all(queries.map((q) => figures(q)));
    const facts = (await t.sql.query('SELECT count(*)::int AS n FROM figure_fact')).rows[0].n;
    expect(facts).toBeGreaterThan(0);
    const replayed = await t.app
      .get(Projector)
      .rebuild(t.app.get((await import('@nestjs/typeorm')).getDataSourceToken()), 3);
    expect(replayed).toBe(all.length);
    expect((await t.sql.query('SELECT count(*)::int AS n FROM figure_fact')).rows[0].n).toBe(facts);
    expect(await Promise.all(queries.map((q) => figures(q)))).toEqual(before);
  });

  it('refuses to rewrite the log', async () => {
    await expect(t.sql.query(`UPDATE event_log SET type = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.sql.query('DELETE FROM event_log')).rejects.toThrow(/append-only/);
  });

  it('traces "persons reached by first information, Solothurn, 2027-Q1" to exactly its events, with case links for the IB only', async () => {
    const path = '/api/v1/figures/first-information/trace?period=2027-Q1&level=municipality&area=2601';
    const ib = await t.call('ib.solothurn', 'GET', path);
    expect(ib.status).toBe(200);
    expect(ib.body.count).toBe(4);
    expect(ib.body.events.map((e: { eventId: string }) => e.eventId).sort()).toEqual(
      fi[SOLOTHURN]!.map((e) => e.id).sort(),
    );
    expect(ib.body.events[0]).toMatchObject({
      type: 'case.first-information-completed.v1',
      municipality: 2601,
      caseUrl: expect.stringMatching(/\/api\/v1\/cases\/[0-9a-f-]{36}$/),
    });
    const ags = await t.call('ags.koordination', 'GET', `${path}&column=talk`);
    expect(ags.body.count).toBe(2);
    expect(
      ags.body.events.every((e: { caseUrl?: string; caseRef: string }) => e.caseUrl === undefined && e.caseRef),
    ).toBe(true);
    const foreign = await t.call('ib.olten', 'GET', path);
    expect(foreign.status).toBe(403);
    expect(foreign.body.rule).toMatch(/^RP3/);
    const { rows } = await t.sql.query(
      `SELECT actor_username, outcome FROM audit_record WHERE action = 'figure.trace' ORDER BY id`,
    );
    expect(rows).toEqual([
      { actor_username: 'ib.solothurn', outcome: 'granted' },
      { actor_username: 'ags.koordination', outcome: 'granted' },
      { actor_username: 'ib.olten', outcome: 'denied' },
    ]);
  });

  it('shows an IB their own municipalities beside the suppressed canton; a Sozialregion its region; the Migrationsamt its own figures', async () => {
    const ib = await figures('period=2027-Q1&level=municipality&figures=first-information', 'ib.solothurn');
    expect(table(ib, 'first-information').rows.map((r) => r.area.id)).toEqual(['2601']);
    expect(row(table(ib, 'first-information'), '2601').values).toEqual([2, 2]); // their own, as they are
    expect(ib.comparison.municipalities).toBe(106);
    // The canton leaves AGS's view: 3 talks and 3 folders are small, the total is true.
    expect(ib.comparison.canton[0].rows[0]).toMatchObject({ values: [null, null], total: 6 });
    const lead = await figures('period=2027-Q1&level=municipality&figures=arrivals', 'ib.hubersdorf');
    expect(
      table(lead, 'arrivals')
        .rows.map((r) => r.area.id)
        .sort(),
    ).toEqual(['2541', '2545', '2547', '2548', '2549', '2554']);
    const sr = await figures('period=2027-Q1&level=municipality&figures=arrivals', 'sr.olten');
    expect(sr.suppression.applied).toBe(true);
    expect(
      table(sr, 'arrivals').rows.every(
        (r) =>
          ['2581', '2578', '2580', '2582', '2583', '2579', '2584', '2586'].includes(r.area.id) ||
          r.area.id.length === 4,
      ),
    ).toBe(true);
    expect(row(table(sr, 'arrivals'), '2581').values).toEqual([null]); // 2 Olten arrivals: small
    const ma = await t.call('ma.integration', 'GET', '/api/v1/figures?period=2027-Q1&level=canton');
    expect(ma.body.figures.map((f: { figure: string }) => f.figure)).toEqual([
      'migrationsamt-reports',
      'migrationsamt-decisions',
    ]);
    const refused = await t.call('ma.integration', 'GET', '/api/v1/figures?period=2027-Q1&figures=arrivals');
    expect(refused.status).toBe(403);
    expect(refused.body.rule).toMatch(/^RP2/);
  });

  it('suppresses small counts and their complements in a public view, so that the totals do not give them back', async () => {
    const report = await figures('period=2027-Q1&level=municipality&figures=first-information&public=true');
    const reached = table(report, 'first-information');
    expect(report.suppression).toEqual({ applied: true, threshold: 5 });
    expect(row(reached, '2601')).toEqual(expect.objectContaining({ values: [null, null], total: 4 }));
    expect(row(reached, '2581').values).toEqual([null, null]); // the zero hides the 1 beside it
    expect(reached.columnTotals).toEqual([3, 3]);
    // Solothurn's talks (2): row total 4 and column total 3 leave 0…3 open, and more than one value fits.
    const visibleTalks = reached.rows.reduce((s, r) => s + (r.values[0] ?? 0), 0);
    expect(reached.columnTotals[0]! - visibleTalks).toBeGreaterThan(2);
  });

  it('answers bad parameters with problem+json naming the parameter', async () => {
    const period = await t.call('ags.koordination', 'GET', '/api/v1/figures?period=2027-Q7');
    expect(period.status).toBe(422);
    expect(period.headers.get('content-type')).toContain('application/problem+json');
    expect(period.body).toMatchObject({ rule: expect.stringMatching(/^RP1/) });
    const level = await t.call('ags.koordination', 'GET', '/api/v1/figures?period=2027&level=planet');
    expect(level.status).toBe(400);
    const unknown = await t.call('ags.koordination', 'GET', '/api/v1/figures?period=2027&figures=happiness');
    expect(unknown.status).toBe(422);
  });

  it('exports the figures as CSV, XLSX and a PDF report', async () => {
    const csv = await t.request(
      'ags.koordination',
      'GET',
      '/api/v1/figures/export?format=csv&period=2027-Q1&figures=first-information&public=true',
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain(
      'first-information;Mit Erstinformation erreichte Personen;persons;2027-Q1;municipality;2601;Solothurn;talk;•;2026.1',
    );
    const xlsx = await fetch(`${t.url}/api/v1/figures/export?format=xlsx&period=2027-Q1`, {
      headers: { authorization: `Bearer ${await t.token('ags.koordination')}` },
    });
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const pdf = await fetch(`${t.url}/api/v1/figures/export?format=pdf&period=2027-Q1&level=sozialregion`, {
      headers: { authorization: `Bearer ${await t.token('ags.koordination')}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  it('gives the KIP key figures of a year with the IAS age split', async () => {
    const r = await t.call('ags.koordination', 'GET', '/api/v1/figures/kip?year=2027');
    expect(r.status).toBe(200);
    const first = r.body.keyFigures.find((k: { key: string }) => k.key === 'first-information');
    expect(first.total).toBe(7);
    expect(first.byAgeGroup['16-25']).toBe(1);
    expect(r.body.keyFigures.find((k: { key: string }) => k.key === 'language-referrals').total).toBe(1);
    expect(r.body.keyFigures.find((k: { key: string }) => k.key === 'language-course-participations').total).toBe(1);
    expect(r.body.keyFigures.find((k: { key: string }) => k.key === 'ias-assessments').total).toBe(1);
  });
});
