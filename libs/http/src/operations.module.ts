import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { READINESS_CHECKS } from './readiness.js';

/** `/health/live`, `/health/ready` and `/metrics`, the same in every service. */
@Module({})
export class OperationsModule {
  static forRoot(readiness: Provider & { provide: typeof READINESS_CHECKS }): DynamicModule {
    return {
      module: OperationsModule,
      imports: [TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' })],
      controllers: [HealthController, MetricsController],
      providers: [readiness],
      exports: [readiness],
    };
  }
}
