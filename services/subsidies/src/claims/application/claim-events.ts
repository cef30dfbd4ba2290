import type { EntityManager } from 'typeorm';
import type { Outbox } from '@si/messaging';
import type { ClaimRepository, ClaimRow } from '../infrastructure/claim.repository.js';

export type ClaimEventType = 'subsidy.claim-submitted.v1' | 'subsidy.claim-approved.v1' | 'subsidy.claim-paid.v1';

/** The pseudonymous events for reporting: amounts and counts per municipality and period, never case ids. */
export class ClaimEvents {
  constructor(
    private readonly outbox: Outbox,
    private readonly claims: ClaimRepository,
  ) {}

  async emit(em: EntityManager, type: ClaimEventType, claim: ClaimRow, extra: Record<string, unknown>): Promise<void> {
    const counts = await this.claims.lineCounts(em, claim.id);
    const [fresh] = await em.query('SELECT payable_rappen FROM claim WHERE id = $1', [claim.id]);
    await this.outbox.add(em, {
      type,
      subject: claim.id,
      data: {
        claimId: claim.id,
        municipality: claim.municipality,
        period: claim.period,
        periodFrom: claim.periodFrom,
        periodTo: claim.periodTo,
        payableRappen: Number(fresh.payable_rappen),
        lineCount: counts.lines,
        lateLineCount: counts.late,
        items: await this.claims.itemSummary(em, claim.id),
        ...extra,
      },
    });
  }
}
