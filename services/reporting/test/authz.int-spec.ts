import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildOpenApi } from '@si/http';
import { REALM_USER_ROLES, REALM_USERS, type RealmUser } from '@si/service-testing';
import { routeTable, type Route } from '@si/testing';
import { definition as service } from '../src/service.definition.js';
import { CaseStory } from './support/case-events.js';
import { startReportingApp, type DemoUser, type ReportingTestApp } from './support/reporting-app.js';

/**
 * The access matrix: every API route of the running app (from Nest's route table) against every person of the demo
 * realm (REALM_USERS), with the status written down here by hand; a route without a row fails the test. Scopes:
 * ib.solothurn 2601, ib.olten 2581, ib.hubersdorf 2548 (+ members), sr.olten the Sozialregion olten, sr.thal-gaeu the
 * Sozialregion thal-gaeu, ags.koordination AGS, ags.finanzen AGS with finance, ma.integration the Migrationsamt,
 * anbieter.vhs and anbieter.caritas providers, mp.olten a mentoring pool. The traced cell is Solothurn's: only its IB
 * and AGS may see its events.
 */
type Params = Record<string, string>;
type Fixture = (t: ReportingTestApp) => Promise<Params>;
interface Row {
  fixture: Fixture;
  body?: (p: Params) => unknown;
  expect: Record<RealmUser, number>;
}

const template = JSON.parse(
  readFileSync(new URL('../reference/self-declaration-questionnaire.json', import.meta.url), 'utf8'),
);
const { $comment: _c, ...definition } = template;
const answers = {
  'organisation-model': 'in-house',
  'operative-lead-percent': 40,
  'strategic-lead': 'president',
  'political-function': false,
  'first-information-persons': 1,
  'integration-talks': 0,
};
const SD = '/api/v1/self-declarations';
let year = 2040;
let snapshotYear = 2028;

