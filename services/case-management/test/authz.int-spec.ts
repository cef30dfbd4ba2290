import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, routeTable, type Route } from '@si/testing';
import { REALM_USER_ROLES, REALM_USERS, type RealmUser } from '@si/service-testing';
import { openApiOf, startCaseApp, type CaseTestApp, type DemoUser } from './support/case-app.js';
import { bodies, caseUpToReport, openCase } from './support/case-flow.js';
import { baseDeliveryCompleted, daysAgo } from './support/person-events.js';

/**
 * The access matrix (DESIGN.md "tested for every endpoint"): every route of the running app, found in
 * Nest's route table, against every person of the demo realm (REALM_USERS), with the status written down here
 * by hand. A route that appears without a row fails the test, so a new route cannot ship untested.
 *
 * Scopes of the demo users: ib.solothurn 2601, ib.olten 2581, ib.hubersdorf 2548 (+ members, among
 * them 2545 Flumenthal), sr.olten the Sozialregion olten, sr.thal-gaeu the Sozialregion thal-gaeu,
 * ags.koordination AGS, ags.finanzen AGS with finance, ma.integration the Migrationsamt; anbieter.vhs and
 * anbieter.caritas are providers, mp.olten coordinates a mentoring pool. Fixtures live in Solothurn unless said
 * otherwise, so Olten and Hubersdorf must get 404 (not 403: a case outside one's scope does not exist for the
 * caller); no fixture is handed to Thal-Gäu, so it finds none (404) where Olten's region finds its hand-over.
 */
type Params = Record<string, string>;
type Fixture = (t: CaseTestApp) => Promise<Params>;

interface Row {
  /** Builds a fresh case in the state the route needs (per allowed user, so each success is real). */
  fixture: Fixture;
  body?: () => unknown;
  expect: Record<RealmUser, number>;
}

