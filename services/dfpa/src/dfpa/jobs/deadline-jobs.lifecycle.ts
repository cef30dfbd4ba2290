import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { DeadlineQueue } from './deadline-queue.js';

/** Starts the reminder worker and the sweep schedule with the app (unless disabled), stops them with it. */
export class DeadlineJobsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly queue: DeadlineQueue,
    private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) await this.queue.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }
}
