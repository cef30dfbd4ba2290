import { Module } from '@nestjs/common';
import { FiguresController } from './figures.controller.js';
import { ReportExports } from './report-export.js';
import { SnapshotsController } from './snapshots.controller.js';

/** Issue 14 point 8: the AGS dashboard, the municipality's view, the drill-down, snapshots and exports. */
@Module({ controllers: [SnapshotsController, FiguresController], providers: [ReportExports] })
export class ReportingModule {}
