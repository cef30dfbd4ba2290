import type { DataSource } from 'typeorm';
import type { AuditLog } from '@si/audit';
import type { Caller } from '../../shared/caller.js';
import { refuse } from '../../shared/subsidy-error.js';

export interface BudgetView {
  year: number;
  budgetRappen: number | null;
  /** Booked but not yet approved (open entries and claims up to checked). */
  committedRappen: number;
  /** Approved or exported, not yet paid. */
  approvedRappen: number;
  paidRappen: number;
  remainingRappen: number | null;
  usedPercent: number | null;
  warnPercent: number[];
  /** The highest threshold reached, null when none. */
  warning: number | null;
}

/** The yearly Integrationskredit: committed, approved, paid and remaining, with warnings at AGS's thresholds (S14). */
export class BudgetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async get(year: number): Promise<BudgetView> {
    const [b] = await this.dataSource.query('SELECT amount_rappen, warn_percent FROM budget WHERE year = $1', [year]);
    const [s] = await this.dataSource.query(
      `SELECT COALESCE(sum(e.amount_rappen) FILTER (WHERE c.status IS NULL OR c.status IN ('draft', 'submitted', 'checked', 'returned')), 0) AS committed,
              COALESCE(sum(e.amount_rappen) FILTER (WHERE c.status IN ('approved', 'exported') AND l.disputed_reason IS NULL), 0) AS approved,
              COALESCE(sum(e.amount_rappen) FILTER (WHERE c.status = 'paid' AND l.disputed_reason IS NULL), 0) AS paid
       FROM ledger_entry e LEFT JOIN claim_line l ON l.entry_id = e.id LEFT JOIN claim c ON c.id = l.claim_id
       WHERE e.service_date >= make_date($1, 1, 1) AND e.service_date <= make_date($1, 12, 31)`,
      [year],
    );
    const committed = Number(s.committed);
    const approved = Number(s.approved);
    const paid = Number(s.paid);
    const budget = b ? Number(b.amount_rappen) : null;
    const warn = b ? (b.warn_percent as number[]) : [];
    const used = committed + approved + paid;
    // Percent to one decimal from integers: no float touches a Rappen amount.
    const usedPercent = budget ? Math.floor((used * 1000) / budget) / 10 : null;
    const reached = usedPercent === null ? [] : warn.filter((t) => usedPercent >= t);
    return {
      year,
      budgetRappen: budget,
      committedRappen: committed,
      approvedRappen: approved,
      paidRappen: paid,
      remainingRappen: budget === null ? null : budget - used,
      usedPercent,
      warnPercent: warn,
      warning: reached.length ? Math.max(...reached) : null,
    };
  }

  async set(caller: Caller, year: number, amountRappen: number, warnPercent: number[]): Promise<BudgetView> {
    if (
      !Number.isSafeInteger(amountRappen) ||
      amountRappen < 0 ||
      warnPercent.some((p) => !Number.isInteger(p) || p < 1 || p > 100)
    ) {
      throw refuse(
        'S14',
        'budget-invalid',
        'Budget in ganzen Rappen ≥ 0, Warnschwellen zwischen 1 und 100 %.',
        'Budget in whole Rappen ≥ 0, thresholds from 1 to 100 %.',
      );
    }
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO budget (year, amount_rappen, warn_percent, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (year) DO UPDATE SET amount_rappen = EXCLUDED.amount_rappen, warn_percent = EXCLUDED.warn_percent, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [year, amountRappen, [...new Set(warnPercent)].sort((a, b) => a - b), caller.name],
      );
      await this.audit.record(em, {
        actor: caller.audit,
        action: 'budget.set',
        objectType: 'budget',
        objectId: String(year),
        outcome: 'granted',
        detail: { amountRappen, warnPercent },
      });
    });
    return this.get(year);
  }
}
