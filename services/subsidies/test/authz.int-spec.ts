import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, routeTable } from '@si/testing';
import {
  FI,
  firstInformation,
  startSubsidiesApp,
  USERS,
  type SubsidiesTestApp,
  type User,
} from './support/subsidies-app.js';
import { camt054 } from './support/camt054.js';

/**
 * The access matrix (DESIGN.md "tested for every endpoint"): every route of the running app, found in Nest's
 * route table, against every demo user including ags.finanzen, with the status written down by hand. A route
 * without a row fails the test. Fixtures are claims of Solothurn (2601): Olten and Hubersdorf get 404 (a claim
 * outside one's scope does not exist for the caller); roles that may not take a step get 403.
 */
type Params = Record<string, string>;

interface Row {
  fixture: (t: SubsidiesTestApp) => Promise<Params>;
  body?: () => unknown;
  /** A raw XML body instead of JSON (the bank's camt.054). */
  xml?: () => string;
  expect: Record<User, number>;
}

// Columns: ib.solothurn, ib.olten, ib.hubersdorf, sr.olten, ags.koordination, ags.finanzen, ma.integration. The other demo users
// (a second Sozialregion, two offer providers, a Mentoring-Pool coordinator) hold no role of this service: 403 everywhere.
const s = (a: number, b: number, c: number, d: number, e: number, f: number, g: number): Record<User, number> => ({
  'ib.solothurn': a,
  'ib.olten': b,
  'ib.hubersdorf': c,
  'sr.olten': d,
  'ags.koordination': e,
  'ags.finanzen': f,
  'ma.integration': g,
  'sr.thal-gaeu': 403,
  'anbieter.vhs': 403,
  'anbieter.caritas': 403,
  'mp.olten': 403,
});
const READ_ALL = s(200, 200, 200, 403, 200, 200, 403);
const AGS = s(403, 403, 403, 403, 200, 200, 403);
const FINANCE = s(403, 403, 403, 403, 403, 200, 403);
const OWN_IB = s(200, 404, 404, 403, 403, 403, 403);

let year = 2040;

