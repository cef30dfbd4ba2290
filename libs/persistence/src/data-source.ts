import { DataSource, type MixedList, type EntitySchema } from 'typeorm';

export interface DataSourceParts {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/**
 * A PostgreSQL DataSource as every service uses it: schema only through migrations (never
 * `synchronize`), UTC, a bounded pool, statement timeout so a stuck query cannot hold a request forever.
 */
export function createDataSource(parts: DataSourceParts): DataSource {
  return new DataSource({
    type: 'postgres',
    url: parts.url,
    entities: parts.entities ?? [],
    migrations: parts.migrations ?? [],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    // Not even errors: TypeORM prints a failed statement with its parameters (personal data) as a raw line
    // (security probe F4). Callers log the error through @si/observability, which drops the values.
    logging: false,
    applicationName: parts.applicationName,
    extra: { max: parts.poolSize ?? 10, statement_timeout: 30_000, options: '-c timezone=UTC' },
  });
}
