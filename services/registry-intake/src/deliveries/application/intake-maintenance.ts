import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@si/observability';
import { INTAKE_CONFIG, type IntakeConfig } from '../../config/intake.config.js';
import { errorSummary } from '../../shared/error-summary.js';
import { DeliveryIntake } from './delivery-intake.js';

const INTERVAL_MS = 30_000;

/**
 * Housekeeping every instance runs (idempotent SQL, so several instances do no harm):
 * - deliveries whose lease ran out (their process died half-way; PostgreSQL rolled their transaction back) are
 *   quarantined as interrupted, so that a resend of the message is not mistaken for a duplicate and they can be
 *   reprocessed;
 * - raw bytes past the retention period are deleted.
 */
@Injectable()
export class IntakeMaintenance implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = createLogger('registry-intake');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(DeliveryIntake) private readonly intake: DeliveryIntake,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () =>
        void this.runOnce().catch((error: unknown) =>
          this.logger.error({ error: errorSummary(error) }, 'intake maintenance failed'),
        ),
      INTERVAL_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async runOnce(): Promise<{ interrupted: string[]; purged: number }> {
    const interrupted = await this.intake.deliveries.expireLeases();
    if (interrupted.length > 0)
      this.logger.warn({ deliveryIds: interrupted }, 'deliveries interrupted (lease expired) moved to quarantine');
    const purged = await this.intake.deliveries.purgeRaw(this.config.rawRetentionDays);
    if (purged > 0) this.logger.info({ deliveries: purged }, 'raw delivery bytes past retention deleted');
    return { interrupted, purged };
  }
}
