import { Global, Module } from '@nestjs/common';
import { createLogger } from '@si/observability';
import { OFFERS_CONFIG, loadConfig } from '../config/offers.config.js';
import { Canton } from './canton.js';
import { Clock, SystemClock } from './clock.js';

export const OFFERS_LOGGER = Symbol('OFFERS_LOGGER');

/** Configuration, clock, the canton's reference data and the logger, shared by offers, participation and mentoring. */
@Global()
@Module({
  providers: [
    { provide: OFFERS_CONFIG, useFactory: () => loadConfig() },
    { provide: Clock, useClass: SystemClock },
    { provide: Canton, useFactory: () => Canton.load() },
    { provide: OFFERS_LOGGER, useFactory: () => createLogger('offers') },
  ],
  exports: [OFFERS_CONFIG, Clock, Canton, OFFERS_LOGGER],
})
export class SharedModule {}
