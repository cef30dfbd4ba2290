import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'amqplib';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the browser tests log in against the real dev identity server
import { startDevOidc, type DevOidcServer } from '@si/dev-oidc';
import { deleteTopology, loadTopology, resolveTopology } from '@si/messaging';
import { createTestDatabase, freePort, ServiceProcess, type TestDatabase } from '@si/testing';

const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Where the browser tests find the running parts (written to the environment for the workers). */
export interface PlatformUrls {
  web: string;
  issuer: string;
  intake: string;
  cases: string;
  offers: string;
  subsidies: string;
  reporting: string;
  dfpa: string;
  /** case-management's database as its migrator (the benchmark seeds a million cases into it). */
  casesMigratorUrl: string;
}

/**
 * What the browser flows need, as the platform runs it: the dev identity server (in this process, with the
 * web app's callback on its free port registered), registry-intake and case-management as built processes on
 * throw-away databases and their own broker prefix, offers, subsidies, reporting and dfpa the same way,
 * and the web app itself (built, on a free port, its own Redis prefix).
 */
export async function startBrowserPlatform(): Promise<{ urls: PlatformUrls; stop(): Promise<void> }> {
  const prefix = `web${randomBytes(3).toString('hex')}.`;
  const webPort = await freePort();
  const web = `http://127.0.0.1:${webPort}`;
  const oidc: DevOidcServer = await startDevOidc({
    port: 0,
    extraRedirectUris: { 'si-web': { redirectUris: [`${web}/auth/callback`], postLogoutRedirectUris: [`${web}/`] } },
  });
  const databases: TestDatabase[] = [];
  const processes: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
    try {
      const amqp = await connect(AMQP_URL);
      amqp.on('error', () => undefined);
      await deleteTopology(await amqp.createChannel(), resolveTopology(loadTopology(), prefix)).catch(() => undefined);
      await amqp.close().catch(() => undefined);
    } catch {
      // the broker is away: the prefixed queues stay, nothing depends on them
    }
    await oidc.close();
    await Promise.all(databases.map((d) => d.drop()));
  };
  try {
    const common = { SI_MESSAGING_PREFIX: prefix, OIDC_AUTH_SERVER_URL: oidc.publicUrl, AMQP_URL, LOG_LEVEL: 'warn' };
    const service = async (name: string, env: Record<string, string>) => {
      const db = await createTestDatabase(name);
      databases.push(db);
      const p = new ServiceProcess(name, await freePort(), {
        ...common,
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATOR_URL: db.migratorUrl,
        ...env,
      });
      processes.push(p);
      return p;
    };
    const intake = await service('registry-intake', {
      PERSON_REF_KEY: `web-person-ref-key-${randomBytes(16).toString('hex')}`,
      SEDEX_INBOX_DIR: mkdtempSync(join(tmpdir(), 'web-sedex-')),
    });
    const cases = await service('case-management', { CASE_JOBS_PREFIX: `${prefix}bull` });
    const casesDb = databases.at(-1);
    const offers = await service('offers', {});
    const subsidies = await service('subsidies', { SUBSIDIES_JOBS_PREFIX: `${prefix}bull` });
    const reporting = await service('reporting', { REPORTING_JOBS_PREFIX: `${prefix}bull` });
    const dfpa = await service('dfpa', { DFPA_JOBS_PREFIX: `${prefix}bull` });
    const webApp = new ServiceProcess('web', webPort, {
      ...common,
      WEB_PUBLIC_URL: web,
      WEB_REDIS_PREFIX: `${prefix}web:`,
      REGISTRY_INTAKE_URL: intake.url,
      CASE_MANAGEMENT_URL: cases.url,
      OFFERS_URL: offers.url,
      SUBSIDIES_URL: subsidies.url,
      REPORTING_URL: reporting.url,
      DFPA_URL: dfpa.url,
    });
    processes.push(webApp);
    await Promise.all([intake, cases, offers, subsidies, reporting, dfpa].map((p) => p.start(240_000)));
    await webApp.start(120_000);
    return {
      urls: {
        web,
        issuer: oidc.issuer,
        intake: intake.url,
        cases: cases.url,
        offers: offers.url,
        subsidies: subsidies.url,
        reporting: reporting.url,
        dfpa: dfpa.url,
        casesMigratorUrl: casesDb?.migratorUrl ?? '',
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function writeUrls(file: string, urls: PlatformUrls): void {
  writeFileSync(file, JSON.stringify(urls));
}
