import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateEventDelivery } from '../src/ech/generator/delivery-generator.js';
import { DEFAULT_TARGET_GROUP_RULE } from '../src/rules/target-group-default.rule.js';
import { readFileSync } from 'node:fs';
import { REALM_USER_ROLES } from '@si/service-testing';
import { CALLERS, startIntakeApp, type IntakeCaller, type IntakeTestApp, type Response } from './support/intake-app.js';
import type { RealmRole } from '@si/auth';
import { buildOpenApi } from '@si/http';
import { repoRoot, routeTable } from '@si/testing';
import { definition } from '../src/service.definition.js';

/**
 * The access matrix (DESIGN.md: tested for every endpoint): every route of the running app, read from Nest's route
 * table, against every person of the demo realm (REALM_USERS) and the register connector, with the expected status
 * written down by hand. A
 * route without a row fails the test, so a new route cannot ship untested. Deliveries outside a caller's scope
 * answer 404 (they do not exist for the caller), routes the caller's role does not open 403.
 *
 * Scopes: ib.solothurn 2601, ib.olten 2581, ib.hubersdorf 2548 and members; sr.olten and sr.thal-gaeu
 * Sozialregionen; ags.koordination AGS, ags.finanzen AGS with finance; ma.integration the Migrationsamt; anbieter.vhs
 * and anbieter.caritas providers; mp.olten a mentoring pool; register-connector the machine caller.
 */
let t: IntakeTestApp;
let seq = 0;
beforeAll(async () => {
  t = await startIntakeApp();
}, 90_000);
afterAll(async () => {
  await t?.close();
});

type Expect = Record<IntakeCaller, number>;
// Columns: ib.solothurn, ib.olten, ib.hubersdorf, sr.olten, ags.koordination, ma.integration, register-connector.
// The five other people of the realm follow from these exactly, which `s` writes for them:
// - sr.thal-gaeu as sr.olten: no route of the intake declares the role sozialregion, so both are refused by role;
// - ags.finanzen as ags.koordination: it holds the role ags, which the AGS scope asks for (ags-finanzen adds nothing
//   here), so it sees and changes what AGS does;
// - the providers (anbieter.vhs, anbieter.caritas) and the mentoring pool (mp.olten) have no task in the intake: no
//   route declares their roles, so every route refuses them by role (403).
// The roles check below holds all of it to the roles each route declares.
const s = (a: number, b: number, c: number, d: number, e: number, f: number, g: number): Expect => ({
  'ib.solothurn': a,
  'ib.olten': b,
  'ib.hubersdorf': c,
  'sr.olten': d,
  'ags.koordination': e,
  'ma.integration': f,
  'register-connector': g,
  'sr.thal-gaeu': d,
  'ags.finanzen': e,
  'anbieter.vhs': 403,
  'anbieter.caritas': 403,
  'mp.olten': 403,
});

const moveIn = () =>
  generateEventDelivery('moveIn-abroad', {
    municipality: 2601,
    seed: ++seq,
    messageId: `access-${seq}-${Date.now().toString(36)}`,
  }).xml;

/** A delivery for 2601 by the register connector: accepted, or quarantined as curable (unknown BFS 2423). */
async function fixture(kind: 'accepted' | 'quarantined'): Promise<string> {
  const xml = kind === 'accepted' ? moveIn() : moveIn().replace(/(municipalityId>)2601(<)/g, '$12423$2');
  const r = await t.deliver('register-connector', xml);
  const id = kind === 'accepted' ? r.body.id : r.body.deliveryId;
  if (!id) throw new Error(`fixture ${kind}: ${r.status} ${JSON.stringify(r.body)}`);
  return id;
}

interface Row {
  call: (caller: IntakeCaller) => Promise<Response>;
  expect: Expect;
}

let ruleVersion = 0;
const MATRIX: Record<string, Row> = {
  'POST /api/v1/deliveries': { call: (c) => t.deliver(c, moveIn()), expect: s(202, 403, 403, 403, 403, 403, 202) },
  'GET /api/v1/deliveries': {
    call: (c) => t.call(c, 'GET', '/api/v1/deliveries'),
    expect: s(200, 200, 200, 403, 200, 403, 200),
  },
  'GET /api/v1/deliveries/quarantine': {
    call: (c) => t.call(c, 'GET', '/api/v1/deliveries/quarantine'),
    expect: s(200, 200, 200, 403, 200, 403, 200),
  },
  'GET /api/v1/deliveries/:id': {
    call: async (c) => t.call(c, 'GET', `/api/v1/deliveries/${await fixture('accepted')}`),
    expect: s(200, 404, 404, 403, 200, 403, 200),
  },
  'GET /api/v1/deliveries/:id/outcomes': {
    call: async (c) => t.call(c, 'GET', `/api/v1/deliveries/${await fixture('accepted')}/outcomes`),
    expect: s(200, 404, 404, 403, 200, 403, 200),
  },
  'POST /api/v1/deliveries/:id/reprocess': {
    call: async (c) => t.call(c, 'POST', `/api/v1/deliveries/${await fixture('quarantined')}/reprocess`),
    expect: s(403, 403, 403, 403, 200, 403, 403),
  },
  'GET /api/v1/target-group-rule': {
    call: (c) => t.call(c, 'GET', '/api/v1/target-group-rule'),
    expect: s(200, 200, 200, 403, 200, 403, 200),
  },
  'GET /api/v1/target-group-rule/history': {
    call: (c) => t.call(c, 'GET', '/api/v1/target-group-rule/history'),
    expect: s(403, 403, 403, 403, 200, 403, 403),
  },
  'PUT /api/v1/target-group-rule': {
    call: (c) =>
      t.call(c, 'PUT', '/api/v1/target-group-rule', {
        ...DEFAULT_TARGET_GROUP_RULE,
        version: `access-${++ruleVersion}`,
        validFrom: '2026-01-01',
      }),
    expect: s(403, 403, 403, 403, 200, 403, 403),
  },
};

