import type { EntityManager } from 'typeorm';
import type { Period } from '../../ledger/domain/period.js';
import type { ClaimLineView, ClaimState, ClaimStatus } from '../domain/claim.js';

export interface ClaimRow extends ClaimState {
  periodFrom: string;
  periodTo: string;
  totalRappen: number;
  payableRappen: number;
  approvedBy: string | null;
  exportId: string | null;
  paidOn: string | null;
  draftedAt: string;
  updatedAt: string;
}

export interface ClaimStepRow {
  step: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  actorName: string;
  comment: string | null;
  at: string;
}

const COLUMNS = `id, municipality, period, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, status,
  total_rappen, payable_rappen, checked_by, approved_by, export_id, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, drafted_at, updated_at`;

const toClaim = (r: Record<string, unknown>): ClaimRow => ({
  id: String(r['id']),
  municipality: Number(r['municipality']),
  period: String(r['period']),
  periodFrom: String(r['period_from']),
  periodTo: String(r['period_to']),
  status: r['status'] as ClaimStatus,
  totalRappen: Number(r['total_rappen']),
  payableRappen: Number(r['payable_rappen']),
  checkedBy: (r['checked_by'] as string | null) ?? null,
  approvedBy: (r['approved_by'] as string | null) ?? null,
  exportId: (r['export_id'] as string | null) ?? null,
  paidOn: (r['paid_on'] as string | null) ?? null,
  draftedAt: (r['drafted_at'] as Date).toISOString(),
  updatedAt: (r['updated_at'] as Date).toISOString(),
});

/** Claims, their lines and steps. The claim row is the only mutable one; lines are unique per entry. */
export class ClaimRepository {
  static readonly RUN_LOCK = 7_421_305;

  /**
   * Drafts, for one closed period, one claim per municipality from its open entries up to the period's end
   * (earlier open entries come in as late lines). A municipality that already has a claim for the period is
   * left alone: its open entries wait for the next period's claim. One statement over the open entries only
   * (ledger_open), so the run does not grow with the ledger's history.
   */
  async draftFor(em: EntityManager, p: Period): Promise<{ claims: number; lines: number }> {
    const rows: { claim_id: string }[] = await em.query(
      `WITH open AS (
         SELECT o.entry_id AS id, o.municipality, o.service_date, o.amount_rappen FROM ledger_open o
         WHERE o.service_date <= $3 AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.municipality = o.municipality AND c.period = $1)
       ), drafted AS (
         INSERT INTO claim (id, municipality, period, period_from, period_to, status, total_rappen, payable_rappen)
         SELECT gen_random_uuid(), municipality, $1, $2, $3, 'draft', sum(amount_rappen), sum(amount_rappen) FROM open GROUP BY municipality
         ON CONFLICT (municipality, period) DO NOTHING
         RETURNING id, municipality
       ), lines AS (
         INSERT INTO claim_line (claim_id, entry_id, late)
         SELECT d.id, o.id, o.service_date < $2 FROM open o JOIN drafted d USING (municipality)
         ON CONFLICT DO NOTHING RETURNING claim_id, entry_id
       ), closed AS (DELETE FROM ledger_open WHERE entry_id IN (SELECT entry_id FROM lines))
       SELECT claim_id FROM lines`,
      [p.label, p.from, p.to],
    );
    return { claims: new Set(rows.map((r) => r.claim_id)).size, lines: rows.length };
  }

  /** The first year with an unclaimed entry (null when none): where a claim run starts looking. */
  async firstOpenYear(em: EntityManager): Promise<number | null> {
    const [row] = await em.query(`SELECT extract(year FROM min(service_date))::int AS y FROM ledger_open`);
    return (row?.y as number | null) ?? null;
  }

