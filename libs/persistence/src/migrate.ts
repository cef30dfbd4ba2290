import type { DataSource } from 'typeorm';
import { createDataSource, type DataSourceParts } from './data-source.js';

export interface MigrationPlan extends Omit<DataSourceParts, 'url' | 'entities'> {
  migratorUrl: string;
  /** The runtime role: gets SELECT/INSERT/UPDATE/DELETE on every table, or less on append-only ones. */
  appRole: string;
  /** Tables the runtime role may only read and append to (audit records): UPDATE and DELETE are revoked. */
  appendOnlyTables?: string[];
}

/** Any fixed number: serialises concurrent starts of several instances of the same service. */
const MIGRATION_LOCK = 7_421_001;

/**
 * Runs pending migrations as the migrator role and then (re)grants the runtime role. Several instances
 * may start at once: an advisory lock lets one migrate while the others wait and then find nothing to do.
 */
export async function runMigrations(plan: MigrationPlan): Promise<string[]> {
  const ds = createDataSource({
    url: plan.migratorUrl,
    migrations: plan.migrations,
    poolSize: 1,
    applicationName: 'migrator',
  });
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      await grantRuntimeRole(ds, plan.appRole, plan.appendOnlyTables ?? []);
      return applied.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await ds.destroy();
  }
}

async function grantRuntimeRole(ds: DataSource, appRole: string, appendOnly: string[]): Promise<void> {
  const role = quoteIdent(appRole);
  await ds.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await ds.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await ds.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  await ds.query(`REVOKE ALL ON TABLE schema_migrations FROM ${role}`);
  await ds.query(`GRANT SELECT ON TABLE schema_migrations TO ${role}`);
  for (const table of appendOnly) {
    await ds.query(`REVOKE UPDATE, DELETE, TRUNCATE ON TABLE ${quoteIdent(table)} FROM ${role}`);
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
