import type { FigureReport } from '../application/figure-queries.js';
import { figureOf } from '../domain/catalogue.js';

/** One exported cell: the figure, its row, its column and the value (null: suppressed). */
export interface ExportRow {
  figure: string;
  title: string;
  unit: string;
  level: string;
  areaId: string;
  area: string;
  column: string;
  value: number | null;
}

/** The mark a suppressed cell carries in every export, with its note. */
export const SUPPRESSED_MARK = '•';
export const SUPPRESSED_NOTE =
  '• = weniger als {T} Fälle, oder verborgen, um eine solche Zelle zu schützen (Summen sind die wahren Summen).';

/** A report flattened to cells, the rows' totals included as column `total`, the canton comparison as level `canton`. */
export function exportRows(report: FigureReport): ExportRow[] {
  const out: ExportRow[] = [];
  const tables = [
    ...report.figures.map((t) => ({ t, level: report.level })),
    ...(report.comparison?.canton ?? []).map((t) => ({ t, level: 'canton' as const })),
  ];
  for (const { t, level } of tables) {
    const unit = figureOf(t.figure)?.unit ?? t.unit;
    for (const row of t.rows) {
      t.columns.forEach((column, i) =>
        out.push({
          figure: t.figure,
          title: t.title,
          unit,
          level,
          areaId: row.area.id,
          area: row.area.name,
          column,
          value: row.values[i] ?? null,
        }),
      );
      if (row.total !== null)
        out.push({
          figure: t.figure,
          title: t.title,
          unit,
          level,
          areaId: row.area.id,
          area: row.area.name,
          column: 'total',
          value: row.total,
        });
    }
  }
  return out;
}
