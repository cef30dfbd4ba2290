import type { DataSource, EntityManager } from 'typeorm';
import type { AuditLog } from '@si/audit';
import { mayActFor, notFound, type Caller } from '../../shared/caller.js';
import type { Clock } from '../../shared/clock.js';
import { refuse, SubsidyError } from '../../shared/subsidy-error.js';
import { assertDisputable, assertReturnComment, nextStatus } from '../domain/claim.js';
import type { ClaimRepository, ClaimRow } from '../infrastructure/claim.repository.js';
import type { ClaimEvents } from './claim-events.js';
import type { ClaimQueries, ClaimDetail } from './claim-queries.js';

/**
 * The steps of a claim: the municipality disputes lines and submits; AGS checks (one person) and approves
 * (another person, finance role: S6, decided here on the server); either AGS step may send it back with a
 * comment. Each step locks the claim row, is recorded in claim_step and in the audit log with who and when,
 * and submit and approve emit their event, all in one transaction.
 */
export class ClaimWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimRepository,
    private readonly events: ClaimEvents,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly queries: ClaimQueries,
  ) {}

  private async withClaim(
    caller: Caller,
    id: string,
    action: string,
    work: (em: EntityManager, claim: ClaimRow) => Promise<Record<string, unknown> | void>,
  ): Promise<ClaimDetail> {
    await this.dataSource.transaction(async (em) => {
      const claim = await this.claims.find(em, id, true);
      if (!claim || !mayActFor(caller, claim.municipality)) throw notFound('claim', id);
      const detail = await work(em, claim);
      await this.audit.record(em, {
        actor: caller.audit,
        action,
        objectType: 'subsidy-claim',
        objectId: claim.id,
        municipality: claim.municipality,
        outcome: 'granted',
        detail: { period: claim.period, from: claim.status, ...(detail ?? {}) },
      });
    });
    return this.queries.get(caller, id, false);
  }

  /** Records a refused step in the audit log too (who tried what), then rethrows. */
  private async audited<T>(caller: Caller, id: string, action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const rule = error instanceof SubsidyError ? error.ruleId : undefined;
      if (rule && rule !== 'S8') {
        await this.audit
          .recordAlone({
            actor: caller.audit,
            action,
            objectType: 'subsidy-claim',
            objectId: id,
            outcome: 'denied',
            detail: { rule },
          })
          .catch(() => undefined);
      }
      throw error;
    }
  }

  dispute(caller: Caller, id: string, entryId: number, reason: string | null): Promise<ClaimDetail> {
    return this.audited(caller, id, 'claim.dispute', () =>
      this.withClaim(caller, id, 'claim.dispute', async (em, claim) => {
        assertDisputable(claim, reason);
        if (!(await this.claims.setDispute(em, claim.id, entryId, reason?.trim() ?? null, caller.name))) {
          throw refuse(
            'S10',
            'line-not-found',
            `Die Zeile ${entryId} gehört nicht zu dieser Abrechnung.`,
            `Line ${entryId} is not on this claim.`,
            'not-found',
          );
        }
        await this.claims.refreshPayable(em, claim.id);
        return { entryId, disputed: reason !== null };
      }),
    );
  }

  submit(caller: Caller, id: string): Promise<ClaimDetail> {
    return this.audited(caller, id, 'claim.submit', () =>
      this.withClaim(caller, id, 'claim.submit', async (em, claim) => {
        const to = nextStatus(claim, 'submit', caller);
        await this.claims.refreshPayable(em, claim.id);
        await this.claims.transition(em, claim, to, 'submit', caller, null);
        await this.events.emit(em, 'subsidy.claim-submitted.v1', claim, {
          submittedAt: this.clock.now().toISOString(),
        });
      }),
    );
  }

  check(caller: Caller, id: string, comment: string | null): Promise<ClaimDetail> {
    return this.audited(caller, id, 'claim.check', () =>
      this.withClaim(caller, id, 'claim.check', async (em, claim) => {
        const to = nextStatus(claim, 'check', caller);
        await this.claims.transition(em, claim, to, 'check', caller, comment, { checked_by: caller.id });
      }),
    );
  }

  approve(caller: Caller, id: string, comment: string | null): Promise<ClaimDetail> {
    return this.audited(caller, id, 'claim.approve', () =>
      this.withClaim(caller, id, 'claim.approve', async (em, claim) => {
        const to = nextStatus(claim, 'approve', caller);
        await this.claims.transition(em, claim, to, 'approve', caller, comment, { approved_by: caller.id });
        await this.events.emit(em, 'subsidy.claim-approved.v1', claim, { approvedAt: this.clock.now().toISOString() });
      }),
    );
  }

  sendBack(caller: Caller, id: string, comment: string | undefined): Promise<ClaimDetail> {
    return this.audited(caller, id, 'claim.return', () =>
      this.withClaim(caller, id, 'claim.return', async (em, claim) => {
        const text = assertReturnComment(comment);
        const to = nextStatus(claim, 'return', caller);
        // A returned claim is checked again from the start: the earlier check no longer counts.
        await this.claims.transition(em, claim, to, 'return', caller, text, { checked_by: null });
      }),
    );
  }
}
