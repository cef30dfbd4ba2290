/** Integer Rappen as CHF with two decimals (`12345` → `123.45`), never through floating point. */
export function chf(rappen: number): string {
  if (!Number.isSafeInteger(rappen)) throw new Error(`not whole Rappen: ${rappen}`);
  const sign = rappen < 0 ? '-' : '';
  const abs = Math.abs(rappen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
