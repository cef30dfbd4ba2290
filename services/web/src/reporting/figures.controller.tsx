import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { ReportingApi } from '../api/clients.js';
import { sendPage } from '../shell/page.js';
import { webContext, type WebContext } from '../shell/web-context.js';
import { NotFoundPage } from '../shell/web-errors.js';
import { barChartSvg } from './chart.js';
import { columnLabel } from './figure-format.js';
import { filterOf, figuresHref, type FigureFilter } from './figure-filter.js';
import { DashboardView } from './dashboard.view.js';
import { averageOf, MunicipalityView } from './municipality.view.js';
import { PERIOD, periodOptions } from './periods.js';
import { ReportExports } from './report-export.js';
import { BREAKDOWNS, LEVELS, type Catalogue, type FigureReport, type Level, type Trace } from './reporting.api.js';
import { TraceView } from './trace.view.js';
import { UUID } from '../api/uuid.js';

/** The counts the overview charts compare (persons and events; the catalogue's headline figures). */
const HEADLINE = [
  'arrivals',
  'first-information',
  'first-information-talks',
  'integration-talks',
  'agreements',
  'migrationsamt-reports',
  'dfpa-handovers',
  'referrals',
  'offer-participations',
  'mentoring-tandems',
];
const CHART_ROWS = 15;

const isOfficer = (ctx: WebContext) =>
  !!ctx.user && ctx.user.roles.includes('gemeinde') && !ctx.user.roles.includes('ags');

/**
 * The figures: AGS's dashboard (every area, charts, filters, exports), the municipality's view (its figures beside
 * the canton), and the drill-down to the events. The reporting service decides what each caller sees.
 */
@Controller('kennzahlen')
@Roles('ags', 'gemeinde', 'sozialregion', 'migrationsamt')
export class FiguresController {
  constructor(
    @Inject(ReportingApi) private readonly reporting: ReportingApi,
    @Inject(ReportExports) private readonly exports: ReportExports,
  ) {}

  @Get()
  async figures(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const officer = isOfficer(ctx);
    const levels: readonly Level[] = officer ? ['municipality', 'leitgemeinde'] : LEVELS;
    const filter = filterOf(query, levels);
    const catalogue = await this.reporting.get<Catalogue>(request, '/api/v1/figures/catalogue');
    const base = { period: filter.period, breakdown: undefined };
    if (officer) {
      const overview = await this.reporting.get<FigureReport>(request, '/api/v1/figures', {
        ...base,
        level: filter.level,
      });
      const visible = {
        ...catalogue,
        figures: catalogue.figures.filter((f) => overview.figures.some((t) => t.figure === f.key)),
      };
      const chosen = this.chosen(filter, visible);
      const detail = await this.reporting.get<FigureReport>(request, '/api/v1/figures', {
        period: chosen.period,
        level: chosen.level,
        breakdown: chosen.breakdown,
        figures: [chosen.figure],
      });
      return sendPage(
        request,
        reply,
        { title: ctx.t('reporting.ownTitle') },
        <MunicipalityView
          ctx={ctx}
          catalogue={visible}
          filter={chosen}
          periods={periodOptions()}
          overview={overview}
          detail={detail}
          chart={this.ownChart(ctx, overview)}
        />,
      );
    }
    const keyFigures = await this.reporting.get<FigureReport>(request, '/api/v1/figures', { ...base, level: 'canton' });
    const visible = {
      ...catalogue,
      figures: catalogue.figures.filter((f) => keyFigures.figures.some((t) => t.figure === f.key)),
    };
    const chosen = this.chosen(filter, visible);
    const detail = await this.reporting.get<FigureReport>(request, '/api/v1/figures', {
      period: chosen.period,
      level: chosen.level,
      breakdown: chosen.breakdown,
      figures: [chosen.figure],
    });
    return sendPage(
      request,
      reply,
      { title: ctx.t('reporting.dashboardTitle') },
      <DashboardView
        ctx={ctx}
        catalogue={visible}
        filter={chosen}
        levels={levels}
        periods={periodOptions()}
        keyFigures={keyFigures}
        detail={detail}
        charts={this.dashboardCharts(ctx, chosen, keyFigures, detail)}
      />,
    );
  }

  @Get('export')
  async export(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const format = query['format'];
    if (format !== 'csv' && format !== 'xlsx' && format !== 'pdf') throw new NotFoundPage();
    const filter = filterOf(query);
    const file = await this.exports.fetch(request, {
      format,
      period: filter.period,
      level: filter.level,
      breakdown: filter.breakdown,
      public: query['public'] === 'true' ? 'true' : undefined,
    });
    return reply
      .status(200)
      .header('content-type', file.contentType)
      .header('content-disposition', file.disposition)
      .send(file.body);
  }

