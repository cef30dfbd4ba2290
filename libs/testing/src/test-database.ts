import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseConfig, type DatabaseConfig } from '@si/persistence';

export interface TestDatabase extends DatabaseConfig {
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file on the shared local PostgreSQL, owned by the service's
 * migrator role and reachable by its app role, so tests exercise the same roles and grants as production.
 */
export async function createTestDatabase(service: string): Promise<TestDatabase> {
  const base = databaseConfig(service, { ...process.env, DATABASE_URL: undefined, DATABASE_MIGRATOR_URL: undefined });
  const name = `${service.replaceAll('-', '_')}_test_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.migratorUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.query(`REVOKE ALL ON DATABASE "${name}" FROM PUBLIC`);
    await admin.query(`GRANT CONNECT ON DATABASE "${name}" TO "${base.appRole}"`);
  } finally {
    await admin.end();
  }
  const withDb = (url: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  return {
    name,
    appRole: base.appRole,
    appUrl: withDb(base.appUrl),
    migratorUrl: withDb(base.migratorUrl),
    async drop() {
      const c = new pg.Client({ connectionString: base.migratorUrl });
      await c.connect();
      try {
        // FORCE ends the sessions of our own roles, but not an autovacuum worker that happens to be in the database
        // (42501: not a member of its role): that one finishes on its own within moments, so try again.
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt === 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}
