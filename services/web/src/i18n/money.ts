import { formatNumber } from './format.js';

/**
 * Integer Rappen as Swiss francs, 123450 → "CHF 1'234.50", in integer arithmetic (no float touches an amount).
 * The services keep money as integer Rappen; this and {@link parseChf} are the only places a screen turns it into
 * text and back.
 */
export function formatChf(rappen: number): string {
  const sign = rappen < 0 ? '-' : '';
  const abs = Math.abs(rappen);
  return `CHF ${sign}${formatNumber(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** Rappen as a form field shows them again: 123450 → "1234.50". */
export function chfFieldValue(rappen: number): string {
  const abs = Math.abs(rappen);
  return `${rappen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Francs as a person types them ("85", "85.5", "1'234.50", "1234,50", "CHF 95.–", "Fr. 45") to integer Rappen,
 * exactly; `undefined` when the text is not an amount (the form then says so next to the field).
 */
export function parseChf(typed: string): number | undefined {
  const s = typed
    .trim()
    .replace(/^(CHF|Fr\.?)\s*/i, '')
    .replace(/['’\s]/g, '')
    .replace(/[.,][–-]$/, '');
  const m = /^(\d{1,10})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}
