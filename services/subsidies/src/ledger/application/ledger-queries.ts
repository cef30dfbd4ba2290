import type { DataSource } from 'typeorm';
import type { AuditLog } from '@si/audit';
import { isTariffItem, type TariffItem } from '../../tariffs/domain/tariff.js';
import { mayActFor, type Caller } from '../../shared/caller.js';
import { refuse } from '../../shared/subsidy-error.js';
import type { LedgerEntryView, LedgerRepository } from '../infrastructure/ledger.repository.js';

export interface LedgerQuery {
  municipality?: number;
  period?: string;
  item?: string;
  after?: number;
  limit?: number;
}

/** Reads of the ledger: an IB sees the entries of their municipalities, AGS all (S8). Case ids only, no names. */
export class LedgerQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(
    caller: Caller,
    q: LedgerQuery,
  ): Promise<{ items: LedgerEntryView[]; totalRappen: number; next: number | null }> {
    if (q.municipality !== undefined && !mayActFor(caller, q.municipality)) {
      throw refuse(
        'S8',
        'municipality-out-of-scope',
        `Keine Berechtigung für die Gemeinde ${q.municipality}.`,
        `Not allowed for municipality ${q.municipality}.`,
        'forbidden',
      );
    }
    if (q.item !== undefined && !isTariffItem(q.item))
      throw refuse('S16', 'item-unknown', `Unbekannte Position «${q.item}».`, `Unknown item "${q.item}".`);
    const limit = Math.min(Math.max(q.limit ?? 500, 1), 5000);
    const items = await this.ledger.list(this.dataSource.manager, {
      municipalities: caller.municipalities,
      municipality: q.municipality,
      period: q.period,
      item: q.item as TariffItem | undefined,
      after: q.after,
      limit,
    });
    // Entries name cases (pseudonymous ids): who listed which part of the ledger is recorded.
    await this.audit.recordAlone({
      actor: caller.audit,
      action: 'ledger.list',
      objectType: 'ledger',
      objectId: JSON.stringify({ municipality: q.municipality, period: q.period, item: q.item }),
      ...(q.municipality !== undefined ? { municipality: q.municipality } : {}),
      outcome: 'granted',
      detail: { entries: items.length },
    });
    return {
      items,
      totalRappen: items.reduce((s, e) => s + e.amountRappen, 0),
      next: items.length === limit ? (items.at(-1)?.id ?? null) : null,
    };
  }

  refusals(caller: Caller, limit = 500) {
    return this.ledger.refusals(this.dataSource.manager, caller.municipalities, limit);
  }
}
