import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { OfferReviewQueue } from './offer-review.queue.js';

/** Starts the review worker and schedule with the app (unless disabled), stops them with it. */
export class OfferReviewLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly queue: OfferReviewQueue,
    private readonly enabled: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) await this.queue.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }
}
