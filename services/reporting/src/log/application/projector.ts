import type { DataSource, EntityManager } from 'typeorm';
import { FACT_RULES, cellStatement, factStatements, type FactRule } from '../../figures/infrastructure/fact-rules.js';

/** The projection tables a rebuild fills before they replace the live ones (created by `figure_staging_begin()`). */
const STAGING = { facts: 'figure_fact_next', cells: 'figure_cell_next' } as const;
const STAGING_INDEXES = [
  'figure_fact_pkey',
  'figure_cell_pkey',
  'figure_fact_period',
  'figure_fact_seq',
  'figure_fact_case',
] as const;

/**
 * Projects the event log into the figure projections, set-based: per batch of log rows one statement for the facts
 * of all plain rules, one per rule that reads facts, one for the cells of the new facts. The live path (`project`, in
 * the consumer's transaction) and the rebuild (`rebuild`) run the same rules, so a rebuild gives the same figures as
 * the live projection (tested).
 */
export class Projector {
  /**
   * Projects the given log positions (new rows of one consumer transaction); `types` (the event types among them)
   * leaves out the rules no row can match.
   */
  async project(em: EntityManager, seqs: readonly number[], types?: ReadonlySet<string>): Promise<void> {
    if (seqs.length === 0) return;
    const rules = FACT_RULES.filter((r) => !types || types.has(r.type));
    if (rules.length === 0) return;
    const list = `{${seqs.join(',')}}`;
    for (const sql of factStatements(rules, 'l.seq = ANY($1::bigint[])', 'figure_fact', 'live'))
      await em.query(sql, [list]);
    await em.query(cellStatement('f.seq = ANY($1::bigint[])', 'figure_fact', 'figure_cell', 'live'), [list]);
  }

  /**
   * Replays the whole log into new projections and swaps them in (dropping the old ones). The facts and cells are
   * built set-based into staging tables by `workers` connections at once (each a share of the figures), then
   * indexed, then swapped in one transaction. Meanwhile a guard transaction holds the live projections against
   * writers, so the live consumer waits (its events join after the swap, none is lost or counted twice) while
   * dashboards keep reading. `phase` hears when each step is done (the benchmark times them). Returns the number of
   * log rows replayed.
   */
  async rebuild(ds: DataSource, workers = 2, phase: (name: string) => void = () => undefined): Promise<number> {
    await ds.query('SELECT figure_staging_begin()');
    const guard = ds.createQueryRunner();
    await guard.connect();
    try {
      await guard.startTransaction();
      // The guard waits for the build, however long it takes.
      await guard.query('SET LOCAL statement_timeout = 0');
      await guard.query('LOCK TABLE figure_fact, figure_cell IN EXCLUSIVE MODE');
      // Every transaction that projected has committed (it held the tables); later ones wait for the guard.
      const [{ max }] = await guard.query('SELECT coalesce(max(seq), 0)::bigint AS max FROM event_log');
      const upTo = Number(max);
      const weights = new Map<string, number>(
        (await ds.query('SELECT type, count(*)::bigint AS n FROM event_log WHERE seq <= $1 GROUP BY type', [upTo])).map(
          (r: { type: string; n: string }) => [r.type, Number(r.n)],
        ),
      );
      // Plain rules first, by figure (a key is unique per figure), in `workers` shares of about equal size.
      const shares = shareOut(
        FACT_RULES.filter((r) => !r.join),
        workers,
        (r) => weights.get(r.type) ?? 0,
      );
      await Promise.all(shares.map((rules) => this.buildShare(ds, rules, upTo)));
      phase('facts and cells of the plain rules');
      const joined = FACT_RULES.filter((r) => r.join);
      if (joined.length) await this.buildShare(ds, joined, upTo);
      phase('facts and cells of the rules that read facts');
      await inParallel(STAGING_INDEXES, workers, (index) =>
        bulk(ds, (em) => em.query('SELECT figure_staging_index($1)', [index])),
      );
      phase('indexes');
      await bulk(ds, (em) => em.query(`SELECT figure_staging_index('analyze')`));
      await guard.query('SELECT figure_staging_swap()');
      await guard.commitTransaction();
      phase('statistics and swap');
      return upTo;
    } catch (error) {
      if (guard.isTransactionActive) await guard.rollbackTransaction();
      throw error;
    } finally {
      await guard.release();
    }
  }

  /** Facts and then cells of the figures of `rules` (all rules of a figure together) into the staging tables. */
  private async buildShare(ds: DataSource, rules: readonly FactRule[], upTo: number): Promise<void> {
    if (rules.length === 0) return;
    const figures = [...new Set(rules.map((r) => r.figure))];
    await bulk(ds, async (em) => {
      for (const sql of factStatements(rules, 'l.seq <= $1', STAGING.facts, 'rebuild')) await em.query(sql, [upTo]);
      await em.query(cellStatement('f.figure = ANY($1::text[])', STAGING.facts, STAGING.cells, 'rebuild'), [figures]);
    });
  }
}

/** Runs `work` in a transaction set for millions of rows: beyond the request timeout, sorts and groupings in memory, no JIT for one-off plans. */
async function bulk(ds: DataSource, work: (em: EntityManager) => Promise<unknown>): Promise<void> {
  await ds.transaction(async (em) => {
    await em.query('SET LOCAL statement_timeout = 0');
    await em.query(`SET LOCAL work_mem = '256MB'`);
    await em.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await em.query('SET LOCAL jit = off');
    await work(em);
  });
}

/** Splits rules into `n` shares of about equal weight, keeping the rules of a figure together (greedy, heaviest first). */
function shareOut(rules: readonly FactRule[], n: number, weight: (r: FactRule) => number): FactRule[][] {
  const byFigure = new Map<string, FactRule[]>();
  for (const r of rules) byFigure.set(r.figure, [...(byFigure.get(r.figure) ?? []), r]);
  const groups = [...byFigure.values()]
    .map((g) => ({ g, w: g.reduce((s, r) => s + weight(r), 0) }))
    .sort((a, b) => b.w - a.w);
  const shares = Array.from({ length: Math.max(1, n) }, () => ({ rules: [] as FactRule[], w: 0 }));
  for (const { g, w } of groups) {
    const lightest = shares.reduce((min, s) => (s.w < min.w ? s : min));
    lightest.rules.push(...g);
    lightest.w += w;
  }
  return shares.map((s) => s.rules).filter((s) => s.length > 0);
}

/** Runs `task` over `items`, at most `n` at a time. */
async function inParallel<T>(items: readonly T[], n: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  };
  await Promise.all(Array.from({ length: Math.max(1, n) }, worker));
}
