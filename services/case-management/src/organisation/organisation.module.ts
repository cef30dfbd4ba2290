import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@si/audit';
import { CASE_MANAGEMENT_CONFIG, type CaseManagementConfig } from '../config/case-management.config.js';
import { REFERENCE_DATA } from '../cases/application/tokens.js';
import { Clock } from '../shared/clock.js';
import type { ReferenceData } from '../shared/reference-data.js';
import { OrganisationModelService } from './application/organisation-model.service.js';
import { OrganisationController } from './http/organisation.controller.js';
import { OrganisationPeriodRepository } from './infrastructure/organisation-period.repository.js';
import { OrganisationRegisterProvider } from './infrastructure/organisation-register.provider.js';

/** The organisation model per municipality (R29): AGS maintains it, every access decision reads it. */
@Module({
  controllers: [OrganisationController],
  providers: [
    { provide: OrganisationPeriodRepository, useValue: new OrganisationPeriodRepository() },
    {
      provide: OrganisationRegisterProvider,
      inject: [getDataSourceToken(), OrganisationPeriodRepository, REFERENCE_DATA, CASE_MANAGEMENT_CONFIG],
      useFactory: (
        ds: DataSource,
        periods: OrganisationPeriodRepository,
        reference: ReferenceData,
        config: CaseManagementConfig,
      ) => new OrganisationRegisterProvider(ds, periods, reference, config.organisationCacheMs),
    },
    {
      provide: OrganisationModelService,
      inject: [
        getDataSourceToken(),
        OrganisationPeriodRepository,
        OrganisationRegisterProvider,
        REFERENCE_DATA,
        AuditLog,
        Clock,
      ],
      useFactory: (
        ds: DataSource,
        periods: OrganisationPeriodRepository,
        provider: OrganisationRegisterProvider,
        reference: ReferenceData,
        audit: AuditLog,
        clock: Clock,
      ) => new OrganisationModelService(ds, periods, provider, reference, audit, clock),
    },
  ],
  exports: [OrganisationRegisterProvider],
})
export class OrganisationModule {}