const call = async (t: ReportingTestApp, user: DemoUser, method: string, path: string, body?: unknown) => {
  const r = await t.call(user, method, path, body);
  if (r.status >= 300) throw new Error(`fixture ${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

const fx = {
  none: async (): Promise<Params> => ({}),
  draftQuestionnaire: async (t: ReportingTestApp) => ({
    id: (await call(t, 'ags.koordination', 'POST', `${SD}/questionnaires`, { ...definition, year: 2030 })).id,
  }),
  published: async (t: ReportingTestApp) => {
    const { id } = await fx.draftQuestionnaire(t);
    await call(t, 'ags.koordination', 'POST', `${SD}/questionnaires/${id}/publication`);
    return { id, questionnaireId: id, year: String((year += 1)) };
  },
  round: async (t: ReportingTestApp) => {
    const q = await fx.published(t);
    const round = await call(t, 'ags.koordination', 'POST', `${SD}/rounds`, {
      year: Number(q.year),
      questionnaireId: q.id,
      deadline: '2099-12-31',
    });
    return { roundId: round.id, bfs: '2601' };
  },
  drafted: async (t: ReportingTestApp) => {
    const p = await fx.round(t);
    await call(t, 'ib.solothurn', 'PUT', `${SD}/rounds/${p.roundId}/responses/2601`, { answers });
    return p;
  },
  submitted: async (t: ReportingTestApp) => {
    const p = await fx.drafted(t);
    await call(t, 'ib.solothurn', 'POST', `${SD}/rounds/${p.roundId}/responses/2601/submission`);
    return p;
  },
  /** A period not frozen yet, so that each AGS user's freeze creates a version (201, not the current one's 200). */
  unfrozenPeriod: async (): Promise<Params> => ({ period: `${(snapshotYear -= 1)}-Q2` }),
  snapshot: async (t: ReportingTestApp) => ({
    id: (await call(t, 'ags.koordination', 'POST', '/api/v1/snapshots', { period: '2027-Q1' })).id,
  }),
};

// Columns: ib.solothurn, ib.olten, ib.hubersdorf, sr.olten, ags.koordination, ma.integration. The five other people
// of the realm follow from these exactly, which `s` writes for them:
// - sr.thal-gaeu as sr.olten: both hold the role sozialregion and see their own region's figures; no row's object is
//   in either region (the traced cell and the self-declarations are Solothurn's, 2601), so both are refused alike;
// - ags.finanzen as ags.koordination: it holds the role ags (ags-finanzen adds nothing that reporting asks for);
// - the providers (anbieter.vhs, anbieter.caritas) and the mentoring pool (mp.olten) have no task in reporting: no
//   route declares their roles, so every route refuses them by role (403). The roles check below holds all of it to
//   the roles each route declares.
const s = (a: number, b: number, c: number, d: number, e: number, f: number): Record<RealmUser, number> => ({
  'ib.solothurn': a,
  'ib.olten': b,
  'ib.hubersdorf': c,
  'sr.olten': d,
  'ags.koordination': e,
  'ma.integration': f,
  'sr.thal-gaeu': d,
  'ags.finanzen': e,
  'anbieter.vhs': 403,
  'anbieter.caritas': 403,
  'mp.olten': 403,
});
const EVERYONE = s(200, 200, 200, 200, 200, 200);
const AGS = s(403, 403, 403, 403, 200, 403);
const AGS_CREATES = s(403, 403, 403, 403, 201, 403);
const AGS_AND_IB = s(200, 200, 200, 403, 200, 403);
const SOLOTHURN_IB = s(200, 403, 403, 403, 403, 403);

const MATRIX: Record<string, Row & { query?: string }> = {
  'GET /api/v1/figures': { fixture: fx.none, query: '?period=2027-Q1', expect: EVERYONE },
  'GET /api/v1/figures/catalogue': { fixture: fx.none, expect: EVERYONE },
  'GET /api/v1/figures/export': { fixture: fx.none, query: '?period=2027-Q1&format=csv', expect: EVERYONE },
  'GET /api/v1/figures/kip': { fixture: fx.none, query: '?year=2027', expect: AGS },
  'GET /api/v1/figures/:figure/trace': {
    fixture: async () => ({ figure: 'first-information' }),
    query: '?period=2027-Q1&level=municipality&area=2601',
    expect: s(200, 403, 403, 403, 200, 403),
  },
  'GET /api/v1/snapshots': { fixture: fx.none, expect: AGS },
  'POST /api/v1/snapshots': {
    fixture: fx.unfrozenPeriod,
    body: (p) => ({ period: p['period'] }),
    expect: s(403, 403, 403, 403, 201, 403),
  },
  'GET /api/v1/snapshots/:id': { fixture: fx.snapshot, expect: AGS },
  'GET /api/v1/snapshots/:id/verification': { fixture: fx.snapshot, expect: AGS },
  'GET /api/v1/self-declarations/questionnaires': { fixture: fx.none, expect: AGS_AND_IB },
  'POST /api/v1/self-declarations/questionnaires': {
    fixture: fx.none,
    body: () => ({ ...definition, year: 2031 }),
    expect: AGS_CREATES,
  },
  'GET /api/v1/self-declarations/questionnaires/:id': { fixture: fx.draftQuestionnaire, expect: AGS_AND_IB },
  'PUT /api/v1/self-declarations/questionnaires/:id': {
    fixture: fx.draftQuestionnaire,
    body: () => definition,
    expect: AGS,
  },
  'POST /api/v1/self-declarations/questionnaires/:id/publication': { fixture: fx.draftQuestionnaire, expect: AGS },
  'GET /api/v1/self-declarations/rounds': { fixture: fx.none, expect: AGS_AND_IB },
  'POST /api/v1/self-declarations/rounds': {
    fixture: fx.published,
    body: (p) => ({ year: Number(p['year']), questionnaireId: p['questionnaireId'], deadline: '2099-12-31' }),
    expect: AGS_CREATES,
  },
  'GET /api/v1/self-declarations/rounds/:roundId/results': { fixture: fx.round, expect: AGS },
  'GET /api/v1/self-declarations/rounds/:roundId/reminders': { fixture: fx.round, expect: AGS },
  'GET /api/v1/self-declarations/rounds/:roundId/responses': { fixture: fx.round, expect: AGS_AND_IB },
  'GET /api/v1/self-declarations/rounds/:roundId/responses/:bfs': {
    fixture: fx.round,
    expect: s(200, 403, 403, 403, 200, 403),
  },
  'PUT /api/v1/self-declarations/rounds/:roundId/responses/:bfs': {
    fixture: fx.round,
    body: () => ({ answers }),
    expect: SOLOTHURN_IB,
  },
  'POST /api/v1/self-declarations/rounds/:roundId/responses/:bfs/submission': {
    fixture: fx.drafted,
    expect: SOLOTHURN_IB,
  },
  'POST /api/v1/self-declarations/rounds/:roundId/responses/:bfs/return': {
    fixture: fx.submitted,
    body: () => ({ comment: 'Bitte ergänzen' }),
    expect: AGS,
  },
  'POST /api/v1/self-declarations/rounds/:roundId/responses/:bfs/acceptance': {
    fixture: fx.submitted,
    body: () => ({}),
    expect: AGS,
  },
};

const fill = (path: string, params: Params) =>
  path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`fixture gives no ${name} for ${path}`);
    return String(params[name]);
  });

describe('access matrix: every route × every person of the demo realm', () => {
  let t: ReportingTestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await startReportingApp();
    const s1 = new CaseStory({ municipality: 2601 });
    await t.publish([s1.opened('2027-01-04'), s1.talk('2027-01-20')]);
    routes = routeTable(t.app).filter((r) => r.path.startsWith('/api/'));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every API route of the app and no row for a route that does not exist', () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('agrees with the roles each route declares, which the guard enforces and the OpenAPI document shows (x-roles)', () => {
    const doc = buildOpenApi(t.app, { title: service.title, description: service.description });
    const disagreements: string[] = [];
    for (const route of routes) {
      if (route.policy.kind !== 'roles') {
        disagreements.push(`${route.key}: declares no roles`);
        continue;
      }
      const declared = route.policy.roles;
      const operation = (
        doc.paths[route.path.replace(/:(\w+)/g, '{$1}')] as Record<string, { 'x-roles'?: unknown }> | undefined
      )?.[route.method.toLowerCase()];
      if (JSON.stringify(operation?.['x-roles']) !== JSON.stringify(declared))
        disagreements.push(`${route.key}: OpenAPI x-roles ${JSON.stringify(operation?.['x-roles'])}`);
      // A person without any declared role is refused by role (403) whatever the object; the matrix must say so.
      for (const user of REALM_USERS)
        if (!REALM_USER_ROLES[user].some((role) => declared.includes(role)) && MATRIX[route.key]?.expect[user] !== 403)
          disagreements.push(
            `${route.key} as ${user}: declared ${declared.join(', ')}, matrix ${MATRIX[route.key]?.expect[user]}`,
          );
    }
    expect(disagreements).toEqual([]);
  });

  it('answers 401 without a token on every API route', async () => {
    for (const route of routes) {
      const r = await t.call(
        null,
        route.method,
        fill(route.path, {
          id: '00000000-0000-4000-8000-000000000000',
          roundId: '00000000-0000-4000-8000-000000000000',
          bfs: '2601',
          figure: 'arrivals',
        }),
        route.method === 'GET' ? undefined : {},
      );
      expect({ route: route.key, status: r.status }).toEqual({ route: route.key, status: 401 });
    }
  });

  it('gives every person of the demo realm exactly the status the matrix says on every route', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const row = MATRIX[route.key];
      if (!row) throw new Error(`no matrix row for ${route.key}`);
      // Refused users first (they must change nothing), then each allowed user on a fresh fixture.
      const users = [...REALM_USERS].sort((a, b) => Number(row.expect[a] < 300) - Number(row.expect[b] < 300));
      let shared: Params | undefined;
      for (const user of users) {
        const allowed = row.expect[user] < 300;
        const params = allowed && route.method !== 'GET' ? await row.fixture(t) : (shared ??= await row.fixture(t));
        const r = await t.call(user, route.method, fill(route.path, params) + (row.query ?? ''), row.body?.(params));
        if (r.status !== row.expect[user])
          failures.push(
            `${route.key} as ${user}: expected ${row.expect[user]}, got ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`,
          );
        if (r.status >= 400 && !r.headers.get('content-type')?.includes('application/problem+json'))
          failures.push(`${route.key} as ${user}: ${r.status} is not problem+json`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("lets each Sozialregion trace its own municipalities' figures and refuses the other region's (2422 Balsthal in Thal-Gäu, 2581 Olten)", async () => {
    const trace = async (user: RealmUser, area: number) =>
      (
        await t.call(
          user,
          'GET',
          `/api/v1/figures/first-information/trace?period=2027-Q1&level=municipality&area=${area}`,
        )
      ).status;
    expect({
      thalGaeuOwn: await trace('sr.thal-gaeu', 2422),
      thalGaeuOlten: await trace('sr.thal-gaeu', 2581),
      oltenOwn: await trace('sr.olten', 2581),
      oltenThalGaeu: await trace('sr.olten', 2422),
    }).toEqual({ thalGaeuOwn: 200, thalGaeuOlten: 403, oltenOwn: 200, oltenThalGaeu: 403 });
  });
});
