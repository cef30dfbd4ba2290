/** Connection settings of one service's database: the runtime (DML) role and the migrator (DDL) role. */
export interface DatabaseConfig {
  /** Runs the service: may read and write rows, never change the schema. */
  appUrl: string;
  /** Owns the schema and runs the migrations at start. */
  migratorUrl: string;
  /** The runtime role's name: migrations grant it what it needs and nothing more. */
  appRole: string;
}

/**
 * Reads DATABASE_URL / DATABASE_MIGRATOR_URL, falling back to the local platform's loopback
 * databases (infra/postgres/init), where each service `x-y` has database `x_y` and roles `x_y_app`, `x_y_migrator`.
 */
export function databaseConfig(service: string, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const db = service.replaceAll('-', '_');
  const host = env.PGHOST ?? '127.0.0.1';
  const port = env.PGPORT ?? '5432';
  const local = (role: string) => `postgres://${role}:${role}@${host}:${port}/${db}`;
  const appUrl = env.DATABASE_URL ?? local(`${db}_app`);
  return {
    appUrl,
    migratorUrl: env.DATABASE_MIGRATOR_URL ?? local(`${db}_migrator`),
    appRole: decodeURIComponent(new URL(appUrl).username),
  };
}