/** A fresh claim of Solothurn in its own year, drafted by the claim run and taken to `status`. */
async function claimIn(
  t: SubsidiesTestApp,
  status: 'draft' | 'submitted' | 'checked' | 'approved' | 'exported',
): Promise<Params> {
  year += 1;
  const data = firstInformation({ municipality: 2601, on: `${year}-02-01` });
  await t.publish(FI, data.caseId, data);
  await eventually(
    async () =>
      expect((await t.as('ags.koordination', 'GET', `/api/v1/ledger?period=${year}-Q1`)).body.items).toHaveLength(1),
    { timeoutMs: 15_000 },
  );
  t.clock.day = `${year}-04-01`;
  await t.as('ags.koordination', 'POST', '/api/v1/claim-runs');
  const [claim] = (await t.as('ags.koordination', 'GET', `/api/v1/claims?municipality=2601&period=${year}-Q1`)).body;
  const id = claim.id as string;
  const step = async (user: User, path: string) => {
    const r = await t.as(user, 'POST', `/api/v1/claims/${id}${path}`, {});
    if (r.status !== 200 && r.status !== 201) throw new Error(`fixture ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const order = ['submitted', 'checked', 'approved', 'exported'];
  const reach = order.indexOf(status) + 1;
  if (reach >= 1) await step('ib.solothurn', '/submit');
  if (reach >= 2) await step('ags.koordination', '/check');
  if (reach >= 3) await step('ags.finanzen', '/approve');
  let exportId = '';
  if (reach >= 4) {
    const r = await t.as('ags.finanzen', 'POST', '/api/v1/exports');
    exportId = r.body.id;
  }
  return {
    id,
    entryId: String((await t.as('ags.koordination', 'GET', `/api/v1/claims/${id}`)).body.lines[0].entryId),
    exportId,
    year: String(year),
  };
}

const fx = {
  none: async (): Promise<Params> => ({ year: '2027', bfs: '2601' }),
  freshYear: async (): Promise<Params> => ({ year: String(2100 + Math.floor(Math.random() * 800)) }),
  draft: (t: SubsidiesTestApp) => claimIn(t, 'draft'),
  submitted: (t: SubsidiesTestApp) => claimIn(t, 'submitted'),
  checked: (t: SubsidiesTestApp) => claimIn(t, 'checked'),
  approved: (t: SubsidiesTestApp) => claimIn(t, 'approved'),
  exported: (t: SubsidiesTestApp) => claimIn(t, 'exported'),
  exportFile: async (t: SubsidiesTestApp) => ({ id: (await claimIn(t, 'exported')).exportId! }),
};

const tariff = () => ({
  item: 'interpreter',
  validFrom: '2099-01-01',
  amountRappen: 9000,
  placeholder: true,
  reference: 'Matrix',
  reason: 'Matrix',
});
const payee = () => ({
  name: 'Einwohnergemeinde Solothurn',
  iban: 'CH1409000026010000001',
  creditorNo: 'K002601',
  street: 'Baseltor',
  postCode: '4500',
  town: 'Solothurn',
});

const MATRIX: Record<string, Row> = {
  'GET /api/v1/tariffs': { fixture: fx.none, expect: READ_ALL },
  'POST /api/v1/tariffs': { fixture: fx.none, body: tariff, expect: s(403, 403, 403, 403, 201, 201, 403) },
  'GET /api/v1/ledger': { fixture: fx.none, expect: READ_ALL },
  'GET /api/v1/ledger/refusals': { fixture: fx.none, expect: READ_ALL },
  'GET /api/v1/claim-periods/:year': { fixture: fx.none, expect: READ_ALL },
  'PUT /api/v1/claim-periods/:year': {
    fixture: fx.freshYear,
    body: () => ({ months: 6 }),
    expect: s(403, 403, 403, 403, 200, 200, 403),
  },
  'POST /api/v1/claim-runs': { fixture: fx.none, expect: AGS },
  'GET /api/v1/claims': { fixture: fx.none, expect: READ_ALL },
  'GET /api/v1/claims/:id': { fixture: fx.draft, expect: s(200, 404, 404, 403, 200, 200, 403) },
  'POST /api/v1/claims/:id/lines/:entryId/dispute': {
    fixture: fx.draft,
    body: () => ({ reason: 'Matrix' }),
    expect: OWN_IB,
  },
  'POST /api/v1/claims/:id/submit': { fixture: fx.draft, expect: OWN_IB },
  'POST /api/v1/claims/:id/check': { fixture: fx.submitted, body: () => ({}), expect: AGS },
  // ags.koordination checked it: approving is refused by the four eyes and the finance role (S6).
  'POST /api/v1/claims/:id/approve': { fixture: fx.checked, body: () => ({}), expect: FINANCE },
  'POST /api/v1/claims/:id/return': { fixture: fx.submitted, body: () => ({ comment: 'Matrix' }), expect: AGS },
  'GET /api/v1/payees': { fixture: fx.none, expect: AGS },
  'PUT /api/v1/payees/:bfs': { fixture: fx.none, body: payee, expect: FINANCE },
  'POST /api/v1/exports': { fixture: fx.approved, expect: s(403, 403, 403, 403, 403, 201, 403) },
  'GET /api/v1/exports': { fixture: fx.none, expect: AGS },
  'GET /api/v1/exports/:id/booking.csv': { fixture: fx.exportFile, expect: AGS },
  'GET /api/v1/exports/:id/pain001.xml': { fixture: fx.exportFile, expect: AGS },
  'POST /api/v1/claims/:id/payment': { fixture: fx.exported, body: () => ({ paidOn: '2041-05-01' }), expect: FINANCE },
  'POST /api/v1/payment-notifications': {
    fixture: fx.none,
    xml: () => camt054({ entries: [] }),
    expect: s(403, 403, 403, 403, 403, 200, 403),
  },
  'GET /api/v1/budget/:year': { fixture: fx.none, expect: AGS },
  'PUT /api/v1/budget/:year': {
    fixture: fx.none,
    body: () => ({ amountRappen: 100_000_000, warnPercent: [80] }),
    expect: FINANCE,
  },
};

describe('access matrix: every route × every demo user', () => {
  let t: SubsidiesTestApp;
  beforeAll(async () => {
    t = await startSubsidiesApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every route of the app and no row without a route', () => {
    const routes = routeTable(t.app)
      .map((r) => r.key)
      .filter((k) => k.includes('/api/v1/'));
    expect(Object.keys(MATRIX).sort()).toEqual(routes.sort());
  });

  it('agrees with the roles each route declares: a user holding none of them is refused 403 in the matrix', () => {
    const rolesOf: Record<User, string[]> = {
      'ib.solothurn': ['gemeinde'],
      'ib.olten': ['gemeinde'],
      'ib.hubersdorf': ['gemeinde'],
      'sr.olten': ['sozialregion'],
      'ags.koordination': ['ags'],
      'ags.finanzen': ['ags', 'ags-finanzen'],
      'ma.integration': ['migrationsamt'],
      'sr.thal-gaeu': ['sozialregion'],
      'anbieter.vhs': ['anbieter'],
      'anbieter.caritas': ['anbieter'],
      'mp.olten': ['mentoring-koordination'],
    };
    for (const route of routeTable(t.app).filter((r) => r.key.includes('/api/v1/'))) {
      expect({ route: route.key, kind: route.policy.kind }).toEqual({ route: route.key, kind: 'roles' });
      const declared = route.policy.kind === 'roles' ? route.policy.roles : [];
      for (const user of USERS) {
        if (!rolesOf[user].some((r) => (declared as readonly string[]).includes(r))) {
          expect({ route: route.key, user, status: MATRIX[route.key]?.expect[user] }).toEqual({
            route: route.key,
            user,
            status: 403,
          });
        }
      }
    }
  });

  it('answers 401 without a token on every route', async () => {
    for (const key of Object.keys(MATRIX)) {
      const [method, path] = key.split(' ') as [string, string];
      const r = await t.call(null, method, path.replace(/:[a-zA-Z]+/g, '1'));
      expect({ key, status: r.status }).toEqual({ key, status: 401 });
    }
  });

  it.each(Object.keys(MATRIX))(
    '%s',
    async (key) => {
      const row = MATRIX[key]!;
      const [method, template] = key.split(' ') as [string, string];
      const path = (p: Params) => template.replace(/:([a-zA-Z]+)/g, (_, name: string) => p[name] ?? '1');
      let shared: Params | undefined;
      const actual: Partial<Record<User, number>> = {};
      for (const user of USERS) {
        // A success must be real: each allowed user gets a fresh object in the right state.
        const allowed = row.expect[user] < 300;
        const params = allowed ? await row.fixture(t) : (shared ??= await row.fixture(t));
        const r = row.xml
          ? await t.send(user, method, path(params), row.xml(), 'application/xml')
          : await t.as(user, method, path(params), row.body?.() ?? (method === 'GET' ? undefined : {}));
        actual[user] = r.status;
        if (r.status >= 400) expect(r.headers.get('content-type')).toContain('application/problem+json');
      }
      expect(actual).toEqual(row.expect);
    },
    120_000,
  );
});
