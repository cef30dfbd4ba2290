import { type Type } from '@nestjs/common';
import { createServiceApp, listen } from '@si/http';
import { runMigrations } from '@si/persistence';
import { messagingMigrations } from '@si/messaging';
import { auditMigrations, AUDIT_TABLE } from '@si/audit';
import { createLogger } from '@si/observability';
import type { ServiceDefinition } from './service-definition.js';
import { loadPlatformConfig } from './platform.config.js';

/** Every migration a service runs: the platform's tables first (outbox, inbox, audit), then its own. */
export function allMigrations(definition: ServiceDefinition) {
  return [...messagingMigrations, ...auditMigrations, ...definition.migrations];
}

/**
 * Validates the platform settings (a wrong one stops the start with a message naming it), migrates the schema as the
 * migrator role, then starts the app as the runtime role. `SI_MIGRATE=only` migrates and returns (a one-shot step);
 * `SI_MIGRATE=never` serves without ever connecting as the migrator, so the serving process need not hold the DDL
 * credentials (security probe F6): the platform scripts run `only`, then the servers with `never`.
 */
export async function bootstrapService(module: Type<unknown>, definition: ServiceDefinition): Promise<void> {
  const config = loadPlatformConfig(definition);
  const logger = createLogger(definition.name, config.logLevel);
  const db = config.database;
  if (config.migrate !== 'never') {
    const applied = await runMigrations({
      migratorUrl: db.migratorUrl,
      appRole: db.appRole,
      migrations: allMigrations(definition),
      appendOnlyTables: [AUDIT_TABLE],
    });
    logger.info({ applied }, applied.length ? 'migrations applied' : 'schema up to date');
    if (config.migrate === 'only') return;
  }
  const app = await createServiceApp(module, {
    name: definition.name,
    openApi: { title: definition.title, description: definition.description },
    bodyLimit: definition.bodyLimit,
    logger,
    problems: definition.problems,
  });
  await listen(app, { port: config.port, host: config.host });
  logger.info({ port: config.port }, `${definition.name} listening`);
}
