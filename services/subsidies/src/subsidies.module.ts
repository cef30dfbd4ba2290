import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@si/audit';
import { EventConsumers, Outbox } from '@si/messaging';
import { createLogger, type Logger } from '@si/observability';
import {
  loadConfig,
  payoutSettingsOf,
  periodMonthsOf,
  SUBSIDIES_CONFIG,
  type SubsidiesConfig,
} from './config/subsidies.config.js';
import { ClaimEvents } from './claims/application/claim-events.js';
import { ClaimQueries } from './claims/application/claim-queries.js';
import { ClaimRun } from './claims/application/claim-run.js';
import { ClaimWorkflow } from './claims/application/claim-workflow.js';
import { ClaimsController } from './claims/http/claims.controller.js';
import { ClaimRepository } from './claims/infrastructure/claim.repository.js';
import { ClaimRunQueue } from './claims/jobs/claim-run.queue.js';
import { LedgerBooking } from './ledger/application/ledger-booking.js';
import { LedgerQueries } from './ledger/application/ledger-queries.js';
import { PeriodSettings } from './ledger/application/period-settings.js';
import { LedgerController } from './ledger/http/ledger.controller.js';
import { LedgerRepository } from './ledger/infrastructure/ledger.repository.js';
import { CaseEventConsumer } from './ledger/messaging/case-event-consumer.js';
import { BudgetService } from './payout/application/budget.service.js';
import { PayeesService } from './payout/application/payees.service.js';
import { PaymentNotifications } from './payout/application/payment-notifications.js';
import { PayoutsService } from './payout/application/payouts.service.js';
import { PayoutController } from './payout/http/payout.controller.js';
import { Pain001Schema } from './payout/infrastructure/pain001-schema.js';
import { Clock, SystemClock } from './shared/clock.js';
import { XmlBodyStream } from './shared/http/xml-body.js';
import { DemoData } from './tariffs/application/demo-data.js';
import { TariffsService } from './tariffs/application/tariffs.service.js';
import { TariffsController } from './tariffs/http/tariffs.controller.js';
import { TariffRepository } from './tariffs/infrastructure/tariff.repository.js';

const DS = getDataSourceToken();
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');

/**
 * Subsidy accounting: tariffs, the ledger fed by case events, claims with four-eyes approval, payout files and
 * the budget. Wired with factories so application and infrastructure classes stay free of Nest decorators.
 */
@Module({
  controllers: [TariffsController, LedgerController, ClaimsController, PayoutController],
  providers: [
    { provide: SUBSIDIES_CONFIG, useFactory: () => loadConfig() },
    { provide: Clock, useClass: SystemClock },
    { provide: SERVICE_LOGGER, useFactory: () => createLogger('subsidies') },
    { provide: TariffRepository, useValue: new TariffRepository() },
    { provide: LedgerRepository, useValue: new LedgerRepository() },
    { provide: ClaimRepository, useValue: new ClaimRepository() },
    {
      provide: PeriodSettings,
      inject: [SUBSIDIES_CONFIG],
      useFactory: (c: SubsidiesConfig) => new PeriodSettings(periodMonthsOf(c)),
    },
    { provide: Pain001Schema, useFactory: () => new Pain001Schema() },
    {
      provide: DemoData,
      inject: [DS, TariffRepository, SUBSIDIES_CONFIG, SERVICE_LOGGER],
      useFactory: (ds: DataSource, t: TariffRepository, c: SubsidiesConfig, l: Logger) =>
        new DemoData(ds, t, c.demoData, l),
    },
    {
      provide: TariffsService,
      inject: [DS, TariffRepository, LedgerRepository, AuditLog],
      useFactory: (ds: DataSource, t: TariffRepository, l: LedgerRepository, a: AuditLog) =>
        new TariffsService(ds, t, l, a),
    },
    {
      provide: LedgerBooking,
      inject: [LedgerRepository, TariffRepository, PeriodSettings],
      useFactory: (l: LedgerRepository, t: TariffRepository, p: PeriodSettings) => new LedgerBooking(l, t, p),
    },
    {
      provide: LedgerQueries,
      inject: [DS, LedgerRepository, AuditLog],
      useFactory: (ds: DataSource, l: LedgerRepository, a: AuditLog) => new LedgerQueries(ds, l, a),
    },
    {
      provide: CaseEventConsumer,
      inject: [EventConsumers, LedgerBooking],
      useFactory: (c: EventConsumers, b: LedgerBooking) => new CaseEventConsumer(c, b),
    },
    {
      provide: ClaimRun,
      inject: [DS, ClaimRepository, PeriodSettings],
      useFactory: (ds: DataSource, r: ClaimRepository, p: PeriodSettings) => new ClaimRun(ds, r, p),
    },
    {
      provide: ClaimRunQueue,
      inject: [ClaimRun, Clock, SERVICE_LOGGER, SUBSIDIES_CONFIG],
      useFactory: (r: ClaimRun, clock: Clock, l: Logger, c: SubsidiesConfig) =>
        new ClaimRunQueue(r, clock, l, { prefix: c.jobsPrefix, everyMs: c.claimRunEveryMs, enabled: c.jobsEnabled }),
    },
    {
      provide: ClaimEvents,
      inject: [Outbox, ClaimRepository],
      useFactory: (o: Outbox, r: ClaimRepository) => new ClaimEvents(o, r),
    },
    {
      provide: ClaimQueries,
      inject: [DS, ClaimRepository, AuditLog],
      useFactory: (ds: DataSource, r: ClaimRepository, a: AuditLog) => new ClaimQueries(ds, r, a),
    },
    {
      provide: ClaimWorkflow,
      inject: [DS, ClaimRepository, ClaimEvents, AuditLog, Clock, ClaimQueries],
      useFactory: (ds: DataSource, r: ClaimRepository, e: ClaimEvents, a: AuditLog, clock: Clock, q: ClaimQueries) =>
        new ClaimWorkflow(ds, r, e, a, clock, q),
    },
    {
      provide: PayeesService,
      inject: [DS, AuditLog],
      useFactory: (ds: DataSource, a: AuditLog) => new PayeesService(ds, a),
    },
    {
      provide: BudgetService,
      inject: [DS, AuditLog],
      useFactory: (ds: DataSource, a: AuditLog) => new BudgetService(ds, a),
    },
    {
      provide: PayoutsService,
      inject: [DS, ClaimRepository, ClaimEvents, Pain001Schema, AuditLog, Clock, SUBSIDIES_CONFIG],
      useFactory: (
        ds: DataSource,
        r: ClaimRepository,
        e: ClaimEvents,
        s: Pain001Schema,
        a: AuditLog,
        clock: Clock,
        c: SubsidiesConfig,
      ) => new PayoutsService(ds, r, e, s, a, clock, payoutSettingsOf(c)),
    },
    {
      provide: PaymentNotifications,
      inject: [DS, ClaimRepository, PayoutsService, AuditLog, SUBSIDIES_CONFIG],
      useFactory: (ds: DataSource, r: ClaimRepository, p: PayoutsService, a: AuditLog, c: SubsidiesConfig) =>
        new PaymentNotifications(ds, r, p, a, payoutSettingsOf(c).debtor.iban),
    },
    XmlBodyStream,
  ],
  exports: [ClaimRunQueue, Clock],
})
export class SubsidiesModule {}
