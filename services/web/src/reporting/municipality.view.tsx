import type { WebContext } from '../shell/web-context.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { formatChf } from '../i18n/money.js';
import { cellText, keyValue, traceable } from './figure-format.js';
import { traceHref, type FigureFilter } from './figure-filter.js';
import { Chart, FigureTableView } from './figure-table.view.js';
import { Definition, ExportLinks, FilterForm } from './dashboard.view.js';
import type { PeriodOption } from './periods.js';
import type { Catalogue, FigureReport, FigureTable } from './reporting.api.js';

/** The cantonal average per municipality of a count or sum figure (the true total ÷ the municipalities). */
export function averageOf(canton: FigureTable | undefined, municipalities: number): number | null {
  if (!canton || canton.total === null || municipalities === 0) return null;
  if (canton.unit !== 'persons' && canton.unit !== 'events' && canton.unit !== 'rappen') return null;
  return canton.total / municipalities;
}

const averageText = (table: FigureTable, avg: number | null) =>
  avg === null ? '–' : table.unit === 'rappen' ? formatChf(Math.round(avg)) : formatNumber(Math.round(avg * 10) / 10);

/** Own value of a figure in one municipality's row: its total, or its one cell. */
const ownValue = (row: FigureTable['rows'][number]) => row.total ?? row.values[0] ?? null;

/** The municipality's view (IB): its figures beside the canton's and the cantonal average; suppressed cells say so. */
export function MunicipalityView({
  ctx,
  catalogue,
  filter,
  periods,
  overview,
  detail,
  chart,
}: {
  ctx: WebContext;
  catalogue: Catalogue;
  filter: FigureFilter;
  periods: PeriodOption[];
  overview: FigureReport;
  detail: FigureReport;
  chart: { title: string; svg: string } | null;
}) {
  const { t } = ctx;
  const canton = overview.comparison?.canton ?? [];
  const count = overview.comparison?.municipalities ?? 0;
  const own = overview.figures[0]?.rows.map((r) => r.area) ?? [];
  const table = detail.figures[0];
  const cantonTable = detail.comparison?.canton[0];
  return (
    <>
      <h1>{t('reporting.ownTitle')}</h1>
      <p>{t('reporting.ownIntro', { max: overview.suppression.threshold - 1 })}</p>
      <FilterForm
        ctx={ctx}
        filter={filter}
        levels={['municipality', 'leitgemeinde']}
        periods={periods}
        catalogue={catalogue}
        areas={own}
      />
      <p class="hint">
        {formatDate(overview.period.from)} – {formatDate(overview.period.to)}
      </p>
      {chart ? <Chart ctx={ctx} title={chart.title} svg={chart.svg} testId="chart-own" /> : null}
      <h2>{t('reporting.keyFigures')}</h2>
      <div class="table-wrap">
        <table data-testid="own-figures">
          <caption>{t('reporting.keyFiguresCaption', { period: filter.period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reporting.figure')}</th>
              {own.map((a) => (
                <th scope="col" class="num">
                  {a.name}
                </th>
              ))}
              <th scope="col" class="num">
                {t('reporting.canton')}
              </th>
              <th scope="col" class="num">
                {t('reporting.average')}
                <span class="hint">{t('reporting.averageHint', { count })}</span>
              </th>
              <th scope="col">{t('reporting.definition')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.figures.map((f) => {
              const c = canton.find((x) => x.figure === f.figure);
              return (
                <tr data-figure={f.figure}>
                  <th scope="row">
                    <a href={`/kennzahlen?period=${filter.period}&level=${filter.level}&figure=${f.figure}`}>
                      {f.title}
                    </a>
                  </th>
                  {f.rows.map((r) => {
                    const v = ownValue(r);
                    const text =
                      f.unit === 'days' || f.unit === 'share'
                        ? keyValue(ctx, { ...f, rows: [r], columnTotals: r.values, total: r.values[2] ?? null })
                        : cellText(ctx, f.unit, v);
                    return (
                      <td class="num">
                        {traceable(f) && v ? (
                          <a
                            href={traceHref(f.figure, { period: filter.period, level: filter.level, area: r.area.id })}
                            aria-label={t('reporting.traceOf', {
                              value: text,
                              area: r.area.name,
                              column: t('reporting.total'),
                            })}
                          >
                            {text}
                          </a>
                        ) : (
                          text
                        )}
                      </td>
                    );
                  })}
                  <td class="num">{c ? keyValue(ctx, c) : '–'}</td>
                  <td class="num">{c ? averageText(c, averageOf(c, count)) : '–'}</td>
                  <td>
                    <Definition ctx={ctx} catalogue={catalogue} figure={f.figure} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {table ? (
        <section aria-labelledby="detail-title">
          <h2 id="detail-title">{table.title}</h2>
          <FigureTableView
            ctx={ctx}
            table={table}
            caption={t('reporting.tableCaption', {
              figure: table.title,
              period: filter.period,
              level: t(`reporting.level.${filter.level}`),
            })}
            cell={{
              period: filter.period,
              level: filter.level,
              ...(filter.breakdown ? { breakdown: filter.breakdown } : {}),
            }}
            {...(filter.area ? { areaFilter: filter.area } : {})}
          />
          {cantonTable ? (
            <FigureTableView
              ctx={ctx}
              table={cantonTable}
              caption={t('reporting.comparisonCaption', { figure: table.title, period: filter.period })}
              cell={{
                period: filter.period,
                level: 'canton',
                ...(filter.breakdown ? { breakdown: filter.breakdown } : {}),
              }}
              noLinks
            />
          ) : null}
        </section>
      ) : null}
      <ExportLinks ctx={ctx} filter={filter} />
    </>
  );
}
