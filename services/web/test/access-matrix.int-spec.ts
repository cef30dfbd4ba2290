import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the workspace is tested against the real dev identity server
import { startDevOidc, type DevOidcServer } from '@si/dev-oidc';
import { createLogger } from '@si/observability';
import { REALM_USER_ROLES, REALM_USERS } from '@si/service-testing';
import { freePort, routeTable, type Route } from '@si/testing';
import { go, login, type Jar } from './support/browserless.js';

/**
 * The workspace's access matrix: every route of the running web app against every person of the demo realm. The
 * table below says, by hand and from what each role's work is, which roles may enter each route; the test checks
 * that the route declares exactly that (a new route without a row fails) and that the guard enforces it over HTTP:
 * a person without one of the roles gets 403 "Kein Zugriff" on every route, GET and POST (with a valid CSRF token),
 * and never reaches the service behind it; a person with one of them passes the gate. Which objects they may see is
 * the services' check (their own matrices): here no service runs, so a passed gate ends in the service error page.
 */
const WHO: Record<string, string[] | 'public'> = {
  'GET /': 'public',
  'GET /:lang/angebote': 'public',
  'GET /anbieter/angebote': ['anbieter'],
  'GET /anbieter/angebote/:id': ['anbieter'],
  'GET /anbieter/angebote/neu': ['anbieter'],
  'GET /anbieter/zuweisungen': ['anbieter'],
  'GET /angebote': 'public',
  'GET /assets/:file': 'public',
  'GET /auth/callback': 'public',
  'GET /auth/login': 'public',
  'GET /dfpa/eingang': ['sozialregion'],
  'GET /dfpa/eingang/:id': ['sozialregion'],
  'GET /dfpa/faelle': ['sozialregion'],
  'GET /dfpa/faelle/:id': ['sozialregion'],
  'GET /faelle': ['ags', 'gemeinde', 'migrationsamt', 'sozialregion'],
  'GET /faelle/:id': ['ags', 'gemeinde', 'migrationsamt', 'sozialregion'],
  'GET /faelle/angebotsauswahl': ['gemeinde'],
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /kennzahlen': ['ags', 'gemeinde', 'migrationsamt', 'sozialregion'],
  'GET /kennzahlen/:figure/ereignisse': ['ags', 'gemeinde', 'migrationsamt', 'sozialregion'],
  'GET /kennzahlen/export': ['ags', 'gemeinde', 'migrationsamt', 'sozialregion'],
  'GET /kennzahlen/stichtage': ['ags'],
  'GET /kennzahlen/stichtage/:id': ['ags'],
  'GET /kuration': ['ags'],
  'GET /kuration/:id': ['ags'],
  'GET /lieferungen/quarantaene': ['ags'],
  'GET /mentoring': ['mentoring-koordination'],
  'GET /mentoring/:pool': ['mentoring-koordination'],
  'GET /mentoring/:pool/anfragen/:id': ['mentoring-koordination'],
  'GET /mentoring/:pool/zuteilung': ['mentoring-koordination'],
  'GET /metrics': 'public',
  'GET /organisation': ['ags'],
  'GET /organisation/:bfs': ['ags'],
  'GET /selbstdeklaration': ['ags', 'gemeinde'],
  'GET /selbstdeklaration/frageboegen/:id': ['ags'],
  'GET /selbstdeklaration/runden/:roundId': ['ags', 'gemeinde'],
  'GET /selbstdeklaration/runden/:roundId/:bfs': ['ags', 'gemeinde'],
  'GET /subventionen/abrechnungen': ['gemeinde'],
  'GET /subventionen/abrechnungen/:id': ['ags', 'gemeinde'],
  'GET /subventionen/auszahlung': ['ags-finanzen'],
  'GET /subventionen/auszahlung/:id/buchungsdatei.csv': ['ags-finanzen'],
  'GET /subventionen/auszahlung/:id/pain001.xml': ['ags-finanzen'],
  'GET /subventionen/budget': ['ags'],
  'GET /subventionen/freigabe': ['ags'],
  'GET /subventionen/tarife': ['ags'],
  'GET /zielgruppenregel': ['ags'],
  'POST /anbieter/angebote/:id': ['anbieter'],
  'POST /anbieter/angebote/:id/:step': ['anbieter'],
  'POST /anbieter/angebote/neu': ['anbieter'],
  'POST /anbieter/zuweisungen/:referralId': ['anbieter'],
  'POST /auth/logout': 'public',
  'POST /dfpa/eingang/:id/aktion/:action': ['sozialregion'],
  'POST /dfpa/faelle/:id/aktion/:action': ['sozialregion'],
  'POST /dfpa/faelle/neu/aktion/eroeffnen': ['sozialregion'],
  // Which action a role may take is case-actions.ts's list and case-management's check.
  'POST /faelle/:id/aktion/:action': ['ags', 'gemeinde', 'migrationsamt'],
  'POST /kennzahlen/stichtage': ['ags'],
  'POST /kuration/:id/:step': ['ags'],
  'POST /lieferungen/:id/neu-verarbeiten': ['ags'],
  'POST /mentoring/:pool/tandems': ['mentoring-koordination'],
  'POST /mentoring/:pool/tandems/:id/:step': ['mentoring-koordination'],
  'POST /organisation/:bfs': ['ags'],
  'POST /selbstdeklaration/frageboegen': ['ags'],
  'POST /selbstdeklaration/frageboegen/:id/fragen': ['ags'],
  'POST /selbstdeklaration/frageboegen/:id/fragen/:key/entfernen': ['ags'],
  'POST /selbstdeklaration/frageboegen/:id/veroeffentlichung': ['ags'],
  'POST /selbstdeklaration/runden': ['ags'],
  'POST /selbstdeklaration/runden/:roundId/:bfs': ['gemeinde'],
  'POST /selbstdeklaration/runden/:roundId/:bfs/entscheid': ['ags'],
  'POST /subventionen/abrechnungen/:id/einreichen': ['gemeinde'],
  // Every AGS user may try the approval: subsidies itself refuses it without ags-finanzen or to the checker (S6).
  'POST /subventionen/abrechnungen/:id/freigeben': ['ags'],
  'POST /subventionen/abrechnungen/:id/pruefen': ['ags'],
  'POST /subventionen/abrechnungen/:id/zahlung': ['ags-finanzen'],
  'POST /subventionen/abrechnungen/:id/zeilen/:entryId/beanstanden': ['gemeinde'],
  'POST /subventionen/abrechnungen/:id/zurueckweisen': ['ags'],
  'POST /subventionen/auszahlung': ['ags-finanzen'],
  'POST /subventionen/budget': ['ags-finanzen'],
  'POST /subventionen/freigabe/abrechnungslauf': ['ags'],
  'POST /subventionen/tarife': ['ags'],
};

