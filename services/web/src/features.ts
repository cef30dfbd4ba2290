import type { Type } from '@nestjs/common';
import { AgsModule } from './ags/ags.module.js';
import { CasesModule } from './cases/cases.module.js';
import { CurationModule } from './curation/curation.module.js';
import { DfpaModule } from './dfpa/dfpa.module.js';
import { MentoringModule } from './mentoring/mentoring.module.js';
import { ProviderOffersModule } from './provider-offers/provider-offers.module.js';
import { ReportingModule } from './reporting/reporting.module.js';
import { SelfDeclarationModule } from './self-declaration/self-declaration.module.js';
import { PublicOffersModule } from './public-offers/public-offers.module.js';
import { SubsidiesScreensModule } from './subsidies/subsidies.module.js';
import { WorkListModule } from './worklist/work-list.module.js';

/**
 * The workspace's feature folders, one Nest module each (src/<feature>/<feature>.module.ts). A new screen:
 * its folder, one line here, its menu line in shell/menu.ts, its texts under its key in i18n/de.json.
 */
export const FEATURE_MODULES: Type<unknown>[] = [
  WorkListModule,
  CasesModule,
  AgsModule,
  PublicOffersModule,
  ProviderOffersModule,
  CurationModule,
  MentoringModule,
  DfpaModule,
  SubsidiesScreensModule,
  ReportingModule,
  SelfDeclarationModule,
];
