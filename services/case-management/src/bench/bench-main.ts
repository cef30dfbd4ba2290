import { Module } from '@nestjs/common';
import { bootstrapService } from '@si/service';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/case-management.config.js';
import { definition } from '../service.definition.js';
import { BenchModule } from './bench.module.js';

/**
 * Entry point of `npm run bench:cases` only: the production app plus the unguarded work list, so the benchmark can
 * state what authentication costs. The production entry point (main.ts) has no way to mount it.
 */
if (process.env['NODE_ENV'] === 'production') throw new Error('the bench entry point must not run in production');

@Module({ imports: [AppModule, BenchModule] })
class BenchAppModule {}

loadConfig();
await bootstrapService(BenchAppModule, definition);
