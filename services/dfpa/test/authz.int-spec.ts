import { readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from '@si/http';
import { eventually, repoRoot, routeTable, type Route } from '@si/testing';
import { definition } from '../src/service.definition.js';
import { bodies, daysAgo } from './support/case-bodies.js';
import { handoverData } from './support/handover-event.js';
import { DFPA_CALLERS, startDfpaApp, type DfpaCallerName, type DfpaTestApp } from './support/dfpa-app.js';

/**
 * The access matrix (point 6): every route of the running app × every demo user and both regions' own systems,
 * with the status written down by hand. The fixtures belong to Sozialregion Olten; the instance serves all 13
 * regions, so Thal-Gäu's staff and system are admitted by role and must find nothing of Olten's (404, not 403:
 * another region's case does not exist for them). A route without a row fails the test.
 */
type Params = Record<string, string>;
interface Row {
  fixture: (t: DfpaTestApp) => Promise<Params>;
  body?: () => unknown;
  expect: Record<DfpaCallerName, number>;
}

const fx = {
  none: async (): Promise<Params> => ({}),
  handover: async (t: DfpaTestApp): Promise<Params> => {
    const h = handoverData('olten');
    await t.publishHandover(h);
    await eventually(async () =>
      expect((await t.as('sr.olten', 'GET', `/api/v1/handovers/${h.handoverId}`)).status).toBe(200),
    );
    return { handoverId: h.handoverId };
  },
  case: async (t: DfpaTestApp): Promise<Params> => {
    const { handoverId } = await fx.handover(t);
    const accepted = await t.as('sr.olten', 'POST', `/api/v1/handovers/${handoverId}/acceptance`, {
      caseworker: 'sr.olten',
    });
    const id = accepted.body.dfpaCaseId as string;
    for (const [path, body] of [
      ['assessments', bodies.assessment()],
      ['plans', bodies.plan()],
      ['measures', bodies.measure()],
    ] as const) {
      const r = await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/${path}`, body);
      if (r.status !== 201) throw new Error(`fixture ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    const detail = await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`);
    return { id, measureId: detail.body.measures[0].measureId };
  },
};

// Columns: ib.solothurn, ib.olten, ib.hubersdorf, sr.olten, ags.koordination, ma.integration, ags.finanzen, sr.thal-gaeu,
// sr-olten-connector, sr-thal-gaeu-connector. The providers (anbieter.vhs, anbieter.caritas) and the mentoring pool
// (mp.olten) have no task in DFPA: every route refuses them by role (403), which `s` writes for them.
const s = (
  a: number,
  b: number,
  c: number,
  d: number,
  e: number,
  f: number,
  g: number,
  h: number,
  i: number,
  j: number,
): Record<DfpaCallerName, number> => ({
  'ib.solothurn': a,
  'ib.olten': b,
  'ib.hubersdorf': c,
  'sr.olten': d,
  'ags.koordination': e,
  'ma.integration': f,
  'ags.finanzen': g,
  'sr.thal-gaeu': h,
  'sr-olten-connector': i,
  'sr-thal-gaeu-connector': j,
  'anbieter.vhs': 403,
  'anbieter.caritas': 403,
  'mp.olten': 403,
});
/** Olten's staff and system succeed with `ok`; Thal-Gäu's find nothing; everyone else is refused by role. */
const OLTEN = (ok: number) => s(403, 403, 403, ok, 403, 403, 403, 404, ok, 404);
/** Lists and direct opening: every region succeeds, on its own cases. */
const REGIONS = (ok: number) => s(403, 403, 403, ok, 403, 403, 403, ok, ok, ok);

const MATRIX: Record<string, Row> = {
  'GET /api/v1/handovers': { fixture: fx.handover, expect: REGIONS(200) },
  'GET /api/v1/handovers/:handoverId': { fixture: fx.handover, expect: OLTEN(200) },
  'POST /api/v1/handovers/:handoverId/acceptance': {
    fixture: fx.handover,
    body: () => ({ caseworker: 'sr.olten' }),
    expect: OLTEN(201),
  },
  'POST /api/v1/handovers/:handoverId/rejection': {
    fixture: fx.handover,
    body: () => ({ reasonCode: 'capacity' }),
    expect: OLTEN(200),
  },
  'GET /api/v1/cases': { fixture: fx.case, expect: REGIONS(200) },
  'POST /api/v1/cases': {
    fixture: fx.none,
    expect: REGIONS(201),
    body: () => ({
      personRef: `p-va-${Math.random().toString(16).slice(2, 10)}`,
      caseworker: 'sr.olten',
      assignedOn: daysAgo(1),
      person: { officialName: 'Haidari', firstName: 'Omid', dateOfBirth: '2001-05-05', sex: 'male' },
    }),
  },
  'GET /api/v1/cases/:id': { fixture: fx.case, expect: OLTEN(200) },
  'POST /api/v1/cases/:id/assessments': { fixture: fx.case, body: () => bodies.assessment(), expect: OLTEN(201) },
  'POST /api/v1/cases/:id/plans': { fixture: fx.case, body: () => bodies.plan(), expect: OLTEN(201) },
  'POST /api/v1/cases/:id/measures': { fixture: fx.case, body: () => bodies.measure(), expect: OLTEN(201) },
  'POST /api/v1/cases/:id/measures/:measureId/status': {
    fixture: fx.case,
    body: () => ({ status: 'running', on: daysAgo(0) }),
    expect: OLTEN(200),
  },
  'POST /api/v1/cases/:id/reviews': { fixture: fx.case, body: () => bodies.review(), expect: OLTEN(201) },
  'PUT /api/v1/cases/:id/caseworkers': {
    fixture: fx.case,
    body: () => ({ caseworkers: ['sr.olten', 'm.keller'] }),
    expect: OLTEN(200),
  },
  'POST /api/v1/cases/:id/rav-reports': {
    fixture: fx.case,
    body: () => ({ reportedOn: daysAgo(0) }),
    expect: OLTEN(201),
  },
  'POST /api/v1/cases/:id/placements': {
    fixture: fx.case,
    body: () => ({ placedOn: daysAgo(0), kind: 'employment' }),
    expect: OLTEN(201),
  },
  'POST /api/v1/cases/:id/return': {
    fixture: fx.case,
    body: () => ({ reasonCode: 'no-further-need' }),
    expect: OLTEN(200),
  },
  'POST /api/v1/cases/:id/closure': {
    fixture: fx.case,
    body: () => ({ exitReason: 'goals-reached', closedOn: daysAgo(0) }),
    expect: OLTEN(200),
  },
  'POST /api/v1/cases/:id/move': {
    fixture: fx.case,
    body: () => ({ toSozialregion: 'thal-gaeu', movedOn: daysAgo(0) }),
    expect: OLTEN(200),
  },
  // AGS sees figures, not persons.
  'GET /api/v1/figures': { fixture: fx.none, expect: s(403, 403, 403, 403, 200, 403, 200, 403, 403, 403) },
};

const fill = (path: string, params: Params) =>
  path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`fixture gives no ${name} for ${path}`);
    return String(params[name]);
  });

describe('dfpa access matrix: every route × every demo user and region system', () => {
  let t: DfpaTestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await startDfpaApp({ regions: '*' });
    routes = routeTable(t.app).filter((r) => r.path.startsWith('/api/'));
  });
  afterAll(() => t?.close());

  it('runs every person of the demo realm and every region system client, including sr.thal-gaeu', () => {
    const realm = JSON.parse(readFileSync(`${repoRoot()}/infra/keycloak/realm-start-integration.json`, 'utf8')) as {
      users: { username: string }[];
      clients: { clientId: string; serviceAccountsEnabled?: boolean; defaultClientScopes?: string[] }[];
    };
    const people = realm.users.map((u) => u.username).filter((u) => !u.startsWith('service-account-'));
    const regionSystems = realm.clients.map((c) => c.clientId).filter((c) => /^sr-.*-connector$/.test(c));
    expect([...DFPA_CALLERS].sort()).toEqual([...people, ...regionSystems].sort());
    expect(DFPA_CALLERS).toContain('sr.thal-gaeu');
  });

  it('has a row for every API route and none for a route that does not exist', () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("documents every route for a region's own system in contracts/openapi/dfpa.openapi.json, as the running app serves it (point 7)", () => {
    const doc = JSON.parse(
      JSON.stringify(buildOpenApi(t.app, { title: definition.title, description: definition.description })),
    ) as { paths: Record<string, Record<string, { summary?: string }>> };
    for (const route of routes)
      expect({
        route: route.key,
        summary: doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()]?.summary,
      }).toEqual({ route: route.key, summary: expect.any(String) });
    const file = `${repoRoot()}/contracts/openapi/dfpa.openapi.json`;
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (process.env.UPDATE_CONTRACTS === '1') writeFileSync(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text); // stale: run this test with UPDATE_CONTRACTS=1
  });

  it('answers 401 without a token on every API route', async () => {
    for (const route of routes) {
      const r = await t.as(
        null,
        route.method,
        fill(route.path, {
          id: '00000000-0000-4000-8000-000000000000',
          handoverId: '00000000-0000-4000-8000-000000000000',
          measureId: '00000000-0000-4000-8000-000000000000',
        }),
        route.method === 'GET' ? undefined : {},
      );
      expect({ route: route.key, status: r.status }).toEqual({ route: route.key, status: 401 });
    }
  });

  it('gives every caller exactly the status the matrix says on every route, as problem+json when refused', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const row = MATRIX[route.key];
      if (!row) throw new Error(`no matrix row for ${route.key}`);
      const callers = [...DFPA_CALLERS].sort((a, b) => Number(row.expect[a] < 300) - Number(row.expect[b] < 300));
      let shared: Params | undefined;
      for (const caller of callers) {
        const allowed = row.expect[caller] < 300;
        const params = allowed && route.method !== 'GET' ? await row.fixture(t) : (shared ??= await row.fixture(t));
        const r = await t.as(caller, route.method, fill(route.path, params), row.body?.());
        if (r.status !== row.expect[caller])
          failures.push(
            `${route.key} as ${caller}: expected ${row.expect[caller]}, got ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`,
          );
        if (r.status >= 400 && !r.headers.get('content-type')?.includes('application/problem+json'))
          failures.push(`${route.key} as ${caller}: ${r.status} is not problem+json`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("shows Thal-Gäu none of Olten's hand-overs or cases in its lists, and AGS counts without persons", async () => {
    const { handoverId } = await fx.handover(t);
    const { id } = await fx.case(t);
    for (const caller of ['sr.thal-gaeu', 'sr-thal-gaeu-connector'] as const) {
      expect(JSON.stringify((await t.as(caller, 'GET', '/api/v1/handovers')).body)).not.toContain(handoverId);
      expect(JSON.stringify((await t.as(caller, 'GET', '/api/v1/cases')).body)).not.toContain(id);
    }
    const figures = await t.as('ags.koordination', 'GET', '/api/v1/figures');
    expect(figures.body.cases).toEqual(
      expect.arrayContaining([expect.objectContaining({ sozialregionId: 'olten', status: 'active' })]),
    );
    expect(JSON.stringify(figures.body)).not.toMatch(/Tesfay|p-/);
  });

  it("audits refused reads of another region's case as denied", async () => {
    const { id } = await fx.case(t);
    await t.as('sr.thal-gaeu', 'GET', `/api/v1/cases/${id}`);
    const rows = await t.sql.query(
      `SELECT outcome, actor_scope FROM audit_record WHERE action = 'dfpa.case.read' AND object_id = $1 AND actor_username = 'sr.thal-gaeu'`,
      [id],
    );
    expect(rows.rows).toEqual([{ outcome: 'denied', actor_scope: { gemeinden: [], sozialregion: 'thal-gaeu' } }]);
  });
});
