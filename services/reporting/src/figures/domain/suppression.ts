/**
 * Small-cell protection for a table with published totals (issue 14 point 3; wave2-domain §3.2, the "line"
 * heuristic). Cells 1 … threshold-1 are hidden (primary suppression); then, until nothing changes, every line
 * (row or column) that hides exactly one cell, or whose hidden cells add up to less than the threshold, hides one
 * more of its cells (complementary suppression): the smallest visible non-zero cell, a zero only where no
 * non-zero is left. Totals stay the true totals; they are never recomputed from what is shown.
 *
 * A line with a single inner cell is no line: its total is the cell itself, so such a total is not published
 * (see {@link publishedTotals}).
 */
export interface SuppressionInput {
  /** counts[row][column] */
  readonly counts: readonly (readonly number[])[];
  /** Counts 1 … threshold-1 are small; default 5 (so 1–4 are hidden). */
  readonly threshold: number;
}

export interface SuppressionResult {
  /** hidden[row][column]: true where the cell must not be shown. */
  readonly hidden: boolean[][];
  /** Cells hidden because they are small. */
  readonly primary: number;
  /** Cells hidden to protect another. */
  readonly complementary: number;
}

/** Which totals a table may publish beside its cells: row totals need two columns, column totals two rows. */
export function publishedTotals(rows: number, columns: number): { rowTotals: boolean; columnTotals: boolean } {
  return { rowTotals: columns > 1, columnTotals: rows > 1 };
}

export function suppress({ counts, threshold }: SuppressionInput): SuppressionResult {
  if (!Number.isInteger(threshold) || threshold < 2)
    throw new RangeError(`threshold must be an integer ≥ 2, was ${threshold}`);
  const rows = counts.length;
  const columns = rows ? counts[0]!.length : 0;
  const hidden = counts.map((row) => row.map((n) => n > 0 && n < threshold));
  const primary = hidden.flat().filter(Boolean).length;
  const { rowTotals, columnTotals } = publishedTotals(rows, columns);
  type Cell = [number, number];
  const lines: Cell[][] = [];
  if (rowTotals) for (let r = 0; r < rows; r += 1) lines.push(Array.from({ length: columns }, (_, c): Cell => [r, c]));
  if (columnTotals)
    for (let c = 0; c < columns; c += 1) lines.push(Array.from({ length: rows }, (_, r): Cell => [r, c]));
  const at = ([r, c]: Cell) => counts[r]![c]!;

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const shut = line.filter(([r, c]) => hidden[r]![c]);
      if (shut.length === 0) continue;
      const hiddenSum = shut.reduce((sum, cell) => sum + at(cell), 0);
      if (shut.length > 1 && hiddenSum >= threshold) continue;
      const open = line.filter(([r, c]) => !hidden[r]![c]);
      if (open.length === 0) continue;
      // The smallest non-zero cell costs least information; a zero only when nothing else is left.
      const pick = [...open].sort((a, b) => (at(a) === 0 ? 1 : 0) - (at(b) === 0 ? 1 : 0) || at(a) - at(b))[0]!;
      hidden[pick[0]]![pick[1]] = true;
      changed = true;
    }
  }
  const total = hidden.flat().filter(Boolean).length;
  return { hidden, primary, complementary: total - primary };
}
