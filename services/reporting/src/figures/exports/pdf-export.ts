import PDFDocument from 'pdfkit';
import type { FigureReport } from '../application/figure-queries.js';
import { figureOf } from '../domain/catalogue.js';
import type { FigureTable } from '../domain/figure-table.js';
import { SUPPRESSED_MARK, SUPPRESSED_NOTE } from './report-rows.js';

const INK = '#1f2a37';
const MUTED = '#5b6472';
const ACCENT = '#b3122e'; // Solothurn red
const PALETTE = ['#b3122e', '#2f6690', '#3a7d44', '#c17c00', '#6b4c9a', '#5b6472'];
const colour = (i: number) => PALETTE[i % PALETTE.length] ?? MUTED;

/**
 * The designed report page (point 6): a header with period and catalogue version, per figure a bar chart of its
 * columns (stacked per area, at most twelve areas by total) and the table, and at the end the definitions of
 * every figure shown. Drawn with PDFKit's vector primitives, so the PDF stays small and sharp.
 */
export async function pdfExport(report: FigureReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `start.integration Kennzahlen ${report.period.label}`, Author: 'Amt für Gesellschaft und Soziales' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.rect(0, 0, doc.page.width, 6).fill(ACCENT);
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(20).text('start.integration – Kennzahlen', 48, 40);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(MUTED)
    .text(
      `Periode ${report.period.label} (${report.period.from} bis ${report.period.to}) · Ebene ${report.level}${report.breakdown ? ` · nach ${report.breakdown}` : ''} · Katalog ${report.catalogueVersion}`,
    );
  if (report.suppression.applied) doc.text(SUPPRESSED_NOTE.replace('{T}', String(report.suppression.threshold)));
  doc.moveDown();

  for (const table of report.figures) {
    if (doc.y > doc.page.height - 300) doc.addPage();
    figure(doc, table);
  }
  doc.addPage();
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(14).text('Definitionen');
  doc.moveDown(0.5);
  for (const t of report.figures) {
    const d = figureOf(t.figure);
    if (!d) continue;
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(d.title.de);
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text(`${d.definition} Quelle: ${d.sources.join(', ')}. Stichtag: ${d.dateBasis}. Einheit: ${d.unit}.`);
    doc.moveDown(0.4);
  }
  doc.end();
  return done;
}

function figure(doc: PDFKit.PDFDocument, t: FigureTable): void {
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(13).text(t.title);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(`Total: ${t.total ?? SUPPRESSED_MARK}`);
  const counts = t.unit !== 'days' && t.unit !== 'share';
  const rows = [...t.rows].sort((a, b) => (b.total ?? sum(b.values)) - (a.total ?? sum(a.values))).slice(0, 12);
  if (counts && rows.length) bars(doc, t, rows);
  tableOf(doc, t, rows);
  doc.moveDown();
}

const sum = (values: readonly (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

function bars(doc: PDFKit.PDFDocument, t: FigureTable, rows: FigureTable['rows']): void {
  const left = 48 + 150;
  const width = doc.page.width - left - 60;
  const top = doc.y + 6;
  const max = Math.max(1, ...rows.map((r) => sum(r.values)));
  rows.forEach((row, i) => {
    const y = top + i * 14;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(INK)
      .text(row.area.name, 48, y + 1, { width: 146, ellipsis: true, lineBreak: false });
    let x = left;
    row.values.forEach((v, c) => {
      if (!v) return;
      const w = (v / max) * width;
      doc.rect(x, y, w, 10).fill(colour(c));
      x += w;
    });
    doc
      .fillColor(MUTED)
      .fontSize(7)
      .text(row.values.some((v) => v === null) ? SUPPRESSED_MARK : String(sum(row.values)), x + 4, y + 1, {
        lineBreak: false,
      });
  });
  let lx = left;
  const ly = top + rows.length * 14 + 4;
  t.columns.forEach((c, i) => {
    doc.rect(lx, ly, 8, 8).fill(colour(i));
    doc
      .fillColor(MUTED)
      .fontSize(7)
      .text(c, lx + 11, ly, { lineBreak: false });
    lx += 14 + doc.widthOfString(c);
  });
  doc.x = 48;
  doc.y = ly + 16;
}

function tableOf(doc: PDFKit.PDFDocument, t: FigureTable, rows: FigureTable['rows']): void {
  const colWidth = Math.min(70, (doc.page.width - 96 - 150) / Math.max(1, t.columns.length + 1));
  const line = (label: string, values: readonly (number | string | null)[], bold = false) => {
    const y = doc.y;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8)
      .fillColor(INK)
      .text(label, 48, y, { width: 146, ellipsis: true, lineBreak: false });
    values.forEach((v, i) =>
      doc.text(v === null ? SUPPRESSED_MARK : String(v), 48 + 150 + i * colWidth, y, {
        width: colWidth - 4,
        align: 'right',
        lineBreak: false,
      }),
    );
    doc.x = 48;
    doc.y = y + 11;
  };
  const withTotal = rows.some((r) => r.total !== null);
  line('Gebiet', [...t.columns, ...(withTotal ? ['Total'] : [])], true);
  for (const r of rows) line(r.area.name, [...r.values, ...(withTotal ? [r.total] : [])]);
  if (t.columnTotals) line('Total', [...t.columnTotals, ...(withTotal ? [t.total] : [])], true);
}
