import { queryString } from '../api/service-client.js';
import { BREAKDOWNS, LEVELS, type Breakdown, type Level } from './reporting.api.js';
import { periodOr } from './periods.js';

/** What the figures page shows: the filter form's state, also the query of every link it makes. */
export interface FigureFilter {
  period: string;
  level: Level;
  /** One area of the level (its id), or all. */
  area?: string;
  breakdown?: Breakdown;
  /** The figure of the chart and the table. */
  figure: string;
}

const AREA = /^[A-Za-z0-9-]{1,60}$/;
const FIGURE = /^[a-z0-9-]{1,60}$/;

/** The filter from the query string; anything unknown falls back to the default, nothing reaches a service unchecked. */
export function filterOf(query: Record<string, unknown>, levels: readonly Level[] = LEVELS): FigureFilter {
  const str = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : '');
  const level = (levels as readonly string[]).includes(str('level'))
    ? (str('level') as Level)
    : (levels[0] ?? 'municipality');
  const breakdown = (BREAKDOWNS as readonly string[]).includes(str('breakdown'))
    ? (str('breakdown') as Breakdown)
    : undefined;
  return {
    period: periodOr(str('period')),
    level,
    ...(AREA.test(str('area')) ? { area: str('area') } : {}),
    ...(breakdown ? { breakdown } : {}),
    figure: FIGURE.test(str('figure')) ? str('figure') : 'first-information',
  };
}

export function figuresHref(f: FigureFilter, change: Partial<FigureFilter> = {}): string {
  const n = { ...f, ...change };
  return `/kennzahlen${queryString({ period: n.period, level: n.level, area: n.area, breakdown: n.breakdown, figure: n.figure })}`;
}

export function exportHref(f: FigureFilter, format: 'csv' | 'xlsx' | 'pdf', isPublic = false): string {
  return `/kennzahlen/export${queryString({
    format,
    period: f.period,
    level: f.level,
    breakdown: f.breakdown,
    ...(isPublic ? { public: 'true' } : {}),
  })}`;
}

export function traceHref(
  figure: string,
  cell: { period: string; level: Level; area: string; column?: string; breakdown?: Breakdown; snapshot?: string },
): string {
  return `/kennzahlen/${encodeURIComponent(figure)}/ereignisse${queryString({
    period: cell.period,
    level: cell.level,
    area: cell.area,
    column: cell.column,
    breakdown: cell.column !== undefined ? cell.breakdown : undefined,
    snapshot: cell.snapshot,
  })}`;
}
