import type { DataSource } from 'typeorm';
import type { AuditLog } from '@si/audit';
import type { Caller } from '../../shared/caller.js';
import { refuse } from '../../shared/subsidy-error.js';
import type { ClaimRepository } from '../../claims/infrastructure/claim.repository.js';
import { claimIdOf, decidePayment, type PaymentSkip } from '../domain/payment-notification.js';
import { Camt054Unreadable, readCamt054 } from '../infrastructure/camt054-reader.js';
import type { PayoutsService } from './payouts.service.js';

export interface NotificationLine {
  endToEndId: string | null;
  claimId: string | null;
  amountRappen: number | null;
  outcome: 'confirmed' | PaymentSkip;
  paidOn: string | null;
}

export interface NotificationResult {
  payments: number;
  confirmed: number;
  lines: NotificationLine[];
}

/**
 * Payment confirmed from the bank's debit notification (camt.054): the file is read as it arrives, then every
 * reported payment is matched to its exported claim by the end-to-end id (S18), in one transaction, so that a
 * file is applied whole or not at all. Reading the same file again confirms nothing twice.
 */
export class PaymentNotifications {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimRepository,
    private readonly payouts: PayoutsService,
    private readonly audit: AuditLog,
    private readonly debtorIban: string,
  ) {}

  async read(caller: Caller, body: AsyncIterable<Uint8Array | string>): Promise<NotificationResult> {
    let payments;
    try {
      payments = await readCamt054(body);
    } catch (error) {
      if (!(error instanceof Camt054Unreadable)) throw error;
      throw refuse(
        'S18',
        'camt054-unreadable',
        `Die Bankmeldung ist kein lesbares camt.054: ${error.message}.`,
        `The file is not a readable camt.054: ${error.message}.`,
        'unprocessable',
        error.line ? { line: error.line } : {},
      );
    }
    return this.dataSource.transaction(async (em) => {
      const lines: NotificationLine[] = [];
      for (const payment of payments) {
        const id = claimIdOf(payment.endToEndId);
        const claim = id ? await this.claims.find(em, id, true) : null;
        const decision = decidePayment(payment, claim, this.debtorIban);
        if (decision.confirm && claim) await this.payouts.markPaid(em, caller, claim, decision.paidOn, 'camt.054');
        lines.push({
          endToEndId: payment.endToEndId,
          claimId: claim?.id ?? null,
          amountRappen: payment.amountRappen,
          outcome: decision.confirm ? 'confirmed' : decision.reason,
          paidOn: decision.confirm ? decision.paidOn : null,
        });
      }
      const confirmed = lines.filter((l) => l.outcome === 'confirmed').length;
      await this.audit.record(em, {
        actor: caller.audit,
        action: 'payout.read-camt054',
        objectType: 'payment-notification',
        outcome: 'granted',
        detail: { payments: payments.length, confirmed },
      });
      return { payments: payments.length, confirmed, lines };
    });
  }
}
