import { formatNumber } from '../i18n/format.js';
import { formatChf } from '../i18n/money.js';
import { languageName } from '../shared/reference-data.js';
import type { WebContext } from '../shell/web-context.js';
import type { FigureTable } from './reporting.api.js';

/** A cell as text: suppressed cells say so (never 0), amounts in francs, shares in per cent. */
export function cellText(ctx: WebContext, unit: FigureTable['unit'], value: number | null, column?: string): string {
  if (value === null) return ctx.t('reporting.suppressed');
  if (unit === 'rappen') return formatChf(value);
  if (unit === 'share' && column === 'sharePercent') return `${formatNumber(value)} %`;
  return formatNumber(value);
}

/** A column heading: a variant, a breakdown value or a language (interpreter talks are split by ISO 639-3). */
export function columnLabel(ctx: WebContext, column: string): string {
  if (column === '') return ctx.t('reporting.column.count');
  if (/^[a-z]{3}$/.test(column)) {
    const name = languageName(column);
    if (name !== column) return name;
  }
  return ctx.t(`reporting.column.${column}`, { defaultValue: column });
}

/** The figure's total as a key figure: the median for day figures, the share for the active municipalities. */
export function keyValue(ctx: WebContext, table: FigureTable): string {
  if (table.unit === 'days') {
    const [persons, median] = table.columnTotals ?? [table.total, null];
    return median === null || median === undefined
      ? '–'
      : `${formatNumber(median)} ${ctx.t('reporting.days')} (${formatNumber(persons ?? 0)} ${ctx.t('reporting.column.persons')})`;
  }
  if (table.unit === 'share') return table.total === null ? '–' : `${formatNumber(table.total)} %`;
  return cellText(ctx, table.unit, table.total);
}

/** Whether a figure's cells can be traced to events (counted facts; the share of municipalities is derived). */
export const traceable = (table: FigureTable): boolean => table.unit !== 'share' && table.unit !== 'days';
