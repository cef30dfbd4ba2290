import { Global, Module } from '@nestjs/common';
import { createLogger } from '@si/observability';
import { DFPA_CONFIG, settings, type DfpaConfig } from '../config/dfpa.config.js';
import { ServedRegions } from '../dfpa/domain/index.js';
import { DFPA_LOGGER, SERVED_REGIONS, SOZIALREGIONEN } from '../dfpa/http/regions.token.js';
import { Clock, SystemClock } from './clock.js';
import { loadSozialregionen, type SozialregionReference } from './reference-data.js';

/** Configuration (validated at start), clock, the 13 regions and the ones this instance serves, the logger. */
@Global()
@Module({
  providers: [
    { provide: DFPA_CONFIG, useFactory: () => settings.load() },
    { provide: Clock, useClass: SystemClock },
    { provide: SOZIALREGIONEN, useFactory: () => loadSozialregionen() },
    {
      provide: SERVED_REGIONS,
      inject: [DFPA_CONFIG, SOZIALREGIONEN],
      useFactory: (c: DfpaConfig, r: SozialregionReference) => ServedRegions.parse(c.sozialregionen, r.ids),
    },
    { provide: DFPA_LOGGER, useFactory: () => createLogger('dfpa') },
  ],
  exports: [DFPA_CONFIG, Clock, SOZIALREGIONEN, SERVED_REGIONS, DFPA_LOGGER],
})
export class SharedModule {}
