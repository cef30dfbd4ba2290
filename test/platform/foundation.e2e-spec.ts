import { randomBytes } from 'node:crypto';
import { startDevOidc } from '@si/dev-oidc';
import amqplib from 'amqplib';
import { deleteTopology, loadTopology, resolveTopology } from '@si/messaging';
import { createTestDatabase, freePort, ServiceProcess, type TestDatabase } from '@si/testing';

// The foundation as an operator and an integration officer meet it: all six services, built and
// started as processes on their own databases, ready, documented, measured, and guarded.
const SERVICES = ['registry-intake', 'case-management', 'offers', 'subsidies', 'reporting', 'dfpa'] as const;

describe('the platform foundation', () => {
  let oidc: Awaited<ReturnType<typeof startDevOidc>>;
  const databases: TestDatabase[] = [];
  const services = new Map<string, ServiceProcess>();
  const prefix = `e2e-${randomBytes(3).toString('hex')}.`;

  const token = async (username: string) => {
    const res = await fetch(`${oidc.url}/realms/start-integration/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'si-cli', username, password: 'demo' }),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const cases = (headers: Record<string, string> = {}) =>
    fetch(`${services.get('case-management')!.url}/api/v1/cases`, { headers });

  beforeAll(async () => {
    const oidcPort = await freePort();
    oidc = await startDevOidc({ port: oidcPort, publicUrl: `http://localhost:${oidcPort}` });
    for (const name of SERVICES) {
      const db = await createTestDatabase(name);
      databases.push(db);
      services.set(
        name,
        new ServiceProcess(name, await freePort(), {
          DATABASE_URL: db.appUrl,
          DATABASE_MIGRATOR_URL: db.migratorUrl,
          SI_MESSAGING_PREFIX: prefix,
          OIDC_AUTH_SERVER_URL: `http://localhost:${oidcPort}`,
          SEDEX_INBOX_DIR: `/tmp/si-sedex-${prefix}`,
        }),
      );
    }
    await Promise.all([...services.values()].map((s) => s.start(90_000)));
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...services.values()].map((s) => s.stop()));
    await oidc?.close();
    await Promise.all(databases.map((db) => db.drop()));
    // The services declared a whole prefixed topology on the shared broker: leave nothing behind.
    const broker = await amqplib.connect(process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
    await deleteTopology(await broker.createChannel(), resolveTopology(loadTopology(), prefix));
    await broker.close();
  }, 60_000);

  it.each(SERVICES)('%s is live and ready: its database, the broker and Redis answer', async (name) => {
    const { url } = services.get(name)!;
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { details: Record<string, { status: string }> };
    expect(Object.fromEntries(Object.entries(body.details).map(([k, v]) => [k, v.status]))).toEqual({
      database: 'up',
      broker: 'up',
      redis: 'up',
    });
  });

  it.each(SERVICES)('%s serves OpenAPI, Prometheus metrics and problem+json with a correlation id', async (name) => {
    const { url } = services.get(name)!;
    const doc = (await (await fetch(`${url}/api/docs-json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    expect(await (await fetch(`${url}/metrics`)).text()).toContain('si_http_request_duration_seconds');
    const missing = await fetch(`${url}/api/v1/no-such-thing`, { headers: { 'x-correlation-id': 'trace-me-1' } });
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.headers.get('x-correlation-id')).toBe('trace-me-1');
    expect(await missing.json()).toMatchObject({ status: 404, correlationId: 'trace-me-1' });
  });

  it('lets ib.solothurn read the work list of case-management', async () => {
    const res = await cases({ authorization: `Bearer ${await token('ib.solothurn')}` });
    expect(res.status).toBe(200);
  });

  it('refuses the work list without a token, with a tampered token and with a token for another audience', async () => {
    expect((await cases()).status).toBe(401);
    const [header, payload, signature] = (await token('ib.solothurn')).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, gemeinden: ['2581'] })).toString('base64url');
    expect((await cases({ authorization: `Bearer ${header}.${forged}.${signature}` })).status).toBe(401);
    const otherAudience = await oidc.mintAccessToken({ aud: ['offers'] }, { username: 'ib.solothurn' });
    expect((await cases({ authorization: `Bearer ${otherAudience}` })).status).toBe(401);
  });
});
