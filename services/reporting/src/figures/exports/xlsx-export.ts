import ExcelJS from 'exceljs';
import type { FigureReport } from '../application/figure-queries.js';
import { figureOf } from '../domain/catalogue.js';
import { SUPPRESSED_MARK, SUPPRESSED_NOTE } from './report-rows.js';

/** A workbook: one sheet per figure (areas × columns with totals), and a sheet with the definitions. */
export async function xlsxExport(report: FigureReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'start.integration reporting';
  for (const t of report.figures) {
    const sheet = book.addWorksheet(t.figure.slice(0, 31));
    sheet.addRow([t.title, `Periode ${report.period.label}`, `Katalog ${report.catalogueVersion}`]).font = {
      bold: true,
    };
    const hasTotals = t.rows.some((r) => r.total !== null);
    sheet.addRow(['Gebiet', ...t.columns, ...(hasTotals ? ['Total'] : [])]).font = { bold: true };
    for (const row of t.rows)
      sheet.addRow([row.area.name, ...row.values.map((v) => v ?? SUPPRESSED_MARK), ...(hasTotals ? [row.total] : [])]);
    if (t.columnTotals)
      sheet.addRow(['Total', ...t.columnTotals, ...(hasTotals ? [t.total] : [])]).font = { bold: true };
    sheet.getColumn(1).width = 36;
  }
  const defs = book.addWorksheet('Definitionen');
  defs.addRow(['Kennzahl', 'Definition', 'Quellen', 'Einheit', 'Stichtag']).font = { bold: true };
  for (const t of report.figures) {
    const d = figureOf(t.figure);
    if (d) defs.addRow([d.title.de, d.definition, d.sources.join(', '), d.unit, d.dateBasis]);
  }
  if (report.suppression.applied) defs.addRow([SUPPRESSED_NOTE.replace('{T}', String(report.suppression.threshold))]);
  defs.getColumn(2).width = 90;
  return Buffer.from(await book.xlsx.writeBuffer());
}
