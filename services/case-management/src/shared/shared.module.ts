import { Global, Module } from '@nestjs/common';
import { createLogger } from '@si/observability';
import { PLATFORM_CONFIG, type PlatformConfig } from '@si/service';
import { CASE_MANAGEMENT_CONFIG, loadConfig } from '../config/case-management.config.js';
import { REFERENCE_DATA, SERVICE_LOGGER } from '../cases/application/tokens.js';
import { Clock, SystemClock } from './clock.js';
import { ReferenceData } from './reference-data.js';

/** Configuration, clock, reference data and logger, shared by the case and organisation features. */
@Global()
@Module({
  providers: [
    { provide: CASE_MANAGEMENT_CONFIG, useFactory: () => loadConfig() },
    { provide: Clock, useClass: SystemClock },
    { provide: REFERENCE_DATA, useFactory: () => ReferenceData.load() },
    {
      provide: SERVICE_LOGGER,
      inject: [PLATFORM_CONFIG],
      useFactory: (platform: PlatformConfig) => createLogger('case-management', platform.logLevel),
    },
  ],
  exports: [CASE_MANAGEMENT_CONFIG, Clock, REFERENCE_DATA, SERVICE_LOGGER],
})
export class SharedModule {}
