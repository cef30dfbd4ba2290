import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import amqplib from 'amqplib';
import pg from 'pg';
import { deleteTopology, loadTopology, resolveTopology } from '@si/messaging';
import { createTestDatabase, freePort, repoRoot, ServiceProcess, type TestDatabase } from '@si/testing';

/**
 * Security probe F6: the serving process need not hold the DDL credentials. `SI_MIGRATE=only` is the one-shot
 * migration step (migrator role), `SI_MIGRATE=never` serves with the runtime role alone: here its migrator URL
 * carries a wrong password, and it still starts, so it never used it.
 */
describe('migrations apart from serving (SI_MIGRATE)', () => {
  let db: TestDatabase;
  let server: ServiceProcess | undefined;
  const prefix = `t${Date.now().toString(16).slice(-8)}.`;
  beforeAll(async () => {
    db = await createTestDatabase('dfpa');
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    // The service declared its prefixed topology on the shared broker: leave nothing behind.
    const broker = await amqplib.connect(process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
    await deleteTopology(await broker.createChannel(), resolveTopology(loadTopology(), prefix)).catch(() => undefined);
    await broker.close();
  });

  it('migrates as a one-shot step and exits, then serves with the runtime role only', async () => {
    const entry = join(repoRoot(), 'services', 'dfpa', 'dist', 'main.js');
    const once = spawnSync(process.execPath, [entry], {
      env: {
        ...process.env,
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATOR_URL: db.migratorUrl,
        SI_MIGRATE: 'only',
        PORT: String(await freePort()),
        LOG_LEVEL: 'info',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: once.status, stderr: once.stderr }).toEqual({ status: 0, stderr: '' });
    expect(once.stdout).toMatch(/migrations applied/);
    const app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
    const { rows } = await app.query('SELECT count(*)::int AS n FROM schema_migrations');
    await app.end();
    expect(rows[0].n).toBeGreaterThan(0);

    const wrongMigrator = Object.assign(new URL(db.migratorUrl), { password: 'not-the-password' }).toString();
    server = new ServiceProcess('dfpa', await freePort(), {
      DATABASE_URL: db.appUrl,
      DATABASE_MIGRATOR_URL: wrongMigrator,
      SI_MIGRATE: 'never',
      SI_MESSAGING_PREFIX: prefix,
    });
    await server.start(60_000);
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
  });
});
