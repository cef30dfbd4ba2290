import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@si/audit';
import { EventConsumers, Outbox } from '@si/messaging';
import type { Logger } from '@si/observability';
import { DFPA_CONFIG, type DfpaConfig } from '../config/dfpa.config.js';
import { Clock } from '../shared/clock.js';
import type { SozialregionReference } from '../shared/reference-data.js';
import type { ServedRegions } from './domain/index.js';
import { DfpaCases } from './application/dfpa-cases.js';
import { DfpaWrites } from './application/dfpa-writes.js';
import { HandoverInbox } from './application/handover-inbox.js';
import { DfpaCasesController } from './http/dfpa-cases.controller.js';
import { FiguresController } from './http/figures.controller.js';
import { HandoversController } from './http/handovers.controller.js';
import { DFPA_LOGGER, SERVED_REGIONS, SOZIALREGIONEN } from './http/regions.token.js';
import { DeadlineRepository } from './infrastructure/deadline.repository.js';
import { DfpaCaseRepository } from './infrastructure/dfpa-case.repository.js';
import { HandoverRepository } from './infrastructure/handover.repository.js';
import { DeadlineJobsLifecycle } from './jobs/deadline-jobs.lifecycle.js';
import { DeadlineQueue } from './jobs/deadline-queue.js';
import { DfpaEventConsumers } from './messaging/dfpa-event-consumers.js';

const DS = getDataSourceToken();

/** The Sozialregion's DFPA: inbox, cases, reminders and the region-routed hand-over consumers. Wired with factories (no decorators below http/). */
@Module({
  controllers: [HandoversController, DfpaCasesController, FiguresController],
  providers: [
    { provide: DfpaCaseRepository, useValue: new DfpaCaseRepository() },
    { provide: HandoverRepository, useValue: new HandoverRepository() },
    { provide: DeadlineRepository, useValue: new DeadlineRepository() },
    {
      provide: DeadlineQueue,
      inject: [DS, DeadlineRepository, Clock, DFPA_LOGGER, DFPA_CONFIG],
      useFactory: (ds: DataSource, d: DeadlineRepository, clock: Clock, logger: Logger, c: DfpaConfig) =>
        new DeadlineQueue(ds, d, clock, logger, { prefix: c.jobsPrefix, sweepEveryMs: c.sweepEveryMs }),
    },
    {
      provide: DeadlineJobsLifecycle,
      inject: [DeadlineQueue, DFPA_CONFIG],
      useFactory: (q: DeadlineQueue, c: DfpaConfig) => new DeadlineJobsLifecycle(q, c.jobsEnabled),
    },
    {
      provide: DfpaWrites,
      inject: [DfpaCaseRepository, DeadlineRepository, Outbox, AuditLog, DFPA_CONFIG],
      useFactory: (r: DfpaCaseRepository, d: DeadlineRepository, o: Outbox, a: AuditLog, c: DfpaConfig) =>
        new DfpaWrites(r, d, o, a, c.reminderLeadDays),
    },
    {
      provide: HandoverInbox,
      inject: [
        DS,
        HandoverRepository,
        DeadlineRepository,
        DfpaWrites,
        Outbox,
        AuditLog,
        DeadlineQueue,
        Clock,
        SERVED_REGIONS,
        DFPA_CONFIG,
      ],
      useFactory: (
        ds: DataSource,
        h: HandoverRepository,
        d: DeadlineRepository,
        w: DfpaWrites,
        o: Outbox,
        a: AuditLog,
        q: DeadlineQueue,
        clock: Clock,
        r: ServedRegions,
        c: DfpaConfig,
      ) => new HandoverInbox(ds, h, d, w, o, a, q, clock, r, c.answerWorkingDays),
    },
    {
      provide: DfpaCases,
      inject: [DS, DfpaCaseRepository, DeadlineRepository, DfpaWrites, AuditLog, DeadlineQueue, Clock, SOZIALREGIONEN],
      useFactory: (
        ds: DataSource,
        r: DfpaCaseRepository,
        d: DeadlineRepository,
        w: DfpaWrites,
        a: AuditLog,
        q: DeadlineQueue,
        clock: Clock,
        s: SozialregionReference,
      ) => new DfpaCases(ds, r, d, w, a, q, clock, s.ids, s.regionOf),
    },
    {
      provide: DfpaEventConsumers,
      inject: [EventConsumers, SERVED_REGIONS, HandoverInbox, DfpaCases, DeadlineQueue],
      useFactory: (e: EventConsumers, r: ServedRegions, i: HandoverInbox, c: DfpaCases, q: DeadlineQueue) =>
        new DfpaEventConsumers(e, r, i, c, q),
    },
  ],
  exports: [DeadlineQueue],
})
export class DfpaModule {}