const ok = async (t: CaseTestApp, id: string, path: string, body: unknown, user: DemoUser = 'ib.solothurn') => {
  const r = await t.call(user, 'POST', `/api/v1/cases/${id}${path}`, body);
  if (r.status !== 200) throw new Error(`fixture ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

const fx = {
  none: async (): Promise<Params> => ({ bfs: '2601' }),
  fresh: async (t: CaseTestApp) => ({ id: (await openCase(t, { bfsNumber: 2601 })).caseId }),
  informed: async (t: CaseTestApp) => {
    const { caseId } = await openCase(t, { bfsNumber: 2601 });
    await ok(t, caseId, '/first-information/talk', bodies.talk());
    return { id: caseId };
  },
  referred: async (t: CaseTestApp) => {
    const { id } = await fx.informed(t);
    const b = await ok(t, id, '/referrals', bodies.referral());
    return { id: id, referralId: b.referrals[0].referralId };
  },
  talked: async (t: CaseTestApp) => {
    const { id } = await fx.informed(t);
    await ok(t, id, '/integration-talks', bodies.integrationTalk());
    return { id: id };
  },
  agreed: async (t: CaseTestApp) => {
    const { id } = await fx.talked(t);
    const b = await ok(t, id, '/agreements', bodies.agreement());
    return { id: id, agreementId: b.agreements[0].agreementId };
  },
  reviewedAgreement: async (t: CaseTestApp) => {
    const p = await fx.agreed(t);
    await ok(t, p.id, `/agreements/${p.agreementId}/review`, bodies.review());
    return p;
  },
  reported: async (t: CaseTestApp) => {
    const { caseId } = await openCase(t, { bfsNumber: 2601 });
    const { reportId } = await caseUpToReport(t, caseId);
    return { id: caseId, reportId };
  },
  maReviewed: async (t: CaseTestApp) => {
    const p = await fx.reported(t);
    await ok(t, p.id, `/migrationsamt-reports/${p.reportId}/review`, bodies.maReview(), 'ma.integration');
    return p;
  },
  suspended: async (t: CaseTestApp) => {
    const p = await fx.fresh(t);
    await ok(t, p.id, '/first-information-deadline/suspension', { since: daysAgo(2), reason: 'Auslandaufenthalt' });
    return p;
  },
  /** A complete base delivery of Solothurn (2601), so that its register check exists. */
  baseDelivery: async (t: CaseTestApp) => {
    await t.publish(
      'register.base-delivery-completed.v1',
      'municipality-2601',
      baseDeliveryCompleted(2601, `authz-${Date.now()}`, 0),
    );
    await eventually(async () =>
      expect((await t.call('ags.koordination', 'GET', '/api/v1/register-checks/2601')).status).toBe(200),
    );
    return { bfs: '2601' };
  },
  /** An Olten case offered to Sozialregion olten: read by ib.olten, sr.olten and AGS. */
  oltenHandover: async (t: CaseTestApp) => {
    const { caseId } = await openCase(t, { bfsNumber: 2581 });
    await ok(t, caseId, '/dfpa-handover', { reason: 'DFPA angezeigt' }, 'ib.olten');
    return { id: caseId };
  },
};

// Columns: ib.solothurn, ib.olten, ib.hubersdorf, sr.olten, ags.koordination, ma.integration, sr.thal-gaeu,
// ags.finanzen. The providers (anbieter.vhs, anbieter.caritas) and the mentoring pool (mp.olten) have no task in
// case management: no route declares their roles, so every route refuses them by role (403), which `s` writes for
// them (the roles check below holds the matrix to that).
const s = (
  a: number,
  b: number,
  c: number,
  d: number,
  e: number,
  f: number,
  g: number,
  h: number,
): Record<RealmUser, number> => ({
  'ib.solothurn': a,
  'ib.olten': b,
  'ib.hubersdorf': c,
  'sr.olten': d,
  'ags.koordination': e,
  'ma.integration': f,
  'sr.thal-gaeu': g,
  'ags.finanzen': h,
  'anbieter.vhs': 403,
  'anbieter.caritas': 403,
  'mp.olten': 403,
});
const IB_ONLY = s(200, 404, 404, 403, 403, 403, 403, 403);

let periodYear = 2021;

const MATRIX: Record<string, Row> = {
  'GET /api/v1/cases': { fixture: fx.none, expect: s(200, 200, 200, 200, 200, 200, 200, 200) },
  'GET /api/v1/cases/:id': { fixture: fx.oltenHandover, expect: s(404, 200, 404, 200, 200, 404, 404, 200) },
  'GET /api/v1/register-checks/:bfs': { fixture: fx.baseDelivery, expect: s(200, 403, 403, 403, 200, 403, 403, 200) },
  'POST /api/v1/cases/:id/first-information/info-folder': {
    fixture: fx.fresh,
    body: () => ({ handedOutOn: daysAgo(1), language: 'tir' }),
    expect: IB_ONLY,
  },
  'POST /api/v1/cases/:id/first-information/talk': { fixture: fx.fresh, body: () => bodies.talk(), expect: IB_ONLY },
  'POST /api/v1/cases/:id/first-information/no-shows': {
    fixture: fx.fresh,
    body: () => ({ missedOn: daysAgo(1) }),
    expect: IB_ONLY,
  },
  'POST /api/v1/cases/:id/first-information/refusal': {
    fixture: fx.fresh,
    body: () => ({ on: daysAgo(1), note: 'Lehnt ab' }),
    expect: IB_ONLY,
  },
  'POST /api/v1/cases/:id/referrals': { fixture: fx.informed, body: () => bodies.referral(), expect: IB_ONLY },
  'POST /api/v1/cases/:id/referrals/:referralId/status': {
    fixture: fx.referred,
    body: () => ({ status: 'agreed', on: daysAgo(0) }),
    expect: IB_ONLY,
  },
  'POST /api/v1/cases/:id/integration-talks': {
    fixture: fx.informed,
    body: () => bodies.integrationTalk(),
    expect: IB_ONLY,
  },
  'POST /api/v1/cases/:id/abs2-considerations': {
    fixture: fx.talked,
    expect: IB_ONLY,
    body: () => ({
      considered: true,
      disability: false,
      illness: true,
      otherWeightyCircumstances: false,
      assessment: 'Chronische Krankheit gewürdigt',
      on: daysAgo(0),
    }),
  },
  'POST /api/v1/cases/:id/agreements': { fixture: fx.talked, body: () => bodies.agreement(), expect: IB_ONLY },
  'POST /api/v1/cases/:id/agreements/:agreementId/review': {
    fixture: fx.agreed,
    body: () => bodies.review('fulfilled'),
    expect: IB_ONLY,
  },
  'POST /api/v1/cases/:id/migrationsamt-reports': {
    fixture: fx.reviewedAgreement,
    expect: IB_ONLY,
    body: () => ({
      reportedOn: daysAgo(0),
      reason: { kind: 'integration-refused', statement: 'Verweigert die Mitwirkung' },
    }),
  },
  // The Migrationsamt reaches reported cases only; the IB may not take its steps (403 by role).
  'POST /api/v1/cases/:id/migrationsamt-reports/:reportId/review': {
    fixture: fx.reported,
    body: () => bodies.maReview(),
    expect: s(403, 403, 403, 403, 403, 200, 403, 403),
  },
  'POST /api/v1/cases/:id/migrationsamt-reports/:reportId/decision': {
    fixture: fx.maReviewed,
    body: () => bodies.bindingDecision(),
    expect: s(403, 403, 403, 403, 403, 200, 403, 403),
  },
  'POST /api/v1/cases/:id/family-of-swiss': {
    fixture: fx.reported,
    body: () => ({ familyOfSwiss: false, reason: 'Geprüft' }),
    expect: s(200, 404, 404, 403, 403, 200, 403, 403),
  },
  'POST /api/v1/cases/:id/dfpa-handover': {
    fixture: fx.fresh,
    body: () => ({ reason: 'DFPA angezeigt' }),
    expect: s(200, 404, 404, 403, 200, 403, 403, 200),
  },
  'POST /api/v1/cases/:id/first-information-deadline/suspension': {
    fixture: fx.fresh,
    body: () => ({ since: daysAgo(1), reason: 'Spital' }),
    expect: s(200, 404, 404, 403, 200, 403, 403, 200),
  },
  'POST /api/v1/cases/:id/first-information-deadline/resumption': {
    fixture: fx.suspended,
    body: () => ({ on: daysAgo(0) }),
    expect: s(200, 404, 404, 403, 200, 403, 403, 200),
  },
  'POST /api/v1/cases/:id/first-information-deadline/extension': {
    fixture: fx.fresh,
    body: () => ({ to: daysAgo(-300), reason: 'Kurs im Ausland' }),
    expect: s(200, 404, 404, 403, 200, 403, 403, 200),
  },
  'POST /api/v1/cases/:id/closure': {
    fixture: fx.fresh,
    body: () => ({ on: daysAgo(0), note: 'Fall erledigt' }),
    expect: IB_ONLY,
  },
  'GET /api/v1/organisation/municipalities': { fixture: fx.none, expect: s(200, 200, 200, 403, 200, 403, 403, 200) },
  'GET /api/v1/organisation/municipalities/:bfs/periods': {
    fixture: fx.none,
    expect: s(200, 200, 200, 403, 200, 403, 403, 200),
  },
  'POST /api/v1/organisation/municipalities/:bfs/periods': {
    fixture: async () => ({ bfs: '2549' }),
    expect: s(403, 403, 403, 403, 200, 403, 403, 200),
    // Periods are append-only (R29): each call starts a year later, so each AGS user's success is a real new period.
    body: () => ({
      model: 'leitgemeinde',
      leitgemeinde: 2548,
      validFrom: `${(periodYear += 1)}-01-01`,
      reason: 'Zusammenarbeitsvertrag Unterleberberg',
    }),
  },
};

const fill = (path: string, params: Params) =>
  path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`fixture gives no ${name} for ${path}`);
    return String(params[name]);
  });

describe('access matrix: every route × every person of the demo realm', () => {
  let t: CaseTestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await startCaseApp();
    routes = routeTable(t.app).filter((r) => r.path.startsWith('/api/'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every API route of the app and no row for a route that does not exist', () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('agrees with the roles each route declares, which the guard enforces and the OpenAPI document shows (x-roles)', () => {
    const doc = openApiOf(t.app);
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
      // A user without any declared role is refused by role (403) whatever the object; the matrix must say so.
      for (const user of REALM_USERS) {
        if (!REALM_USER_ROLES[user].some((role) => declared.includes(role)) && MATRIX[route.key]?.expect[user] !== 403)
          disagreements.push(
            `${route.key} as ${user}: declared ${declared.join(', ')}, matrix ${MATRIX[route.key]?.expect[user]}`,
          );
      }
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
          referralId: 'x',
          agreementId: 'x',
          reportId: 'x',
          bfs: '2601',
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
        const r = await t.call(user, route.method, fill(route.path, params), row.body?.());
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

  it("answers a case outside the caller's scope exactly like a case that does not exist (no existence leak)", async () => {
    const { caseId } = await openCase(t, { bfsNumber: 2601 });
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined, correlationId: undefined });
    const foreign = await t.call('ib.olten', 'GET', `/api/v1/cases/${caseId}`);
    const missing = await t.call('ib.olten', 'GET', '/api/v1/cases/3f2b8c1e-6a4d-4e0b-9c7a-5d1e2f3a4b5c');
    expect(foreign.status).toBe(404);
    expect(strip(foreign.body)).toEqual(strip(missing.body));
    const action = await t.call('ib.olten', 'POST', `/api/v1/cases/${caseId}/first-information/no-shows`, {
      missedOn: daysAgo(1),
    });
    expect(strip(action.body)).toEqual(strip(missing.body));
  });

  it('lists no case of another tenant to anyone (work lists per scope)', async () => {
    const flumenthal = await openCase(t, { bfsNumber: 2545, officialName: 'Leakcheck' });
    const solothurn = await openCase(t, { bfsNumber: 2601, officialName: 'Leakcheck' });
    const olten = await openCase(t, { bfsNumber: 2581, officialName: 'Leakcheck' });
    await ok(t, olten.caseId, '/dfpa-handover', { reason: 'DFPA' }, 'ib.olten');
    const reported = await fx.reported(t);
    const seen = async (user: RealmUser) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const r = await t.call(user, 'GET', `/api/v1/cases?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.status).toBe(200);
        ids.push(...r.body.items.map((i: { id: string }) => i.id));
        for (const item of r.body.items) if (user.startsWith('ags.')) expect(item.person).toBeNull();
        cursor = r.body.nextCursor;
      } while (cursor);
      return ids;
    };
    const municipalities = async (user: DemoUser) => {
      const ids = await seen(user);
      const { rows } = await t.sql.query('SELECT DISTINCT municipality FROM case_record WHERE case_id = ANY($1)', [
        ids,
      ]);
      return rows.map((r: { municipality: number }) => r.municipality).sort();
    };
    expect(await municipalities('ib.solothurn')).toEqual([2601]);
    expect(await municipalities('ib.olten')).toEqual([2581]);
    expect(await municipalities('ib.hubersdorf')).toEqual([2545]);
    const sr = await seen('sr.olten');
    const { rows: handed } = await t.sql.query(`SELECT case_id FROM case_record WHERE handover_sozialregion = 'olten'`);
    expect(sr.sort()).toEqual(handed.map((r: { case_id: string }) => r.case_id).sort());
    // No case was handed to Thal-Gäu: it sees none of Olten's.
    expect(await seen('sr.thal-gaeu')).toEqual([]);
    const ma = await seen('ma.integration');
    const { rows: reportedRows } = await t.sql.query('SELECT case_id FROM case_record WHERE reported');
    expect(ma.sort()).toEqual(reportedRows.map((r: { case_id: string }) => r.case_id).sort());
    expect(ma).toContain(reported.id);
    for (const ags of ['ags.koordination', 'ags.finanzen'] as const)
      expect(await seen(ags)).toEqual(expect.arrayContaining([flumenthal.caseId, solothurn.caseId, olten.caseId]));
  });
});