  async find(em: EntityManager, id: string, lock = false): Promise<ClaimRow | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await em.query(`SELECT ${COLUMNS} FROM claim WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? toClaim(row) : null;
  }

  async list(
    em: EntityManager,
    f: { municipalities: readonly number[] | null; status?: string; municipality?: number; period?: string },
  ): Promise<ClaimRow[]> {
    const rows = await em.query(
      `SELECT ${COLUMNS} FROM claim WHERE ($1::int[] IS NULL OR municipality = ANY($1::int[])) AND ($2::text IS NULL OR status = $2)
         AND ($3::int IS NULL OR municipality = $3) AND ($4::text IS NULL OR period = $4) ORDER BY period_from DESC, municipality LIMIT 1000`,
      [f.municipalities, f.status ?? null, f.municipality ?? null, f.period ?? null],
    );
    return rows.map(toClaim);
  }

  async lines(em: EntityManager, claimId: string): Promise<ClaimLineView[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT e.id, e.case_id, to_char(e.service_date, 'YYYY-MM-DD') AS date, e.item, e.rate_rappen, e.amount_rappen, e.kind, e.reason, l.late, l.disputed_reason
       FROM claim_line l JOIN ledger_entry e ON e.id = l.entry_id WHERE l.claim_id = $1 ORDER BY e.service_date, e.id`,
      [claimId],
    );
    return rows.map((r) => ({
      entryId: Number(r['id']),
      caseId: String(r['case_id']),
      serviceDate: String(r['date']),
      item: String(r['item']),
      rateRappen: Number(r['rate_rappen']),
      amountRappen: Number(r['amount_rappen']),
      late: Boolean(r['late']),
      disputedReason: (r['disputed_reason'] as string | null) ?? null,
      ...(r['kind'] === 'correction' ? { correction: String(r['reason']) } : {}),
    }));
  }

  async steps(em: EntityManager, claimId: string): Promise<ClaimStepRow[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT step, from_status, to_status, actor, actor_name, comment, at FROM claim_step WHERE claim_id = $1 ORDER BY id`,
      [claimId],
    );
    return rows.map((r) => ({
      step: String(r['step']),
      fromStatus: (r['from_status'] as string | null) ?? null,
      toStatus: String(r['to_status']),
      actor: String(r['actor']),
      actorName: String(r['actor_name']),
      comment: (r['comment'] as string | null) ?? null,
      at: (r['at'] as Date).toISOString(),
    }));
  }

  async setDispute(
    em: EntityManager,
    claimId: string,
    entryId: number,
    reason: string | null,
    by: string,
  ): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `UPDATE claim_line SET disputed_reason = $3, disputed_by = CASE WHEN $3::text IS NULL THEN NULL ELSE $4 END, disputed_at = CASE WHEN $3::text IS NULL THEN NULL ELSE now() END
       WHERE claim_id = $1 AND entry_id = $2 RETURNING entry_id`,
      [claimId, entryId, reason, by],
    );
    return rows.length > 0;
  }

  /** Recomputes the payable amount (undisputed lines) after a dispute. */
  async refreshPayable(em: EntityManager, claimId: string): Promise<void> {
    await em.query(
      `UPDATE claim SET payable_rappen = COALESCE((SELECT sum(e.amount_rappen) FROM claim_line l JOIN ledger_entry e ON e.id = l.entry_id
         WHERE l.claim_id = $1 AND l.disputed_reason IS NULL), 0), updated_at = now() WHERE id = $1`,
      [claimId],
    );
  }

  async transition(
    em: EntityManager,
    claim: ClaimState,
    to: ClaimStatus,
    step: string,
    actor: { id: string; name: string },
    comment: string | null,
    set: Record<string, unknown> = {},
  ): Promise<void> {
    const assignments = Object.keys(set).map((column, i) => `${column} = $${i + 3}`);
    await em.query(
      `UPDATE claim SET status = $2, updated_at = now()${assignments.map((a) => `, ${a}`).join('')} WHERE id = $1`,
      [claim.id, to, ...Object.values(set)],
    );
    await em.query(
      `INSERT INTO claim_step (claim_id, step, from_status, to_status, actor, actor_name, comment) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [claim.id, step, claim.status, to, actor.id, actor.name, comment],
    );
  }

  /** Payable lines per item, for the events out (counts and amounts, no case ids). */
  async itemSummary(
    em: EntityManager,
    claimId: string,
  ): Promise<{ item: string; count: number; amountRappen: number }[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT e.item, count(*)::int AS n, sum(e.amount_rappen) AS amount FROM claim_line l JOIN ledger_entry e ON e.id = l.entry_id
       WHERE l.claim_id = $1 AND l.disputed_reason IS NULL GROUP BY e.item ORDER BY e.item`,
      [claimId],
    );
    return rows.map((r) => ({ item: String(r['item']), count: Number(r['n']), amountRappen: Number(r['amount']) }));
  }

  async lineCounts(em: EntityManager, claimId: string): Promise<{ lines: number; late: number }> {
    const [row] = await em.query(
      `SELECT count(*)::int AS lines, count(*) FILTER (WHERE late)::int AS late FROM claim_line WHERE claim_id = $1`,
      [claimId],
    );
    return { lines: row.lines as number, late: row.late as number };
  }
}
