import { randomUUID } from 'node:crypto';
import type { RealmRole } from '@si/auth';
import { eventually, routeTable, type Route } from '@si/testing';
import { OFFERS_USERS, startOffersApp, type OffersTestApp, type OffersUser } from './support/offers-app.js';
import { offerBody, providerBody } from './support/offer-bodies.js';
import { referralMade } from './support/case-events.js';
import { mentorBody, requestBody } from './support/mentoring-bodies.js';

/**
 * The access matrix: every route of the running app (Nest's route table) × every demo user, with the status written
 * down by hand. A route without a row fails, so a new route cannot ship untested.
 *
 * Scopes: ib.solothurn 2601, ib.olten 2581, ib.hubersdorf 2548 and members, sr.olten the region olten, ags.koordination
 * AGS, ma.integration the Migrationsamt, anbieter.vhs the provider vhs-solothurn, anbieter.caritas caritas-solothurn,
 * mp.olten the Mentoring-Pool olten. Offer fixtures belong to vhs-solothurn and are held in Solothurn (2601).
 */
type Params = Record<string, string>;
type Fixture = (t: OffersTestApp) => Promise<Params>;
interface Row {
  fixture: Fixture;
  body?: () => unknown;
  expect: Record<OffersUser, number>;
}

const REALM_ROLE: Record<OffersUser, RealmRole> = {
  'ib.solothurn': 'gemeinde',
  'ib.olten': 'gemeinde',
  'ib.hubersdorf': 'gemeinde',
  'sr.olten': 'sozialregion',
  'ags.koordination': 'ags',
  'ma.integration': 'migrationsamt',
  'anbieter.vhs': 'anbieter',
  'anbieter.caritas': 'anbieter',
  'mp.olten': 'mentoring-koordination',
};

/** Statuses in the order of OFFERS_USERS. */
function s(...statuses: number[]): Record<OffersUser, number> {
  return Object.fromEntries(OFFERS_USERS.map((u, i) => [u, statuses[i]])) as Record<OffersUser, number>;
}

