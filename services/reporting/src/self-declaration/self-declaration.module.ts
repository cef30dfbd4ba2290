import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@si/audit';
import type { Logger } from '@si/observability';
import { REPORTING_CONFIG, type ReportingConfig } from '../config/reporting.config.js';
import { FigureQueries } from '../figures/application/figure-queries.js';
import { FiguresModule } from '../figures/figures.module.js';
import { Clock } from '../shared/clock.js';
import { ReportingReference } from '../shared/reference.js';
import { REPORTING_LOGGER } from '../shared/shared.module.js';
import { Questionnaires } from './application/questionnaires.js';
import { Reminders } from './application/reminders.js';
import { Responses } from './application/responses.js';
import { Results } from './application/results.js';
import { Rounds } from './application/rounds.js';
import { SelfDeclarationsController } from './http/self-declarations.controller.js';
import { SelfDeclarationQueue } from './jobs/self-declaration-queue.js';

const DS = getDataSourceToken();

/** The yearly Selbstdeklaration: questionnaires, rounds, responses, results and reminders (point 7). */
@Module({
  imports: [FiguresModule],
  controllers: [SelfDeclarationsController],
  providers: [
    {
      provide: Questionnaires,
      inject: [DS, AuditLog],
      useFactory: (ds: DataSource, a: AuditLog) => new Questionnaires(ds, a),
    },
    {
      provide: Reminders,
      inject: [DS, ReportingReference, REPORTING_LOGGER],
      useFactory: (ds: DataSource, r: ReportingReference, l: Logger) => new Reminders(ds, r, l),
    },
    {
      provide: SelfDeclarationQueue,
      inject: [Reminders, Clock, REPORTING_LOGGER, REPORTING_CONFIG],
      useFactory: (r: Reminders, clock: Clock, l: Logger, c: ReportingConfig) =>
        new SelfDeclarationQueue(r, clock, l, {
          prefix: c.jobsPrefix,
          sweepEveryMs: c.sweepEveryMs,
          enabled: c.jobsEnabled,
        }),
    },
    {
      provide: Rounds,
      inject: [DS, Questionnaires, AuditLog, SelfDeclarationQueue],
      useFactory: (ds: DataSource, q: Questionnaires, a: AuditLog, queue: SelfDeclarationQueue) =>
        new Rounds(ds, q, a, (round) => queue.scheduleRound(round)),
    },
    {
      provide: Responses,
      inject: [DS, Rounds, Questionnaires, FigureQueries, ReportingReference, AuditLog],
      useFactory: (
        ds: DataSource,
        r: Rounds,
        q: Questionnaires,
        f: FigureQueries,
        ref: ReportingReference,
        a: AuditLog,
      ) => new Responses(ds, r, q, f, ref, a),
    },
    {
      provide: Results,
      inject: [DS, Rounds, ReportingReference],
      useFactory: (ds: DataSource, r: Rounds, ref: ReportingReference) => new Results(ds, r, ref),
    },
  ],
  exports: [SelfDeclarationQueue],
})
export class SelfDeclarationModule {}
