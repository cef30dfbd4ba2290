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
  interface Cell {
    readonly column: number;
    readonly n: number;
    hidden: boolean;
  }
  const cells: Cell[][] = counts.map((row) => row.map((n, column) => ({ column, n, hidden: n > 0 && n < threshold })));
  const all = cells.flat();
  const primary = all.filter((c) => c.hidden).length;
  const columns = Math.max(0, ...counts.map((row) => row.length));
  const { rowTotals, columnTotals } = publishedTotals(cells.length, columns);
  const lines: Cell[][] = [
    ...(rowTotals ? cells : []),
    ...(columnTotals ? Array.from({ length: columns }, (_, c) => all.filter((cell) => cell.column === c)) : []),
  ];

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const shut = line.filter((c) => c.hidden);
      if (shut.length === 0) continue;
      const hiddenSum = shut.reduce((sum, c) => sum + c.n, 0);
      if (shut.length > 1 && hiddenSum >= threshold) continue;
      // The smallest non-zero cell costs least information; a zero only when nothing else is left.
      const [pick] = line
        .filter((c) => !c.hidden)
        .sort((a, b) => (a.n === 0 ? 1 : 0) - (b.n === 0 ? 1 : 0) || a.n - b.n);
      if (!pick) continue;
      pick.hidden = true;
      changed = true;
    }
  }
  const total = all.filter((c) => c.hidden).length;
  return { hidden: cells.map((row) => row.map((c) => c.hidden)), primary, complementary: total - primary };
}
