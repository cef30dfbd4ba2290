import type { WebContext } from '../shell/web-context.js';
import { formatDate } from '../i18n/format.js';
import { keyValue, traceable } from './figure-format.js';
import { exportHref, figuresHref, traceHref, type FigureFilter } from './figure-filter.js';
import { Chart, FigureTableView } from './figure-table.view.js';
import type { PeriodOption } from './periods.js';
import { BREAKDOWNS, type Catalogue, type FigureReport, type FigureTable, type Level } from './reporting.api.js';

export interface DashboardProps {
  ctx: WebContext;
  catalogue: Catalogue;
  filter: FigureFilter;
  levels: readonly Level[];
  periods: PeriodOption[];
  /** Every figure of the role at the canton (or the caller's whole area): the key figures. */
  keyFigures: FigureReport;
  /** The chosen figure at the chosen level and breakdown. */
  detail: FigureReport;
  charts: { title: string; svg: string; testId: string }[];
}

/** The filter form: period, level, area, breakdown, figure; a plain GET form (works without script, linkable). */
export function FilterForm({
  ctx,
  filter,
  levels,
  periods,
  catalogue,
  areas,
}: {
  ctx: WebContext;
  filter: FigureFilter;
  levels: readonly Level[];
  periods: PeriodOption[];
  catalogue: Catalogue;
  areas: { id: string; name: string }[];
}) {
  const { t } = ctx;
  return (
    <form method="get" action="/kennzahlen" class="filters" aria-label={t('reporting.filters')}>
      <div>
        <label for="f-period">{t('reporting.period.label')}</label>
        <select id="f-period" name="period">
          {periods.some((p) => p.value === filter.period) ? null : (
            <option value={filter.period}>{filter.period}</option>
          )}
          {periods.map((p) => (
            <option value={p.value} selected={p.value === filter.period}>
              {t(p.key, p.params)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-level">{t('reporting.level.label')}</label>
        <select id="f-level" name="level">
          {levels.map((l) => (
            <option value={l} selected={l === filter.level}>
              {t(`reporting.level.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-area">{t('reporting.area')}</label>
        <select id="f-area" name="area">
          <option value="">{t('reporting.allAreas')}</option>
          {areas.map((a) => (
            <option value={a.id} selected={a.id === filter.area}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-breakdown">{t('reporting.breakdown.label')}</label>
        <select id="f-breakdown" name="breakdown">
          <option value="">{t('reporting.breakdown.none')}</option>
          {BREAKDOWNS.map((b) => (
            <option value={b} selected={b === filter.breakdown}>
              {t(`reporting.breakdown.${b}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-figure">{t('reporting.figure')}</label>
        <select id="f-figure" name="figure">
          {catalogue.figures.map((f) => (
            <option value={f.key} selected={f.key === filter.figure}>
              {f.title.de}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit">{t('reporting.show')}</button>
      </div>
    </form>
  );
}

export function ExportLinks({ ctx, filter }: { ctx: WebContext; filter: FigureFilter }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="exports-title" class="exports">
      <h2 id="exports-title">{t('reporting.exports')}</h2>
      <p class="hint">{t('reporting.exportHint')}</p>
      <ul class="inline-list" data-testid="exports">
        <li>
          <a href={exportHref(filter, 'csv')} download>
            {t('reporting.exportCsv')}
          </a>
        </li>
        <li>
          <a href={exportHref(filter, 'xlsx')} download>
            {t('reporting.exportXlsx')}
          </a>
        </li>
        <li>
          <a href={exportHref(filter, 'pdf')} download>
            {t('reporting.exportPdf')}
          </a>
        </li>
        <li>
          <a href={exportHref(filter, 'pdf', true)} download>
            {t('reporting.exportPublic')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** The catalogue's definition of a figure, beside its value (what counts, from which events, by which date). */
export function Definition({ ctx, catalogue, figure }: { ctx: WebContext; catalogue: Catalogue; figure: string }) {
  const def = catalogue.figures.find((f) => f.key === figure);
  if (!def) return null;
  return (
    <details class="definition">
      <summary>{ctx.t('reporting.definition')}</summary>
      <dl class="facts">
        <dt>{ctx.t('reporting.definition')}</dt>
        <dd>{def.definition}</dd>
        <dt>{ctx.t('reporting.sources')}</dt>
        <dd>{def.sources.join(', ')}</dd>
        <dt>{ctx.t('reporting.dateBasis')}</dt>
        <dd>{def.dateBasis}</dd>
        {def.kip ? (
          <>
            <dt>{ctx.t('reporting.kip')}</dt>
            <dd>{def.kip}</dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}

function KeyFigures({
  ctx,
  catalogue,
  report,
  filter,
}: {
  ctx: WebContext;
  catalogue: Catalogue;
  report: FigureReport;
  filter: FigureFilter;
}) {
  const { t } = ctx;
  const areaOf = (table: FigureTable) => table.rows[0]?.area;
  return (
    <div class="table-wrap">
      <table data-testid="key-figures">
        <caption>{t('reporting.keyFiguresCaption', { period: filter.period })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reporting.figure')}</th>
            <th scope="col" class="num">
              {t('reporting.value')}
            </th>
            <th scope="col">{t('reporting.definition')}</th>
          </tr>
        </thead>
        <tbody>
          {report.figures.map((table) => {
            const area = areaOf(table);
            const text = keyValue(ctx, table);
            return (
              <tr data-figure={table.figure}>
                <th scope="row">
                  <a href={figuresHref(filter, { figure: table.figure })}>{table.title}</a>
                </th>
                <td class="num">
                  {area && traceable(table) && table.total ? (
                    <a
                      href={traceHref(table.figure, { period: filter.period, level: 'canton', area: area.id })}
                      aria-label={t('reporting.traceOf', {
                        value: text,
                        area: area.name,
                        column: t('reporting.total'),
                      })}
                    >
                      {text}
                    </a>
                  ) : (
                    text
                  )}
                </td>
                <td>
                  <Definition ctx={ctx} catalogue={catalogue} figure={table.figure} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The AGS dashboard (also the Sozialregion's and the Migrationsamt's view of their own figures). */
export function DashboardView({ ctx, catalogue, filter, levels, periods, keyFigures, detail, charts }: DashboardProps) {
  const { t } = ctx;
  const table = detail.figures[0];
  const def = catalogue.figures.find((f) => f.key === filter.figure);
  return (
    <>
      <h1>{t('reporting.dashboardTitle')}</h1>
      <p>{t('reporting.intro', { version: catalogue.version })}</p>
      <FilterForm
        ctx={ctx}
        filter={filter}
        levels={levels}
        periods={periods}
        catalogue={catalogue}
        areas={(table?.rows ?? []).map((r) => r.area)}
      />
      <p class="hint">
        {formatDate(detail.period.from)} – {formatDate(detail.period.to)}
        {detail.suppression.applied ? ` · ${t('reporting.suppressedHint')}` : ''}
      </p>
      <h2>{t('reporting.keyFigures')}</h2>
      <KeyFigures ctx={ctx} catalogue={catalogue} report={keyFigures} filter={filter} />
      {table ? (
        <section aria-labelledby="detail-title">
          <h2 id="detail-title">{table.title}</h2>
          {def ? <p>{def.definition}</p> : null}
          <div class="charts">
            {charts.map((c) => (
              <Chart ctx={ctx} title={c.title} svg={c.svg} testId={c.testId} />
            ))}
          </div>
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
        </section>
      ) : null}
      <ExportLinks ctx={ctx} filter={filter} />
    </>
  );
}
