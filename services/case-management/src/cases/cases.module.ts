import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { ReadAuditWriter } from '../shared/read-audit-writer.js';
import { CaseAccess } from './application/case-access.js';
import { CaseActions } from './application/case-actions.service.js';
import { CaseCommandRunner } from './application/case-command.runner.js';
import { CaseQueries } from './application/case-queries.js';
import { DfpaAnswers } from './application/dfpa-answers.js';
import { RegisterChecks } from './application/register-checks.js';
import { RegisterFacts } from './application/register-facts.js';
import { SystemCaseWriter } from './application/system-case-writer.js';
import { CaseAdminController } from './http/case-admin.controller.js';
import { CasesController } from './http/cases.controller.js';
import { FoerdernController } from './http/foerdern.controller.js';
import { FordernController } from './http/fordern.controller.js';
import { InformierenController } from './http/informieren.controller.js';
import { RegisterCheckController } from './http/register-check.controller.js';
import { SanktionierenController } from './http/sanktionieren.controller.js';
import { BaseDeliveryRepository } from './infrastructure/base-delivery.repository.js';
import { CaseRepository } from './infrastructure/case.repository.js';
import { PersonRepository } from './infrastructure/person.repository.js';
import { DeadlineJobsLifecycle } from './jobs/deadline-jobs.lifecycle.js';
import { DeadlineQueue } from './jobs/deadline-queue.js';
import { DeadlineReminders } from './jobs/deadline-reminders.js';
import { CaseEventConsumers } from './messaging/case-event-consumers.js';
import { OfferCatalogue } from '../offer-catalogue/offer-catalogue.js';
import { OfferEventConsumers } from '../offer-catalogue/offer-event-consumers.js';

/**
 * The integration case: HTTP controllers (work list, detail, the actions of every phase), the use cases,
 * the repositories, the person, dfpa and offer event consumers and the deadline jobs. Every provider is an
 * `@Injectable()` class built by type; settings come in as CASE_MANAGEMENT_CONFIG (SharedModule).
 */
@Module({
  imports: [OrganisationModule],
  controllers: [
    CasesController,
    InformierenController,
    FoerdernController,
    FordernController,
    SanktionierenController,
    CaseAdminController,
    RegisterCheckController,
  ],
  providers: [
    CaseRepository,
    PersonRepository,
    BaseDeliveryRepository,
    CaseAccess,
    DeadlineReminders,
    DeadlineQueue,
    DeadlineJobsLifecycle,
    CaseCommandRunner,
    ReadAuditWriter,
    CaseQueries,
    CaseActions,
    SystemCaseWriter,
    RegisterFacts,
    DfpaAnswers,
    RegisterChecks,
    CaseEventConsumers,
    // The offers' events (src/offer-catalogue): referable offers (CM8) and the providers' confirmations of referrals.
    OfferCatalogue,
    OfferEventConsumers,
  ],
  exports: [DeadlineQueue, DeadlineReminders, CaseQueries],
})
export class CasesModule {}
