import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createLogger } from '@si/observability';
import { EchSchemaValidator } from '../../ech/xsd-schema-validator.js';
import type { MapperDependencies } from '../../ech/mapping/ech-event.mapper.js';
import { PersonRefFactory } from '../../ech/mapping/person-ref.js';
import { CountryDirectory } from '../../master-data/country-directory.js';
import { MunicipalityDirectory } from '../../master-data/municipality-directory.js';
import { ResidencePermitCatalog } from '../../rules/residence-permit-catalog.js';
import type { TargetGroupRule } from '../../rules/target-group-rule.js';
import { INTAKE_CONFIG, type IntakeConfig } from '../../config/intake.config.js';

/**
 * What every delivery is read and mapped with: the compiled XSD (once per process, with its worker thread for base
 * delivery pieces), the master data and the person-reference key. Master data is read again before a reprocess, so
 * that a corrected reference folder (a new municipality, a merger) takes effect without a restart.
 */
@Injectable()
export class IntakeEngine implements OnModuleInit, OnApplicationShutdown {
  readonly validator: EchSchemaValidator;
  readonly personRefs: PersonRefFactory;
  private municipalities: MunicipalityDirectory;
  private countries: CountryDirectory;
  private readonly permits: ResidencePermitCatalog;

  constructor(@Inject(INTAKE_CONFIG) readonly config: IntakeConfig) {
    this.validator = EchSchemaValidator.load({
      workers: config.validationWorkers,
      workerThresholdChars: config.workerFromChars,
    });
    this.personRefs = new PersonRefFactory(config.personRefKey);
    this.municipalities = MunicipalityDirectory.load(config.referenceDir);
    this.countries = CountryDirectory.load(config.referenceDir);
    this.permits = ResidencePermitCatalog.load(config.referenceDir);
  }

  async onModuleInit(): Promise<void> {
    if (this.config.personRefKeyIsDevelopmentDefault) {
      createLogger('registry-intake').warn(
        'PERSON_REF_KEY not set: person references use the public development key (refused when NODE_ENV=production)',
      );
    }
    await this.validator.ready();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.validator.close();
  }

  /** Re-reads the municipality and country directories (before a reprocess after a master-data fix). */
  reloadMasterData(): void {
    this.municipalities = MunicipalityDirectory.load(this.config.referenceDir);
    this.countries = CountryDirectory.load(this.config.referenceDir);
  }

  mapperDependencies(rule: TargetGroupRule): MapperDependencies {
    return {
      municipalities: this.municipalities,
      countries: this.countries,
      permits: this.permits,
      rule,
      personRefs: this.personRefs,
    };
  }
}
