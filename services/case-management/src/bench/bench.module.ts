import { Module, type DynamicModule } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { UnguardedWorkListController } from './unguarded-work-list.controller.js';

/**
 * The benchmark's unguarded twin of the work list, or nothing. Decided from the environment at start:
 * CASE_BENCH_UNGUARDED_WORKLIST=1 mounts it, and NODE_ENV=production with it set refuses to start.
 */
@Module({})
export class BenchModule {
  static fromEnv(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    if (env['CASE_BENCH_UNGUARDED_WORKLIST'] !== '1') return { module: BenchModule };
    if (env['NODE_ENV'] === 'production') throw new Error('CASE_BENCH_UNGUARDED_WORKLIST must not be set in production');
    return { module: BenchModule, imports: [CasesModule], controllers: [UnguardedWorkListController] };
  }
}