/** The realm roles each caller holds: the persons of the realm and the register connector. */
const REALM_ROLES: Record<IntakeCaller, readonly RealmRole[]> = {
  ...REALM_USER_ROLES,
  'register-connector': ['register-connector'],
};

/** Framework routes open to all (health, metrics, API docs) are not in the matrix. */
const PUBLIC = /^GET \/(health|metrics|api\/docs)/;

describe('access matrix', () => {
  it('runs every person of the demo realm and the register connector, with the realm roles the file gives them', () => {
    const realm = JSON.parse(readFileSync(`${repoRoot()}/infra/keycloak/realm-start-integration.json`, 'utf8')) as {
      users: { username: string; realmRoles?: string[] }[];
    };
    const accounts = realm.users
      .filter((u) => !u.username.startsWith('service-account-') || u.username.endsWith('register-connector'))
      .map((u) => ({ ...u, username: u.username.replace(/^service-account-/, '') }));
    expect([...CALLERS].sort()).toEqual(accounts.map((u) => u.username).sort());
    for (const account of accounts)
      expect({ caller: account.username, roles: [...REALM_ROLES[account.username as IntakeCaller]].sort() }).toEqual({
        caller: account.username,
        roles: (account.realmRoles ?? []).filter((r) => !r.startsWith('default-roles-')).sort(),
      });
  });

  it('has a row for every route of the app', () => {
    const routes = routeTable(t.app)
      .map((r) => r.key)
      .filter((k) => !PUBLIC.test(k));
    expect(routes.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('agrees with the roles each route declares (what the guard enforces and the OpenAPI document shows as x-roles)', () => {
    const doc = buildOpenApi(t.app, { title: definition.title, description: definition.description });
    const disagreements: string[] = [];
    for (const route of routeTable(t.app).filter((r) => !PUBLIC.test(r.key))) {
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
      // A caller without any declared role is refused by role (403) whatever the delivery; the matrix must say so.
      for (const caller of CALLERS) {
        if (!REALM_ROLES[caller].some((role) => declared.includes(role)) && MATRIX[route.key]?.expect[caller] !== 403) {
          disagreements.push(
            `${route.key} as ${caller}: declared ${route.policy.roles.join(', ')}, matrix ${MATRIX[route.key]?.expect[caller]}`,
          );
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it.each(Object.keys(MATRIX))('%s', async (route) => {
    const row = MATRIX[route];
    const got: Record<string, number> = {};
    for (const caller of CALLERS) got[caller] = (await row.call(caller)).status;
    expect(got).toEqual(row.expect);
    // And nobody gets in without a token.
    const [method, path] = route.split(' ');
    const r = await fetch(`${t.url}${path.replace(':id', '00000000-0000-4000-8000-000000000000')}`, { method });
    expect(r.status).toBe(401);
  });

  it('lists to an IB only the deliveries of its municipalities', async () => {
    await fixture('accepted');
    const olten = await t.call('ib.olten', 'GET', '/api/v1/deliveries');
    expect(olten.body.items.every((i: { municipality: number | null }) => i.municipality === 2581)).toBe(true);
    const solothurn = await t.call('ib.solothurn', 'GET', '/api/v1/deliveries?limit=5');
    expect(solothurn.body.items.length).toBe(5);
    expect(solothurn.body.items.every((i: { municipality: number | null }) => i.municipality === 2601)).toBe(true);
    const next = await t.call('ib.solothurn', 'GET', `/api/v1/deliveries?limit=5&cursor=${solothurn.body.nextCursor}`);
    expect(next.status).toBe(200);
    const ids = new Set(solothurn.body.items.map((i: { id: string }) => i.id));
    expect(next.body.items.some((i: { id: string }) => ids.has(i.id))).toBe(false);
  });

  it('writes every read of the delivery log to the audit log', async () => {
    const id = await fixture('accepted');
    await t.call('ib.solothurn', 'GET', `/api/v1/deliveries/${id}`);
    const r = await t.sql.query(
      `SELECT actor_username, action, outcome, municipality FROM audit_record WHERE object_id = $1 AND action = 'delivery.read'`,
      [id],
    );
    expect(r.rows).toEqual([
      { actor_username: 'ib.solothurn', action: 'delivery.read', outcome: 'granted', municipality: 2601 },
    ]);
    // Audit details never carry personal data: no names, no AHV numbers.
    const details = await t.sql.query(`SELECT detail::text AS d FROM audit_record WHERE detail IS NOT NULL`);
    for (const { d } of details.rows) expect(d).not.toMatch(/officialName|firstName|756\d{10}/);
  });
});
