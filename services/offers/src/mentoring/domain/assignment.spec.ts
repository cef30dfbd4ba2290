import { describe, expect, it } from '@jest/globals';
import { assignUnderCapacity, hungarian, UNASSIGNED_COST, type CapacityProblem } from './assignment.js';

/** A small deterministic generator, so a failure names its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function total(problem: CapacityProblem, assignment: readonly number[]): number {
  return assignment.reduce((sum, k, r) => sum + (k < 0 ? UNASSIGNED_COST : (problem.cost(r, k) as number)), 0);
}

/** Every assignment of requests to mentors (or none) within the capacities; the least total. */
function bruteForce(problem: CapacityProblem): number {
  const left = problem.mentors.map((m) => m.capacity);
  let best = Infinity;
  const walk = (r: number, sum: number) => {
    if (sum >= best) return;
    if (r === problem.requests) {
      best = sum;
      return;
    }
    walk(r + 1, sum + UNASSIGNED_COST);
    for (let k = 0; k < left.length; k += 1) {
      const c = problem.cost(r, k);
      if (c === undefined || left[k] === 0) continue;
      left[k] -= 1;
      walk(r + 1, sum + c);
      left[k] += 1;
    }
  };
  walk(0, 0);
  return best;
}

describe('hungarian', () => {
  it('solves a textbook 3×3 instance', () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    const a = hungarian(cost);
    expect(a.reduce((s, j, i) => s + cost[i]![j]!, 0)).toBe(5);
    expect(new Set(a).size).toBe(3);
  });

  it('handles rectangular matrices (more columns than rows)', () => {
    expect(
      hungarian([
        [9, 1, 8, 7],
        [1, 9, 9, 9],
      ]),
    ).toEqual([1, 0]);
  });
});

describe('assignment under capacities equals brute force on small instances', () => {
  for (let seed = 1; seed <= 60; seed += 1) {
    it(`seed ${seed}`, () => {
      const random = rng(seed);
      const requests = 1 + Math.floor(random() * 6);
      const mentors = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
        capacity: Math.floor(random() * 3),
      }));
      const table = Array.from({ length: requests }, () =>
        mentors.map(() => (random() < 0.3 ? undefined : Math.floor(random() * 101))),
      );
      const problem: CapacityProblem = { requests, mentors, cost: (r, k) => table[r]![k] };
      const assignment = assignUnderCapacity(problem);
      // Feasible: capacities hold and no forbidden pair is used.
      mentors.forEach((m, k) => expect(assignment.filter((x) => x === k).length).toBeLessThanOrEqual(m.capacity));
      assignment.forEach((k, r) => {
        if (k >= 0) expect(table[r]![k]).toBeDefined();
      });
      expect(total(problem, assignment)).toBe(bruteForce(problem));
    });
  }
});
