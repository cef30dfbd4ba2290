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
    logging: ['error'],
    applicationName: parts.applicationName,
    extra: { max: parts.poolSize ?? 10, statement_timeout: 30_000, options: '-c timezone=UTC' },
  });
}
