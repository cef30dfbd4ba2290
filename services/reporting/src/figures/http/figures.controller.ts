import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuditLog, auditActorOf } from '@si/audit';
import { CurrentPrincipal, Roles, type Principal } from '@si/auth';
import { FigureQueries, type FigureReport } from '../application/figure-queries.js';
import { FigureTrace } from '../application/figure-trace.js';
import { CATALOGUE } from '../domain/catalogue.js';
import { KIP_KEY_FIGURES } from '../domain/kip-key-figures.js';
import { parsePeriod } from '../domain/period.js';
import type { FigureTable } from '../domain/figure-table.js';
import { csvExport } from '../exports/csv-export.js';
import { pdfExport } from '../exports/pdf-export.js';
import { xlsxExport } from '../exports/xlsx-export.js';
import { Snapshots } from '../../snapshots/application/snapshots.js';
import { ExportQuery, FigureQuery, KipQuery, TraceQuery } from './figure.query.js';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

@ApiTags('figures')
@Controller('api/v1/figures')
export class FiguresController {
  constructor(
    @Inject(FigureQueries) private readonly queries: FigureQueries,
    @Inject(FigureTrace) private readonly tracer: FigureTrace,
    @Inject(Snapshots) private readonly snapshots: Snapshots,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  @Get('catalogue')
  @Roles('ags', 'gemeinde', 'sozialregion', 'migrationsamt')
  @ApiOperation({
    summary: 'The versioned figure catalogue: what each figure counts, from which events, by which date',
  })
  catalogue() {
    return CATALOGUE;
  }

  @Get()
  @Roles('ags', 'gemeinde', 'sozialregion', 'migrationsamt')
  @ApiOperation({
    summary: "Figures per area and period in the caller's view",
    description:
      "AGS: every area. IB: their municipalities (Leitgemeinde: with its members) beside the canton (suppressed). Sozialregion: its region. Migrationsamt: its own figures. Outside AGS's view, or with public=true, counts 1 … threshold-1 are null, with complementary suppression; totals are the true totals.",
  })
  @ApiOkResponse({ description: 'FigureReport' })
  figures(@CurrentPrincipal() p: Principal, @Query() q: FigureQuery): Promise<FigureReport> {
    return this.queries.forCaller(p, {
      period: parsePeriod(q.period),
      level: q.level ?? 'municipality',
      breakdown: q.breakdown ?? null,
      figures: q.figures,
      public: q.public,
    });
  }

  @Get('kip')
  @Roles('ags')
  @ApiOperation({ summary: 'The SEM/KIP key figures of a year for the canton, with the IAS age split' })
  async kip(@CurrentPrincipal() p: Principal, @Query() q: KipQuery) {
    const period = parsePeriod(q.year);
    const report = await this.queries.forCaller(p, {
      period,
      level: 'canton',
      breakdown: 'ageGroup',
      figures: [...new Set(KIP_KEY_FIGURES.map((k) => k.figure))],
    });
    const byVariant = await this.queries.forCaller(p, {
      period,
      level: 'canton',
      breakdown: null,
      figures: [...new Set(KIP_KEY_FIGURES.map((k) => k.figure))],
    });
    return {
      year: q.year,
      catalogueVersion: report.catalogueVersion,
      keyFigures: KIP_KEY_FIGURES.map((k) => {
        const aged = tableOf(report, k.figure);
        const plain = tableOf(byVariant, k.figure);
        const total = k.variant === null ? plain.total : (plain.rows[0]?.values[plain.columns.indexOf(k.variant)] ?? 0);
        return {
          key: k.key,
          label: k.label,
          figure: k.figure,
          variant: k.variant,
          total,
          byAgeGroup:
            k.variant === null
              ? Object.fromEntries(aged.columns.map((c, i) => [c, aged.rows[0]?.values[i] ?? 0]))
              : null,
        };
      }),
    };
  }

  @Get('export')
  @Roles('ags', 'gemeinde', 'sozialregion', 'migrationsamt')
  @ApiOperation({ summary: 'The same figures as CSV, XLSX or a designed PDF report (chart, table, definitions)' })
  async export(@CurrentPrincipal() p: Principal, @Query() q: ExportQuery): Promise<StreamableFile> {
    const report = await this.queries.forCaller(p, {
      period: parsePeriod(q.period),
      level: q.level ?? 'municipality',
      breakdown: q.breakdown ?? null,
      figures: q.figures,
      public: q.public,
    });
    const body =
      q.format === 'csv' ? csvExport(report) : q.format === 'xlsx' ? await xlsxExport(report) : await pdfExport(report);
    await this.audit.recordAlone({
      actor: auditActorOf(p),
      action: 'figures.export',
      objectType: 'report',
      objectId: report.period.label,
      outcome: 'granted',
      detail: {
        format: q.format,
        level: report.level,
        public: q.public === true,
        suppressed: report.suppression.applied,
      },
    });
    return new StreamableFile(body, {
      type: TYPES[q.format],
      disposition: `attachment; filename="kennzahlen-${report.period.label}.${q.format}"`,
    });
  }

  @Get(':figure/trace')
  @Roles('ags', 'gemeinde', 'sozialregion', 'migrationsamt')
  @ApiParam({ name: 'figure', description: 'Catalogue key, e.g. first-information' })
  @ApiOperation({
    summary:
      "The events that make a figure's cell: ids, types, dates, pseudonymous case references; for the IB a link to the case",
  })
  async trace(@CurrentPrincipal() p: Principal, @Param('figure') figure: string, @Query() q: TraceQuery) {
    const upTo = q.snapshot ? (await this.snapshots.get(q.snapshot)).logPosition : undefined;
    return this.tracer.trace(p, {
      figure,
      period: parsePeriod(q.period),
      level: q.level,
      area: q.area,
      column: q.column,
      breakdown: q.breakdown,
      upTo,
    });
  }
}

/** The table of a figure the report was asked for (the queries return one per figure asked). */
function tableOf(report: FigureReport, figure: string): FigureTable {
  const table = report.figures.find((t) => t.figure === figure);
  if (!table) throw new Error(`the report lacks the figure ${figure} it was asked for`);
  return table;
}
