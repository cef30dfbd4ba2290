import type { DataSource } from 'typeorm';
import type { AuditLog } from '@si/audit';
import { mayActFor, notFound, type Caller } from '../../shared/caller.js';
import { refuse } from '../../shared/subsidy-error.js';
import { CLAIM_STATUSES, STATUS_LABELS_DE, type ClaimLineView } from '../domain/claim.js';
import type { ClaimRepository, ClaimRow, ClaimStepRow } from '../infrastructure/claim.repository.js';

export interface ClaimDetail extends ClaimRow {
  statusLabel: string;
  lines: ClaimLineView[];
  steps: ClaimStepRow[];
}

/** Reads of claims: an IB their municipalities' claims, AGS all (S8). Lines carry case ids, never names. */
export class ClaimQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(
    caller: Caller,
    f: { status?: string; municipality?: number; period?: string },
  ): Promise<(ClaimRow & { statusLabel: string })[]> {
    if (f.status !== undefined && !(CLAIM_STATUSES as readonly string[]).includes(f.status)) {
      throw refuse('S16', 'status-unknown', `Unbekannter Status «${f.status}».`, `Unknown status "${f.status}".`);
    }
    const rows = await this.claims.list(this.dataSource.manager, { municipalities: caller.municipalities, ...f });
    return rows.map((c) => ({ ...c, statusLabel: STATUS_LABELS_DE[c.status] }));
  }

  async get(caller: Caller, id: string, audit = true): Promise<ClaimDetail> {
    const em = this.dataSource.manager;
    const claim = await this.claims.find(em, id);
    if (!claim || !mayActFor(caller, claim.municipality)) throw notFound('claim', id);
    if (audit) {
      // The lines name cases (pseudonymous ids): who looked at which claim is recorded.
      await this.audit.recordAlone({
        actor: caller.audit,
        action: 'claim.read',
        objectType: 'subsidy-claim',
        objectId: id,
        municipality: claim.municipality,
        outcome: 'granted',
      });
    }
    return {
      ...claim,
      statusLabel: STATUS_LABELS_DE[claim.status],
      lines: await this.claims.lines(em, id),
      steps: await this.claims.steps(em, id),
    };
  }
}
