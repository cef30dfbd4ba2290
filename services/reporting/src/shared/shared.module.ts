import { Global, Module } from '@nestjs/common';
import { createLogger } from '@si/observability';
import { REPORTING_CONFIG, loadConfig } from '../config/reporting.config.js';
import { Clock, SystemClock } from './clock.js';
import { ReportingReference } from './reference.js';

export const REPORTING_LOGGER = Symbol('REPORTING_LOGGER');

/** Configuration, clock, reference areas and logger, shared by every reporting feature. */
@Global()
@Module({
  providers: [
    { provide: REPORTING_CONFIG, useFactory: () => loadConfig() },
    { provide: Clock, useClass: SystemClock },
    { provide: ReportingReference, useFactory: () => ReportingReference.load() },
    { provide: REPORTING_LOGGER, useFactory: () => createLogger('reporting') },
  ],
  exports: [REPORTING_CONFIG, Clock, ReportingReference, REPORTING_LOGGER],
})
export class SharedModule {}
