import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '@si/auth';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** The process runs and its event loop answers: restart it if not. */
  @Public()
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Every dependency answers within 2 s: only then may traffic come. */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(
      this.checks.map(
        (c) => () =>
          this.indicators
            .check(c.name)
            .attempt(() => c.check())
            .withTimeout(2000),
      ),
    );
  }
}
