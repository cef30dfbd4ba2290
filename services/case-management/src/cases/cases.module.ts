import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@si/audit';
import { EventConsumers, Outbox } from '@si/messaging';
import type { Logger } from '@si/observability';
import { CASE_MANAGEMENT_CONFIG, type CaseManagementConfig } from '../config/case-management.config.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { OrganisationRegisterProvider } from '../organisation/infrastructure/organisation-register.provider.js';
import { Clock } from '../shared/clock.js';
import { ReadAuditWriter } from '../shared/read-audit-writer.js';
import type { ReferenceData } from '../shared/reference-data.js';
import { CaseAccess } from './application/case-access.js';
import { CaseActions } from './application/case-actions.service.js';
import { CaseCommandRunner } from './application/case-command.runner.js';
import { CaseQueries } from './application/case-queries.js';
import { DfpaAnswers } from './application/dfpa-answers.js';
import { RegisterChecks } from './application/register-checks.js';
import { RegisterFacts } from './application/register-facts.js';
import { SystemCaseWriter } from './application/system-case-writer.js';
import { REFERENCE_DATA, SERVICE_LOGGER } from './application/tokens.js';
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

const DS = getDataSourceToken();

/**
 * The integration case: HTTP controllers (work list, detail, the actions of every phase), the use cases,
 * the repository, the person and dfpa event consumers and the deadline jobs. Wired with factories so the
 * application and infrastructure classes stay free of Nest decorators.
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
    {
      provide: CaseRepository,
      inject: [CASE_MANAGEMENT_CONFIG],
      useFactory: (c: CaseManagementConfig) => new CaseRepository(c.reminderLeadDays),
    },
    { provide: PersonRepository, useValue: new PersonRepository() },
    {
      provide: CaseAccess,
      inject: [OrganisationRegisterProvider, Clock, REFERENCE_DATA],
      useFactory: (o: OrganisationRegisterProvider, clock: Clock, r: ReferenceData) =>
        new CaseAccess(o, clock, r.directory.municipalities),
    },
    { provide: DeadlineReminders, inject: [DS], useFactory: (ds: DataSource) => new DeadlineReminders(ds) },
    {
      provide: DeadlineQueue,
      inject: [DeadlineReminders, Clock, SERVICE_LOGGER, CASE_MANAGEMENT_CONFIG],
      useFactory: (r: DeadlineReminders, clock: Clock, logger: Logger, c: CaseManagementConfig) =>
        new DeadlineQueue(r, clock, logger, { prefix: c.jobsPrefix, sweepEveryMs: c.sweepEveryMs }),
    },
    {
      provide: DeadlineJobsLifecycle,
      inject: [DeadlineQueue, CASE_MANAGEMENT_CONFIG],
      useFactory: (q: DeadlineQueue, c: CaseManagementConfig) => new DeadlineJobsLifecycle(q, c.jobsEnabled),
    },
    {
      provide: CaseCommandRunner,
      inject: [DS, CaseRepository, CaseAccess, Outbox, AuditLog, Clock, DeadlineQueue, CASE_MANAGEMENT_CONFIG],
      useFactory: (
        ds: DataSource,
        repo: CaseRepository,
        access: CaseAccess,
        outbox: Outbox,
        audit: AuditLog,
        clock: Clock,
        q: DeadlineQueue,
        c: CaseManagementConfig,
      ) => new CaseCommandRunner(ds, repo, access, outbox, audit, clock, q, c.reminderLeadDays),
    },
    { provide: ReadAuditWriter, inject: [DS], useFactory: (ds: DataSource) => new ReadAuditWriter(ds) },
    {
      provide: CaseQueries,
      inject: [DS, CaseRepository, CaseAccess, ReadAuditWriter, Clock, DeadlineReminders],
      useFactory: (
        ds: DataSource,
        repo: CaseRepository,
        access: CaseAccess,
        audit: ReadAuditWriter,
        clock: Clock,
        r: DeadlineReminders,
      ) => new CaseQueries(ds, repo, access, audit, clock, r),
    },
    {
      provide: CaseActions,
      inject: [CaseCommandRunner, CaseQueries],
      useFactory: (r: CaseCommandRunner, q: CaseQueries) => new CaseActions(r, q),
    },
    {
      provide: SystemCaseWriter,
      inject: [CaseRepository, Outbox, AuditLog, Clock],
      useFactory: (repo: CaseRepository, outbox: Outbox, audit: AuditLog, clock: Clock) =>
        new SystemCaseWriter(repo, outbox, audit, clock),
    },
    {
      provide: RegisterFacts,
      inject: [
        CaseRepository,
        PersonRepository,
        SystemCaseWriter,
        Outbox,
        AuditLog,
        REFERENCE_DATA,
        Clock,
        CASE_MANAGEMENT_CONFIG,
        SERVICE_LOGGER,
      ],
      useFactory: (
        repo: CaseRepository,
        persons: PersonRepository,
        w: SystemCaseWriter,
        outbox: Outbox,
        audit: AuditLog,
        r: ReferenceData,
        clock: Clock,
        c: CaseManagementConfig,
        logger: Logger,
      ) =>
        new RegisterFacts(
          repo,
          persons,
          w,
          outbox,
          audit,
          r,
          clock,
          { firstInformationMonths: c.firstInformationMonths },
          logger,
        ),
    },
    { provide: DfpaAnswers, inject: [SystemCaseWriter], useFactory: (w: SystemCaseWriter) => new DfpaAnswers(w) },
    {
      provide: RegisterChecks,
      inject: [DS, CaseRepository, OrganisationRegisterProvider, ReadAuditWriter, Clock],
      useFactory: (
        ds: DataSource,
        repo: CaseRepository,
        o: OrganisationRegisterProvider,
        audit: ReadAuditWriter,
        clock: Clock,
      ) => new RegisterChecks(ds, new BaseDeliveryRepository(), repo, o, audit, clock),
    },
    {
      provide: CaseEventConsumers,
      inject: [EventConsumers, RegisterFacts, RegisterChecks, DfpaAnswers, CaseRepository, DS, DeadlineQueue],
      useFactory: (
        consumers: EventConsumers,
        f: RegisterFacts,
        checks: RegisterChecks,
        d: DfpaAnswers,
        repo: CaseRepository,
        ds: DataSource,
        q: DeadlineQueue,
      ) => new CaseEventConsumers(consumers, f, checks, d, repo, ds, q),
    },
    // The offers' events (src/offer-catalogue): referable offers (CM8) and the providers' confirmations of referrals.
    {
      provide: OfferEventConsumers,
      inject: [EventConsumers, SystemCaseWriter],
      useFactory: (consumers: EventConsumers, w: SystemCaseWriter) =>
        new OfferEventConsumers(consumers, new OfferCatalogue(), w),
    },
  ],
  exports: [DeadlineQueue, DeadlineReminders, CaseQueries],
})
export class CasesModule {}
