import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CASE_MANAGEMENT_CONFIG, type CaseManagementConfig } from '../../config/case-management.config.js';
import { DeadlineQueue } from './deadline-queue.js';

/** Starts the reminder worker and the sweep schedule with the app (unless disabled), stops them with it. */
@Injectable()
export class DeadlineJobsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly enabled: boolean;

  constructor(
    @Inject(DeadlineQueue) private readonly queue: DeadlineQueue,
    @Inject(CASE_MANAGEMENT_CONFIG) config: Pick<CaseManagementConfig, 'jobsEnabled'>,
  ) {
    this.enabled = config.jobsEnabled;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) await this.queue.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }
}
