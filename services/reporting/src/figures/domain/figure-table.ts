import type { AreaRef } from '../../shared/reference.js';
import { NATIONALITY_GROUPS } from '../../shared/nationality-group.js';
import type { Breakdown, FigureDefinition } from './catalogue.js';
import { publishedTotals, suppress } from './suppression.js';

/** One figure as a table: areas × columns (variants, or the values of one breakdown), with totals. */
export interface FigureTable {
  readonly figure: string;
  readonly title: string;
  readonly unit: FigureDefinition['unit'];
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
  /** Column totals over the rows (null where the table has one row: the row is the total). */
  readonly columnTotals: readonly (number | null)[] | null;
  readonly total: number | null;
  /** Cells shown as null to protect small counts (primary and complementary). */
  readonly suppressedCells: number;
}

export interface TableRow {
  readonly area: AreaRef;
  /** null: suppressed (or not defined, e.g. a median of nobody). */
  readonly values: readonly (number | null)[];
  /** Row total, null where the row has one column (the cell is the total). */
  readonly total: number | null;
}

export const BREAKDOWN_VALUES: Record<Breakdown, readonly string[]> = {
  euEfta: ['eu-efta', 'third-country', 'unknown'],
  permit: ['B', 'C', 'F', 'L', 'N', 'S', 'Ci', 'G', 'A', 'none', 'unknown'],
  nationalityGroup: NATIONALITY_GROUPS,
  ageGroup: ['0-15', '16-25', '26-55', '56+', 'unknown'],
  sex: ['female', 'male', 'unknown'],
};

/** A count table from per-area sums (`sums.get(areaId).get(column)`), rows in the order given. */
export function countTable(
  def: FigureDefinition,
  areas: readonly AreaRef[],
  columns: readonly string[],
  sums: ReadonlyMap<string, ReadonlyMap<string, number>>,
): FigureTable {
  const sum = (ns: readonly number[]) => ns.reduce((s, n) => s + n, 0);
  const cell = (area: AreaRef, column: string) => sums.get(area.id)?.get(column) ?? 0;
  const { rowTotals, columnTotals } = publishedTotals(areas.length, columns.length);
  const rows = areas.map((area) => {
    const values = columns.map((c) => cell(area, c));
    return { area, values, total: rowTotals ? sum(values) : null };
  });
  return {
    figure: def.key,
    title: def.title.de,
    unit: def.unit,
    columns,
    rows,
    columnTotals: columnTotals ? columns.map((c) => sum(areas.map((a) => cell(a, c)))) : null,
    total: sum(rows.flatMap((r) => r.values)),
    suppressedCells: 0,
  };
}

/** The table as it may leave AGS: small cells and their complements null; the totals stay true. */
export function suppressTable(table: FigureTable, threshold: number): FigureTable {
  if (table.unit === 'share' || table.unit === 'days') return table;
  const counts = table.rows.map((r) => r.values.map((v) => v ?? 0));
  const { hidden, primary, complementary } = suppress({ counts, threshold });
  return {
    ...table,
    rows: table.rows.map((r, i) => ({ ...r, values: r.values.map((v, c) => (hidden[i]?.[c] ? null : v)) })),
    suppressedCells: primary + complementary,
  };
}

/** Nearest-rank percentile of a histogram (value → count): the smallest value with at least p of the persons at or below it. */
export function percentile(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const total = [...histogram.values()].reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [value, n] of [...histogram].sort(([a], [b]) => a - b)) {
    seen += n;
    if (seen >= rank) return value;
  }
  return null;
}

/**
 * Median and 90th percentile per area, with the number of persons. Where the table leaves AGS, an area with fewer
 * persons than the threshold shows neither (a median of two persons tells each one's days).
 */
export function daysTable(
  def: FigureDefinition,
  areas: readonly AreaRef[],
  histograms: ReadonlyMap<string, ReadonlyMap<number, number>>,
  threshold: number | null,
): FigureTable {
  const all = new Map<number, number>();
  const rows = areas.map((area) => {
    const h = histograms.get(area.id) ?? new Map<number, number>();
    for (const [v, n] of h) all.set(v, (all.get(v) ?? 0) + n);
    const persons = [...h.values()].reduce((s, n) => s + n, 0);
    const hide = threshold !== null && persons > 0 && persons < threshold;
    return { area, values: hide ? [null, null, null] : [persons, percentile(h, 0.5), percentile(h, 0.9)], total: null };
  });
  const persons = [...all.values()].reduce((s, n) => s + n, 0);
  return {
    figure: def.key,
    title: def.title.de,
    unit: def.unit,
    columns: ['persons', 'median', 'p90'],
    rows,
    columnTotals: [persons, percentile(all, 0.5), percentile(all, 0.9)],
    total: persons,
    suppressedCells: rows.filter((r) => r.values[0] === null).length,
  };
}

/** Share of municipalities active per area: with a first information / with an arrival, both shown. */
export function shareTable(
  def: FigureDefinition,
  areas: readonly AreaRef[],
  counts: ReadonlyMap<string, { active: number; withArrivals: number }>,
): FigureTable {
  const share = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 10);
  let active = 0;
  let withArrivals = 0;
  const rows = areas.map((area) => {
    const c = counts.get(area.id) ?? { active: 0, withArrivals: 0 };
    active += c.active;
    withArrivals += c.withArrivals;
    return { area, values: [c.active, c.withArrivals, share(c.active, c.withArrivals)], total: null };
  });
  return {
    figure: def.key,
    title: def.title.de,
    unit: def.unit,
    columns: ['active', 'withArrivals', 'sharePercent'],
    rows,
    columnTotals: [active, withArrivals, share(active, withArrivals)],
    total: share(active, withArrivals),
    suppressedCells: 0,
  };
}