let oidc: DevOidcServer;
let app: NestFastifyApplication;
let web: string;
let routes: Route[];
const sessions = new Map<string, { jar: Jar; csrf: string }>();
const prefix = `webmatrix${randomBytes(3).toString('hex')}:`;

const fill = (path: string) =>
  path.replace(/:(\w+)/g, (_, name: string) =>
    name === 'lang'
      ? 'de'
      : name === 'bfs'
        ? '2601'
        : name === 'file'
          ? 'app.css'
          : '00000000-0000-4000-8000-000000000000',
  );

beforeAll(async () => {
  const port = await freePort();
  web = `http://127.0.0.1:${port}`;
  oidc = await startDevOidc({
    port: 0,
    extraRedirectUris: { 'si-web': { redirectUris: [`${web}/auth/callback`], postLogoutRedirectUris: [`${web}/`] } },
  });
  const nowhere = 'http://127.0.0.1:9';
  Object.assign(process.env, {
    WEB_PUBLIC_URL: web,
    OIDC_AUTH_SERVER_URL: oidc.publicUrl,
    WEB_REDIS_PREFIX: prefix,
    LOG_LEVEL: 'error',
    // No service runs: a request that passes the gate ends at an unreachable service, never at data.
    CASE_MANAGEMENT_URL: nowhere,
    REGISTRY_INTAKE_URL: nowhere,
    OFFERS_URL: nowhere,
    SUBSIDIES_URL: nowhere,
    REPORTING_URL: nowhere,
    DFPA_URL: nowhere,
  });
  const { createWebApp } = await import('../src/web-app.js');
  const { AppModule } = await import('../src/app.module.js');
  app = await createWebApp(AppModule, createLogger('web-test', 'error'));
  await app.listen({ port, host: '127.0.0.1' });
  routes = routeTable(app);
  for (const user of REALM_USERS) {
    const { web: jar, csrf } = await login(web, user);
    sessions.set(user, { jar, csrf });
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
  await oidc?.close();
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('the web workspace: every route against every person of the demo realm', () => {
  it('declares for every route exactly the roles the table gives it', () => {
    const declared = Object.fromEntries(
      routes.map((r) => [
        r.key,
        r.policy.kind === 'public' ? 'public' : r.policy.kind === 'roles' ? [...r.policy.roles].sort() : 'none',
      ]),
    );
    const table = Object.fromEntries(Object.entries(WHO).map(([k, v]) => [k, v === 'public' ? v : [...v].sort()]));
    expect(declared).toEqual(table);
  });

  it('lets through exactly the people with one of the roles, by GET and by POST with a valid CSRF token', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const who = WHO[route.key];
      if (!who || who === 'public') continue;
      for (const user of REALM_USERS) {
        const { jar, csrf } = sessions.get(user) ?? { jar: new Map(), csrf: '' };
        const r = await go(`${web}${fill(route.path)}`, jar, {
          method: route.method,
          ...(route.method === 'POST'
            ? {
                headers: { 'content-type': 'application/x-www-form-urlencoded', origin: web },
                body: new URLSearchParams({ _csrf: csrf }),
              }
            : {}),
        });
        const allowed = REALM_USER_ROLES[user].some((role) => who.includes(role));
        const page = await r.text();
        const refused = r.status === 403 && page.includes('Kein Zugriff');
        const toLogin = r.status === 303 && (r.headers.get('location') ?? '').startsWith('/auth/login');
        if (toLogin) wrong.push(`${route.key} as ${user}: sent to the login`);
        else if (allowed === refused)
          wrong.push(`${route.key} as ${user}: ${r.status} (${allowed ? 'should pass' : 'should be refused'})`);
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);

  it('sends a visitor without a session to the login on every route that is not public', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => WHO[r.key] !== 'public' && r.method === 'GET')) {
      const r = await go(`${web}${fill(route.path)}`, new Map());
      if (r.status !== 303 || !(r.headers.get('location') ?? '').startsWith('/auth/login'))
        wrong.push(`${route.key}: ${r.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
