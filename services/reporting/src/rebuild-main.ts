import { createDataSource } from '@si/persistence';
import { loadPlatformConfig } from '@si/service';
import { Projector } from './log/application/projector.js';
import { definition } from './service.definition.js';

/**
 * Drops the figure projections and replays the whole event log into them (`node services/reporting/dist/rebuild-main.js`),
 * with the service's runtime database settings. The live consumer waits for the rebuild's lock and goes on after it.
 */
const { database } = loadPlatformConfig(definition);
const ds = await createDataSource({
  url: database.appUrl,
  poolSize: 4,
  applicationName: 'reporting-rebuild',
}).initialize();
try {
  const started = Date.now();
  const events = await new Projector().rebuild(ds);
  process.stdout.write(`${JSON.stringify({ rebuilt: true, events, ms: Date.now() - started })}\n`);
} finally {
  await ds.destroy();
}
