import type { DataSource, EntityManager } from 'typeorm';
import { FACT_RULES, cellUpsert, factInsert } from '../../figures/infrastructure/fact-rules.js';

/**
 * Projects the event log into the figure projections. The live path (`project`, in the consumer's transaction)
 * and the rebuild (`rebuild`: empty the projections, replay the whole log in order) run the same statements, so
 * a rebuild gives the same figures as the live projection (tested).
 */
export class Projector {
  /**
   * Projects the given log positions (new rows of one consumer transaction); `types` (the event types among them)
   * skips the rules no row can match, so a batch runs a few statements instead of one per rule.
   */
  async project(em: EntityManager, seqs: readonly number[], types?: ReadonlySet<string>): Promise<void> {
    if (seqs.length === 0) return;
    const list = `{${seqs.join(',')}}`;
    for (const rule of FACT_RULES)
      if (!types || types.has(rule.type)) await em.query(factInsert(rule, 'l.seq = ANY($1::bigint[])'), [list]);
    await em.query(cellUpsert('f.seq = ANY($1::bigint[])'), [list]);
  }

  /**
   * Drops every projection and replays the log from the start, in chunks of `chunk` log positions, in one
   * transaction (the figures never show a half-built state). Returns the number of events replayed.
   */
  async rebuild(ds: DataSource, chunk = 250_000): Promise<number> {
    return ds.transaction(async (em) => {
      // Serialises with the consumer: no event is projected while the projections are rebuilt.
      await em.query('LOCK TABLE figure_fact, figure_cell IN EXCLUSIVE MODE');
      // An operator's rebuild of millions of events outlasts the request timeout; the memory keeps the aggregation in RAM.
      await em.query(`SET LOCAL statement_timeout = 0`);
      await em.query(`SET LOCAL work_mem = '128MB'`);
      await em.query('SELECT reset_figure_projections()');
      const [{ max }] = await em.query('SELECT coalesce(max(seq), 0)::bigint AS max FROM event_log');
      const last = Number(max);
      for (let from = 1; from <= last; from += chunk) {
        const to = Math.min(last, from + chunk - 1);
        for (const rule of FACT_RULES) await em.query(factInsert(rule, 'l.seq BETWEEN $1 AND $2'), [from, to]);
        await em.query(cellUpsert('f.seq BETWEEN $1 AND $2'), [from, to]);
      }
      return last;
    });
  }
}