async function offerIn(t: OffersTestApp, status: 'draft' | 'in-review' | 'published'): Promise<string> {
  const id = (await t.call('anbieter.vhs', 'POST', '/api/v1/offers', offerBody())).body.id as string;
  if (status !== 'draft') await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${id}/submit`);
  if (status === 'published') await t.call('ags.koordination', 'POST', `/api/v1/offers/${id}/publish`);
  return id;
}

async function tandemIn(t: OffersTestApp, status: 'proposed' | 'active'): Promise<string> {
  const mentorId = (
    await t.call('mp.olten', 'POST', '/api/v1/mentoring/pools/olten/mentors', mentorBody('Anna Keller'))
  ).body.id;
  const requestId = (await t.call('ib.olten', 'POST', '/api/v1/mentoring/requests', requestBody())).body.id;
  const id = (await t.call('mp.olten', 'POST', '/api/v1/mentoring/tandems', { requestId, mentorId })).body.id as string;
  if (status === 'active')
    await t.call('mp.olten', 'POST', `/api/v1/mentoring/tandems/${id}/activate`, { on: '2026-11-01' });
  return id;
}

const fx = {
  none: async () => ({}),
  draft: async (t: OffersTestApp) => ({ id: await offerIn(t, 'draft') }),
  inReview: async (t: OffersTestApp) => ({ id: await offerIn(t, 'in-review') }),
  published: async (t: OffersTestApp) => ({ id: await offerIn(t, 'published') }),
  provider: async () => ({ id: 'vhs-solothurn' }),
  pool: async () => ({ pool: 'olten' }),
  request: async (t: OffersTestApp) => ({
    id: (await t.call('ib.olten', 'POST', '/api/v1/mentoring/requests', requestBody())).body.id,
  }),
  proposal: async (t: OffersTestApp) => {
    const mentorId = (
      await t.call('mp.olten', 'POST', '/api/v1/mentoring/pools/olten/mentors', mentorBody('Beate Kunz'))
    ).body.id;
    const requestId = (await t.call('ib.olten', 'POST', '/api/v1/mentoring/requests', requestBody())).body.id;
    return { requestId, mentorId };
  },
  proposed: async (t: OffersTestApp) => ({ id: await tandemIn(t, 'proposed') }),
  active: async (t: OffersTestApp) => ({ id: await tandemIn(t, 'active') }),
  referral: async (t: OffersTestApp) => {
    const data = referralMade(await offerIn(t, 'published'));
    await t.publish('case.referral-made.v1', data.caseId, data);
    await eventually(async () => {
      const found = (await t.call('ags.koordination', 'GET', '/api/v1/referrals')).body.items.some(
        (r: { referralId: string }) => r.referralId === data.referralId,
      );
      if (!found) throw new Error('referral not there yet');
    });
    return { referralId: data.referralId };
  },
};

//                       ib.so ib.ol ib.hu sr.ol  ags   ma  vhs  car   mp
const ALL_200 = s(200, 200, 200, 200, 200, 200, 200, 200, 200);
const POOL_ONLY = (ok: number) => s(403, 403, 403, 403, 403, 403, 403, 403, ok);
const MATRIX: Record<string, Row> = {
  'GET /api/v1/public/offers': { fixture: fx.none, expect: ALL_200 },
  'GET /api/v1/public/offers/:id': { fixture: fx.published, expect: ALL_200 },
  'POST /api/v1/offers': {
    fixture: fx.none,
    body: () => ({ ...offerBody(), providerId: 'vhs-solothurn' }),
    expect: s(403, 403, 403, 403, 201, 403, 201, 201, 403),
  },
  'GET /api/v1/offers': { fixture: fx.none, expect: s(200, 200, 200, 403, 200, 403, 200, 200, 403) },
  'GET /api/v1/offers/:id': { fixture: fx.draft, expect: s(200, 404, 404, 403, 200, 403, 200, 404, 403) },
  'PUT /api/v1/offers/:id': {
    fixture: fx.draft,
    body: () => offerBody(),
    expect: s(403, 404, 404, 403, 200, 403, 200, 404, 403),
  },
  'POST /api/v1/offers/:id/submit': { fixture: fx.draft, expect: s(403, 404, 404, 403, 200, 403, 200, 404, 403) },
  'POST /api/v1/offers/:id/publish': { fixture: fx.inReview, expect: s(200, 404, 404, 403, 200, 403, 403, 404, 403) },
  'POST /api/v1/offers/:id/send-back': {
    fixture: fx.inReview,
    body: () => ({ comment: 'Bitte ergänzen.' }),
    expect: s(403, 404, 404, 403, 200, 403, 403, 404, 403),
  },
  'POST /api/v1/offers/:id/withdraw': { fixture: fx.published, expect: s(403, 404, 404, 403, 200, 403, 200, 404, 403) },
  'POST /api/v1/offers/:id/confirm': { fixture: fx.published, expect: s(403, 404, 404, 403, 200, 403, 200, 404, 403) },
  'GET /api/v1/curation/offers': { fixture: fx.none, expect: s(403, 403, 403, 403, 200, 403, 403, 403, 403) },
  'POST /api/v1/providers': {
    fixture: fx.none,
    body: () => providerBody(`p-${randomUUID().slice(0, 8)}`),
    expect: s(403, 403, 403, 403, 201, 403, 403, 403, 403),
  },
  'GET /api/v1/providers': { fixture: fx.none, expect: s(403, 403, 403, 403, 200, 403, 403, 403, 403) },
  'GET /api/v1/providers/:id': { fixture: fx.provider, expect: s(403, 403, 403, 403, 200, 403, 200, 404, 403) },
  'PUT /api/v1/providers/:id': {
    fixture: fx.provider,
    body: () => {
      const { id: _id, ...rest } = providerBody('vhs-solothurn');
      return rest;
    },
    expect: s(403, 403, 403, 403, 200, 403, 200, 404, 403),
  },
  'GET /api/v1/referrals': { fixture: fx.none, expect: s(403, 403, 403, 403, 200, 403, 200, 200, 403) },
  'POST /api/v1/referrals/:referralId/participation': {
    fixture: fx.referral,
    body: () => ({ step: 'enrolled', on: '2026-11-25' }),
    expect: s(403, 403, 403, 403, 403, 403, 200, 403, 403),
  },
  'POST /api/v1/mentoring/pools/:pool/mentors': {
    fixture: fx.pool,
    body: () => mentorBody('Clara Meyer'),
    expect: POOL_ONLY(201),
  },
  'GET /api/v1/mentoring/pools/:pool/mentors': { fixture: fx.pool, expect: POOL_ONLY(200) },
  'POST /api/v1/mentoring/requests': {
    fixture: fx.none,
    body: () => requestBody(),
    expect: s(403, 201, 403, 201, 403, 403, 403, 403, 201),
  },
  'GET /api/v1/mentoring/pools/:pool/requests': { fixture: fx.pool, expect: POOL_ONLY(200) },
  'GET /api/v1/mentoring/requests/:id/suggestions': { fixture: fx.request, expect: POOL_ONLY(200) },
  'GET /api/v1/mentoring/pools/:pool/assignment': { fixture: fx.pool, expect: POOL_ONLY(200) },
  'GET /api/v1/mentoring/pools/:pool/tandems': { fixture: fx.pool, expect: POOL_ONLY(200) },
  'POST /api/v1/mentoring/tandems': { fixture: fx.proposal, body: undefined, expect: POOL_ONLY(201) },
  'POST /api/v1/mentoring/tandems/:id/activate': {
    fixture: fx.proposed,
    body: () => ({ on: '2026-11-01' }),
    expect: POOL_ONLY(200),
  },
  'POST /api/v1/mentoring/tandems/:id/decline': {
    fixture: fx.proposed,
    body: () => ({ on: '2026-11-01' }),
    expect: POOL_ONLY(200),
  },
  'POST /api/v1/mentoring/tandems/:id/check-ins': {
    fixture: fx.active,
    body: () => ({ on: '2026-11-15', note: 'gut' }),
    expect: POOL_ONLY(200),
  },
  'POST /api/v1/mentoring/tandems/:id/end': {
    fixture: fx.active,
    body: () => ({ on: '2026-11-20', reason: 'completed', outcome: 'goals-reached' }),
    expect: POOL_ONLY(200),
  },
};

const fill = (path: string, params: Params) =>
  path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`fixture gives no ${name} for ${path}`);
    return String(params[name]);
  });

describe('offers access matrix: every route × every demo user', () => {
  let t: OffersTestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await startOffersApp({ config: { publicRateLimit: 10_000 } });
    for (const id of ['vhs-solothurn', 'caritas-solothurn'])
      await t.call('ags.koordination', 'POST', '/api/v1/providers', providerBody(id));
    routes = routeTable(t.app).filter((r) => r.path.startsWith('/api/'));
  }, 60_000);
  afterAll(() => t?.close());

  it('has a row for every API route and no row for a route that does not exist', () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('agrees with the roles each route declares; only the public search is open', () => {
    const disagreements: string[] = [];
    for (const route of routes) {
      if (route.policy.kind === 'public') {
        if (!route.path.startsWith('/api/v1/public/')) disagreements.push(`${route.key} is public`);
        continue;
      }
      if (route.policy.kind !== 'roles') {
        disagreements.push(`${route.key}: declares no roles`);
        continue;
      }
      for (const user of OFFERS_USERS) {
        if (!route.policy.roles.includes(REALM_ROLE[user]) && MATRIX[route.key]?.expect[user] !== 403)
          disagreements.push(`${route.key} as ${user}: matrix ${MATRIX[route.key]?.expect[user]}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('answers 401 without a token on every route that is not public', async () => {
    const ids = { id: '00000000-0000-4000-8000-000000000000', referralId: 'x', pool: 'olten' };
    for (const route of routes.filter((r) => r.policy.kind !== 'public')) {
      const r = await t.call(null, route.method, fill(route.path, ids), route.method === 'GET' ? undefined : {});
      expect({ route: route.key, status: r.status }).toEqual({ route: route.key, status: 401 });
    }
  });

  it('gives every demo user exactly the status the matrix says on every route', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const row = MATRIX[route.key];
      if (!row) throw new Error(`no matrix row for ${route.key}`);
      const users = [...OFFERS_USERS].sort((a, b) => Number(row.expect[a] < 300) - Number(row.expect[b] < 300));
      let shared: Params | undefined;
      for (const user of users) {
        const allowed = row.expect[user] < 300;
        const params = allowed && route.method !== 'GET' ? await row.fixture(t) : (shared ??= await row.fixture(t));
        const body = row.body?.() ?? (route.key === 'POST /api/v1/mentoring/tandems' ? params : undefined);
        const r = await t.call(user, route.method, fill(route.path, params), body);
        if (r.status !== row.expect[user])
          failures.push(
            `${route.key} as ${user}: expected ${row.expect[user]}, got ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`,
          );
        if (r.status >= 400 && !r.headers.get('content-type')?.includes('application/problem+json'))
          failures.push(`${route.key} as ${user}: ${r.status} is not problem+json`);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('audits every read of personal data (mentors, referrals, suggestions) with who and what', async () => {
    const rows = (
      await t.sql.query(`SELECT DISTINCT action FROM audit_record WHERE outcome = 'granted' ORDER BY action`)
    ).rows.map((r: { action: string }) => r.action);
    expect(rows).toEqual(
      expect.arrayContaining([
        'mentor.create',
        'mentor.list',
        'mentor.suggest',
        'mentor.assign-proposal',
        'referral.list',
        'referral.confirm',
        'mentoring-request.create',
        'tandem.propose',
        'tandem.activate',
        'tandem.end',
      ]),
    );
  });
});
