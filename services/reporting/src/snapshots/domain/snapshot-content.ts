import { createHash } from 'node:crypto';
import type { FigureTable } from '../../figures/domain/figure-table.js';

/** One table of a snapshot: a figure at a level, without or with one breakdown. */
export interface SnapshotTable {
  readonly level: string;
  readonly breakdown: string | null;
  readonly table: FigureTable;
}

export interface SnapshotContent {
  readonly catalogueVersion: string;
  readonly period: string;
  readonly threshold: number;
  readonly tables: readonly SnapshotTable[];
  /** Which cells a public export of the municipality tables hides (row area id → hidden column names). */
  readonly publicPattern: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

/** JSON with object keys sorted at every depth: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(content: SnapshotContent): string {
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
}

/** One cell that differs between two versions. */
export interface CellDifference {
  readonly figure: string;
  readonly level: string;
  readonly breakdown: string | null;
  readonly area: string;
  readonly column: string;
  readonly before: number | null;
  readonly after: number | null;
}

/** The cells (and row totals) that changed from `before` to `after`. */
export function differenceOf(before: SnapshotContent, after: SnapshotContent): CellDifference[] {
  type Cell = Omit<CellDifference, 'before' | 'after'> & { value: number | null };
  const index = (c: SnapshotContent) => {
    const m = new Map<string, Cell>();
    for (const t of c.tables)
      for (const row of t.table.rows) {
        const at = { figure: t.table.figure, level: t.level, breakdown: t.breakdown ?? null, area: row.area.id };
        const put = (column: string, value: number | null) =>
          m.set(JSON.stringify([at.figure, at.level, at.breakdown ?? '', at.area, column]), { ...at, column, value });
        t.table.columns.forEach((col, i) => put(col, row.values[i] ?? null));
        if (row.total !== null) put('total', row.total);
      }
    return m;
  };
  const a = index(before);
  const b = index(after);
  const out: CellDifference[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const cell = x ?? y;
    if (!cell || (x?.value ?? null) === (y?.value ?? null)) continue;
    const { value: _value, ...where } = cell;
    out.push({ ...where, before: x?.value ?? null, after: y?.value ?? null });
  }
  return out.sort((p, q) =>
    `${p.figure}|${p.level}|${p.area}|${p.column}`.localeCompare(`${q.figure}|${q.level}|${q.area}|${q.column}`),
  );
}
