import 'reflect-metadata';
import { createLogger } from '@si/observability';
import { AppModule } from './app.module.js';
import { createWebApp } from './web-app.js';

const logger = createLogger('web');
// The platform's one-shot migration step runs every service with SI_MIGRATE=only: web has no database of its own.
if (process.env.SI_MIGRATE === 'only') process.exit(0);
const app = await createWebApp(AppModule, logger);
const port = Number(process.env.PORT ?? 3000);
// Loopback unless HOST says otherwise: a developer's machine must not expose personal data.
await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });
logger.info({ port }, 'web listening');
