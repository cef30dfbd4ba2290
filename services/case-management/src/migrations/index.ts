import type { MigrationClass } from '@si/service';
import { CreateCases1764000000000 } from './1764000000000-create-cases.js';
import { CreateOrganisationPeriods1764000000001 } from './1764000000001-create-organisation-periods.js';
import { CreateRegisterChecks1764000000002 } from './1764000000002-create-register-checks.js';
import { CreateOfferCatalogue1765100000000 } from './1765100000000-create-offer-catalogue.js';
import { RegisterCheckPackages1765200000000 } from './1765200000000-register-check-packages.js';

/** This service's own migrations, oldest first (the platform's outbox, inbox and audit tables come from the libs). */
export const migrations: MigrationClass[] = [
  CreateCases1764000000000,
  CreateOrganisationPeriods1764000000001,
  CreateRegisterChecks1764000000002,
  CreateOfferCatalogue1765100000000,
  RegisterCheckPackages1765200000000,
];
