/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed arrays sized n+1 and m+1 and a rectangular matrix: every index is in range by construction */
/**
 * Minimum-cost assignment of rows to columns (the Hungarian method with potentials, O(n²·m) for n rows ≤ m columns;
 * e-maxx formulation). `cost[i][j]` must be finite; callers model "not allowed" with a cost above any allowed total.
 * Returns for every row its column.
 */
export function hungarian(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  if (n === 0) return [];
  const m = cost[0]!.length;
  if (m < n) throw new Error(`hungarian needs at least as many columns (${m}) as rows (${n})`);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: row (1-based) assigned to column j
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i += 1) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      const row = cost[i0 - 1]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j += 1) {
        if (used[j]) continue;
        const cur = row[j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j += 1) {
        if (used[j]) {
          u[p[j]!] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const result = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j += 1) if (p[j]) result[p[j]! - 1] = j - 1;
  return result;
}

export interface CapacityProblem {
  readonly requests: number;
  readonly mentors: readonly { readonly capacity: number }[];
  /** Cost of giving request r to mentor k; undefined where a hard constraint forbids the pair. */
  readonly cost: (request: number, mentor: number) => number | undefined;
}

/** What an unassigned request costs: above any allowed pair (costs are 0–100), so the solver assigns whenever it can. */
export const UNASSIGNED_COST = 1_000;
const FORBIDDEN = 1_000_000;

/**
 * The optimal assignment of requests to mentors under their capacities: every mentor's free capacity becomes that many
 * columns, every request gets an "unassigned" column of its own; the solver then maximises the number of assigned
 * requests first and minimises their total cost second. Returns for each request a mentor index or -1.
 */
export function assignUnderCapacity(problem: CapacityProblem): number[] {
  const slots: number[] = [];
  problem.mentors.forEach((m, k) => {
    for (let c = 0; c < Math.min(m.capacity, problem.requests); c += 1) slots.push(k);
  });
  const matrix: number[][] = [];
  for (let r = 0; r < problem.requests; r += 1) {
    const row = new Array<number>(slots.length + problem.requests);
    // Mentor costs are computed once per mentor, not per capacity slot.
    let lastMentor = -1;
    let lastCost = FORBIDDEN;
    for (let s = 0; s < slots.length; s += 1) {
      const k = slots[s]!;
      if (k !== lastMentor) {
        lastMentor = k;
        lastCost = problem.cost(r, k) ?? FORBIDDEN;
      }
      row[s] = lastCost;
    }
    for (let d = 0; d < problem.requests; d += 1) row[slots.length + d] = UNASSIGNED_COST;
    matrix.push(row);
  }
  return hungarian(matrix).map((column, r) => {
    const k = column >= 0 && column < slots.length ? slots[column]! : -1;
    return k >= 0 && problem.cost(r, k) !== undefined ? k : -1;
  });
}
