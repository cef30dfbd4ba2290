import type { EntityManager } from 'typeorm';
import type { Breakdown } from '../domain/catalogue.js';
import type { Period } from '../domain/period.js';

/** Counts of one figure, variant and municipality over the period, split by one breakdown value ('' without). */
export interface CellRow {
  figure: string;
  variant: string;
  municipality: number;
  value: string;
  n: number;
  amount: number;
}

/** A histogram bucket of a days figure: how many persons of a municipality took `amount` days in the period. */
export interface AmountRow {
  municipality: number;
  amount: number;
  n: number;
}

export interface CellQuery {
  figures: readonly string[];
  period: Period;
  breakdown: Breakdown | null;
  /** Only these municipalities (all when absent). */
  municipalities?: readonly number[];
  /** Only facts of log positions up to this one: a snapshot's figures as they were when it was frozen. */
  upTo?: number;
}

const FACT_COLUMN: Record<Breakdown, string> = {
  euEfta: 'eu_efta',
  permit: 'permit',
  nationalityGroup: 'nat_group',
  ageGroup: 'age_group',
  sex: 'sex',
};

/**
 * Reads counts either from the monthly cells (dashboards: small, indexed) or, for a log position, from the facts
 * (snapshots and their verification). Both give rows of the same shape; a test holds them equal. The months of the
 * period are summed in the database: a year of every figure is a few thousand rows, not one per month.
 */
export class CellSource {
  async cells(em: EntityManager, q: CellQuery): Promise<CellRow[]> {
    const params: unknown[] = [q.figures, q.period.from, q.period.to];
    const muni = q.municipalities ? `AND municipality = ANY($${params.push(q.municipalities)}::int[])` : '';
    let sql: string;
    if (q.upTo === undefined) {
      params.push(q.breakdown ?? '');
      sql = `SELECT figure, variant, municipality, dim_value AS value, sum(n)::bigint AS n, sum(amount)::bigint AS amount
             FROM figure_cell
             WHERE figure = ANY($1::text[]) AND dim = $${params.length} AND month BETWEEN date_trunc('month', $2::date) AND $3::date ${muni}
             GROUP BY 1, 2, 3, 4`;
    } else {
      params.push(q.upTo);
      const column = q.breakdown ? FACT_COLUMN[q.breakdown] : `''`;
      sql = `SELECT figure, variant, municipality, ${column} AS value, count(*)::bigint AS n, coalesce(sum(amount), 0)::bigint AS amount
             FROM figure_fact
             WHERE figure = ANY($1::text[]) AND on_date BETWEEN $2::date AND $3::date ${muni} AND seq <= $${params.length}
             GROUP BY 1, 2, 3, 4`;
    }
    const rows: Record<string, string | number>[] = await em.query(sql, params);
    return rows.map((r) => ({
      figure: String(r['figure']),
      variant: String(r['variant']),
      municipality: Number(r['municipality']),
      value: String(r['value']),
      n: Number(r['n']),
      amount: Number(r['amount']),
    }));
  }

  /** The distribution of a days figure (value → persons) per municipality over the period. */
  async amounts(
    em: EntityManager,
    figure: string,
    period: Period,
    municipalities?: readonly number[],
    upTo?: number,
  ): Promise<AmountRow[]> {
    const params: unknown[] = [figure, period.from, period.to];
    const muni = municipalities ? `AND municipality = ANY($${params.push(municipalities)}::int[])` : '';
    const seq = upTo === undefined ? '' : `AND seq <= $${params.push(upTo)}`;
    const rows: Record<string, string | number>[] = await em.query(
      `SELECT municipality, amount, count(*)::bigint AS n
       FROM figure_fact WHERE figure = $1 AND on_date BETWEEN $2::date AND $3::date AND amount IS NOT NULL ${muni} ${seq}
       GROUP BY 1, 2`,
      params,
    );
    return rows.map((r) => ({
      municipality: Number(r['municipality']),
      amount: Number(r['amount']),
      n: Number(r['n']),
    }));
  }
}
