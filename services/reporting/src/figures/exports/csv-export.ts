import type { FigureReport } from '../application/figure-queries.js';
import { exportRows, SUPPRESSED_MARK } from './report-rows.js';

const cell = (v: string) => (/[",;\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Semicolon CSV with BOM (what Excel in de-CH opens), one line per cell; suppressed cells show the mark. */
export function csvExport(report: FigureReport): Buffer {
  const lines = [
    ['kennzahl', 'titel', 'einheit', 'periode', 'ebene', 'gebiet_id', 'gebiet', 'spalte', 'wert', 'katalog'].join(';'),
  ];
  for (const r of exportRows(report)) {
    lines.push(
      [
        r.figure,
        r.title,
        r.unit,
        report.period.label,
        r.level,
        r.areaId,
        r.area,
        r.column,
        r.value === null ? SUPPRESSED_MARK : String(r.value),
        report.catalogueVersion,
      ]
        .map(cell)
        .join(';'),
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
