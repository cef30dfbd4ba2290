import { Module } from '@nestjs/common';
import { OrganisationModelService } from './application/organisation-model.service.js';
import { OrganisationController } from './http/organisation.controller.js';
import { OrganisationPeriodRepository } from './infrastructure/organisation-period.repository.js';
import { OrganisationRegisterProvider } from './infrastructure/organisation-register.provider.js';

/** The organisation model per municipality (R29): AGS maintains it, every access decision reads it. */
@Module({
  controllers: [OrganisationController],
  providers: [OrganisationPeriodRepository, OrganisationRegisterProvider, OrganisationModelService],
  exports: [OrganisationRegisterProvider],
})
export class OrganisationModule {}
