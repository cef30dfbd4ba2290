import type { WebContext } from '../shell/web-context.js';
import { cellText, columnLabel, traceable } from './figure-format.js';
import { traceHref } from './figure-filter.js';
import type { Breakdown, FigureTable, Level } from './reporting.api.js';

/** A chart rendered on the server (SVG), described for screen readers; the table below carries the same numbers. */
export function Chart({ ctx, title, svg, testId }: { ctx: WebContext; title: string; svg: string; testId: string }) {
  return (
    <figure class="chart" data-testid={testId}>
      <div
        role="img"
        aria-label={`${title}. ${ctx.t('reporting.chartDescription')}`}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <figcaption>{title}</figcaption>
    </figure>
  );
}

/**
 * One figure as a table: areas × columns with totals; every non-empty cell links to the events that make it
 * (the drill-down). Suppressed cells say "unterdrückt", never a number.
 */
export function FigureTableView({
  ctx,
  table,
  caption,
  cell,
  areaFilter,
  noLinks,
}: {
  ctx: WebContext;
  table: FigureTable;
  caption: string;
  cell: { period: string; level: Level; breakdown?: Breakdown; snapshot?: string };
  areaFilter?: string;
  /** No drill-down (the canton beside an IB's own figures is outside their trace scope). */
  noLinks?: boolean;
}) {
  const rows = areaFilter ? table.rows.filter((r) => r.area.id === areaFilter) : table.rows;
  const link = traceable(table) && !noLinks;
  const showRowTotal = table.columns.length > 1 && table.unit !== 'days' && table.unit !== 'share';
  const value = (area: { id: string; name: string }, v: number | null, column?: string) => {
    const text = cellText(ctx, table.unit, v, column);
    if (v === null)
      return (
        <span class="suppressed" title={ctx.t('reporting.suppressedHint')}>
          {text}
        </span>
      );
    if (!link || v === 0) return text;
    return (
      <a
        href={traceHref(table.figure, { ...cell, area: area.id, ...(column ? { column } : {}) })}
        aria-label={ctx.t('reporting.traceOf', {
          value: text,
          area: area.name,
          column: column ? columnLabel(ctx, column) : ctx.t('reporting.total'),
        })}
      >
        {text}
      </a>
    );
  };
  return (
    <div class="table-wrap">
      <table data-testid={`figure-table-${table.figure}`} class="figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t(`reporting.level.${cell.level}`)}</th>
            {table.columns.map((c) => (
              <th scope="col" class="num">
                {columnLabel(ctx, c)}
              </th>
            ))}
            {showRowTotal ? (
              <th scope="col" class="num">
                {ctx.t('reporting.total')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.area.name}</th>
              {r.values.map((v, i) => (
                <td class="num">{value(r.area, v, table.columns[i])}</td>
              ))}
              {showRowTotal ? (
                <td class="num">{value(r.area, r.total ?? r.values.reduce<number>((s, x) => s + (x ?? 0), 0))}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
        {table.columnTotals && !areaFilter ? (
          <tfoot>
            <tr>
              <th scope="row">{ctx.t('reporting.total')}</th>
              {table.columnTotals.map((v, i) => (
                <td class="num">{cellText(ctx, table.unit, v, table.columns[i])}</td>
              ))}
              {showRowTotal ? <td class="num">{cellText(ctx, table.unit, table.total)}</td> : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
      {table.suppressedCells > 0 ? (
        <p class="hint">{ctx.t('reporting.suppressedCount', { count: table.suppressedCells })}</p>
      ) : null}
    </div>
  );
}
