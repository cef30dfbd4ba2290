import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@si/audit';
import { REPORTING_CONFIG, type ReportingConfig } from '../config/reporting.config.js';
import { Clock } from '../shared/clock.js';
import { ReportingReference } from '../shared/reference.js';
import { Snapshots } from '../snapshots/application/snapshots.js';
import { SnapshotsController } from '../snapshots/http/snapshots.controller.js';
import { FigureQueries } from './application/figure-queries.js';
import { FigureTrace } from './application/figure-trace.js';
import { FiguresController } from './http/figures.controller.js';
import { CellSource } from './infrastructure/cell-source.js';

const DS = getDataSourceToken();

/** Figures, their trace and exports, and the snapshots that freeze them (points 2–6). */
@Module({
  controllers: [FiguresController, SnapshotsController],
  providers: [
    { provide: CellSource, useValue: new CellSource() },
    {
      provide: FigureQueries,
      inject: [DS, CellSource, ReportingReference, REPORTING_CONFIG, Clock],
      useFactory: (ds: DataSource, cells: CellSource, ref: ReportingReference, c: ReportingConfig, clock: Clock) =>
        new FigureQueries(ds, cells, ref, c.smallCellThreshold, () => clock.today()),
    },
    {
      provide: FigureTrace,
      inject: [DS, FigureQueries, ReportingReference, AuditLog, REPORTING_CONFIG],
      useFactory: (ds: DataSource, q: FigureQueries, ref: ReportingReference, audit: AuditLog, c: ReportingConfig) =>
        new FigureTrace(ds, q, ref, audit, c.caseManagementUrl),
    },
    {
      provide: Snapshots,
      inject: [DS, FigureQueries, AuditLog, REPORTING_CONFIG],
      useFactory: (ds: DataSource, q: FigureQueries, audit: AuditLog, c: ReportingConfig) =>
        new Snapshots(ds, q, audit, c.smallCellThreshold),
    },
  ],
  exports: [FigureQueries],
})
export class FiguresModule {}
