import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { UnguardedWorkListController } from './unguarded-work-list.controller.js';

/** The benchmark's unguarded twin of the work list. Only the bench entry point (bench-main.ts) imports it, never AppModule. */
@Module({ imports: [CasesModule], controllers: [UnguardedWorkListController] })
export class BenchModule {}
