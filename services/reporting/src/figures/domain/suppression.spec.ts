import { describe, expect, it } from '@jest/globals';
import { publishedTotals, suppress } from './suppression.js';

/**
 * What an attacker can learn from a published table: every non-negative integer completion of the hidden cells
 * that fits the visible cells and the true totals (row totals, column totals and the grand total, as published).
 * A cell is protected when it can take more than one value. Depth-first over the hidden cells; the last hidden
 * cell of a line is forced by the line's total, which keeps the search small.
 */
function feasibleValues(counts: number[][], hidden: boolean[][]): Map<string, Set<number>> {
  const rows = counts.length;
  const columns = counts[0]!.length;
  const { rowTotals, columnTotals } = publishedTotals(rows, columns);
  const cells: [number, number][] = [];
  hidden.forEach((r, i) => r.forEach((h, j) => h && cells.push([i, j])));
  // Lines with a published total: the hidden cells on them must add up to total minus what is shown.
  const lines: { cells: number[]; target: number }[] = [];
  const lineOf = (pick: (i: number, j: number) => boolean) => {
    const members = cells.map((c, k) => (pick(c[0], c[1]) ? k : -1)).filter((k) => k >= 0);
    let target = 0;
    counts.forEach((r, i) => r.forEach((n, j) => pick(i, j) && hidden[i]![j] && (target += n)));
    if (members.length) lines.push({ cells: members, target });
  };
  if (rowTotals) for (let i = 0; i < rows; i += 1) lineOf((a) => a === i);
  if (columnTotals) for (let j = 0; j < columns; j += 1) lineOf((_, b) => b === j);
  lineOf(() => true); // the grand total
  const seen = new Map(cells.map(([i, j]) => [`${i},${j}`, new Set<number>()]));
  const value = new Array<number>(cells.length).fill(0);
  const walk = (k: number) => {
    for (const line of lines) {
      const done = line.cells.filter((c) => c < k);
      const sum = done.reduce((s, c) => s + value[c]!, 0);
      if (sum > line.target || (done.length === line.cells.length && sum !== line.target)) return;
    }
    if (k === cells.length) {
      cells.forEach(([i, j], c) => seen.get(`${i},${j}`)!.add(value[c]!));
      return;
    }
    const mine = lines.filter((l) => l.cells.includes(k));
    const forced = mine.find((l) => Math.max(...l.cells) === k);
    const room = Math.min(
      ...mine.map((l) => l.target - l.cells.filter((c) => c < k).reduce((s, c) => s + value[c]!, 0)),
    );
    const options = forced
      ? [forced.target - forced.cells.filter((c) => c < k).reduce((s, c) => s + value[c]!, 0)]
      : Array.from({ length: room + 1 }, (_, v) => v);
    for (const v of options) {
      if (v < 0) continue;
      value[k] = v;
      walk(k + 1);
    }
    value[k] = 0;
  };
  walk(0);
  return seen;
}

describe('small-cell suppression (line heuristic with complementary suppression)', () => {
  // wave2-domain §3.2 worked example, threshold 3: rows A, B, C × columns X, Y.
  const example = [
    [12, 2],
    [7, 9],
    [1, 6],
  ];

  it('hides the small cells and exactly the complements the worked example names', () => {
    const { hidden, primary, complementary } = suppress({ counts: example, threshold: 3 });
    expect(hidden).toEqual([
      [true, true],
      [false, false],
      [true, true],
    ]);
    expect({ primary, complementary }).toEqual({ primary: 2, complementary: 2 });
  });

  it('leaves no small cell recoverable from the published cells and true totals', () => {
    const { hidden } = suppress({ counts: example, threshold: 3 });
    const feasible = feasibleValues(example, hidden);
    expect(feasible.get('0,1')!.size).toBeGreaterThan(1); // A·Y = 2
    expect(feasible.get('2,0')!.size).toBeGreaterThan(1); // C·X = 1
    expect([...feasible.get('0,1')!]).toEqual(expect.arrayContaining([2, 3, 4]));
  });

  it('would leak without the complements: primary suppression alone lets the totals give the cell back', () => {
    const primaryOnly = example.map((r) => r.map((n) => n > 0 && n < 3));
    const feasible = feasibleValues(example, primaryOnly);
    expect([...feasible.get('0,1')!]).toEqual([2]);
  });

  it('protects a count of 2 among municipalities with the default threshold 5, where the next cell is large', () => {
    // Three municipalities × (talk, info-folder): Solothurn 40/2, Olten 30/12, Flumenthal 3/0.
    const counts = [
      [40, 2],
      [30, 12],
      [3, 0],
    ];
    const { hidden } = suppress({ counts, threshold: 5 });
    const feasible = feasibleValues(counts, hidden);
    for (const [key, values] of feasible) expect({ key, size: values.size > 1 }).toEqual({ key, size: true });
    expect(hidden[0]![1]).toBe(true);
    expect(hidden[2]![0]).toBe(true);
  });

  it('hides a second cell in a line whose hidden cells sum below the threshold', () => {
    const counts = [
      [1, 1, 9],
      [6, 7, 8],
    ];
    const { hidden } = suppress({ counts, threshold: 5 });
    expect(hidden[0]!.filter(Boolean).length).toBeGreaterThanOrEqual(3);
  });

  it('a single-column table publishes no row totals and protects within the column', () => {
    const counts = [[2], [30], [17]];
    const { hidden } = suppress({ counts, threshold: 5 });
    expect(hidden).toEqual([[true], [false], [true]]);
    expect(publishedTotals(3, 1)).toEqual({ rowTotals: false, columnTotals: true });
  });

  it('shows zeros and large counts as they are', () => {
    expect(
      suppress({
        counts: [
          [0, 10],
          [7, 0],
        ],
        threshold: 5,
      }).hidden,
    ).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  it('refuses a threshold below 2', () => {
    expect(() => suppress({ counts: [[1]], threshold: 1 })).toThrow(RangeError);
  });
});