  @Get(':figure/ereignisse')
  async trace(
    @Param('figure') figure: string,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = webContext(request);
    const str = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : undefined);
    const level = str('level');
    const area = str('area');
    const period = str('period');
    const column = str('column');
    const breakdown = str('breakdown');
    const snapshot = str('snapshot');
    if (
      !/^[a-z0-9-]{1,60}$/.test(figure) ||
      !period ||
      !PERIOD.test(period) ||
      !(LEVELS as readonly string[]).includes(level ?? '') ||
      !area ||
      !/^[A-Za-z0-9-]{1,60}$/.test(area) ||
      (column !== undefined && !/^[A-Za-z0-9+-]{1,40}$/.test(column)) ||
      (breakdown !== undefined && !(BREAKDOWNS as readonly string[]).includes(breakdown)) ||
      (snapshot !== undefined && !UUID.test(snapshot))
    )
      throw new NotFoundPage();
    const [trace, catalogue] = await Promise.all([
      this.reporting.get<Trace>(request, `/api/v1/figures/${figure}/trace`, {
        period,
        level,
        area,
        column,
        breakdown,
        snapshot,
      }),
      this.reporting.get<Catalogue>(request, '/api/v1/figures/catalogue'),
    ]);
    const title = catalogue.figures.find((f) => f.key === figure)?.title.de ?? figure;
    const back = snapshot
      ? `/kennzahlen/stichtage/${snapshot}`
      : figuresHref({
          period,
          level: level as Level,
          figure,
          ...(breakdown ? { breakdown: breakdown as FigureFilter['breakdown'] } : {}),
        });
    return sendPage(
      request,
      reply,
      { title: ctx.t('reporting.traceTitle') },
      <TraceView ctx={ctx} trace={trace} title={title} back={back} />,
    );
  }

  /** The figure asked for if the role may see it, else the first one it may. */
  private chosen(filter: FigureFilter, visible: Catalogue): FigureFilter {
    if (visible.figures.some((f) => f.key === filter.figure)) return filter;
    return { ...filter, figure: visible.figures[0]?.key ?? filter.figure };
  }

  private dashboardCharts(ctx: WebContext, filter: FigureFilter, keyFigures: FigureReport, detail: FigureReport) {
    const { t } = ctx;
    const charts: { title: string; svg: string; testId: string }[] = [];
    const table = detail.figures[0];
    if (table && table.unit !== 'share') {
      const valueColumns = table.unit === 'days' ? [1] : table.columns.map((_, i) => i);
      const rows = [...table.rows]
        .filter((r) => (filter.area ? r.area.id === filter.area : true))
        .map((r) => ({ r, sum: valueColumns.reduce((s, i) => s + (r.values[i] ?? 0), 0) }))
        .filter((x) => x.sum > 0)
        .sort((a, b) => b.sum - a.sum)
        .slice(0, CHART_ROWS);
      if (rows.length) {
        charts.push({
          testId: 'chart-areas',
          title: `${t('reporting.chartTitle', { figure: table.title, level: t(`reporting.level.${filter.level}`) })}${
            table.rows.length > CHART_ROWS ? ` ${t('reporting.chartTop', { count: rows.length })}` : ''
          }`,
          svg: barChartSvg({
            horizontal: true,
            categories: rows.map((x) => x.r.area.name),
            series: valueColumns.map((i) => ({
              name: columnLabel(ctx, table.columns[i] ?? ''),
              values: rows.map((x) => x.r.values[i] ?? 0),
            })),
          }),
        });
      }
    }
    const headline = keyFigures.figures.filter((f) => HEADLINE.includes(f.figure) && f.total !== null);
    if (headline.length) {
      charts.push({
        testId: 'chart-headline',
        title: t('reporting.keyFiguresCaption', { period: filter.period }),
        svg: barChartSvg({
          horizontal: true,
          categories: headline.map((f) => f.title),
          series: [{ name: t('reporting.total'), values: headline.map((f) => f.total ?? 0) }],
        }),
      });
    }
    return charts;
  }

  private ownChart(ctx: WebContext, overview: FigureReport): { title: string; svg: string } | null {
    const { t } = ctx;
    const canton = overview.comparison?.canton ?? [];
    const count = overview.comparison?.municipalities ?? 0;
    const figures = overview.figures.filter((f) => HEADLINE.includes(f.figure));
    if (!figures.length) return null;
    return {
      title: `${t('reporting.own')} / ${t('reporting.average')}`,
      svg: barChartSvg({
        horizontal: true,
        categories: figures.map((f) => f.title),
        series: [
          {
            name: t('reporting.own'),
            // Per municipality, as the average it stands beside (a Leitgemeinde IB sees several rows).
            values: figures.map(
              (f) =>
                Math.round(
                  (f.rows.reduce((s, r) => s + (r.total ?? r.values[0] ?? 0), 0) / Math.max(1, f.rows.length)) * 10,
                ) / 10,
            ),
          },
          {
            name: t('reporting.average'),
            values: figures.map(
              (f) =>
                Math.round(
                  (averageOf(
                    canton.find((c) => c.figure === f.figure),
                    count,
                  ) ?? 0) * 10,
                ) / 10,
            ),
          },
        ],
      }),
    };
  }
}
