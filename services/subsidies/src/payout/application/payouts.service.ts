import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditLog } from '@si/audit';
import type { Caller } from '../../shared/caller.js';
import { mayActFor, notFound } from '../../shared/caller.js';
import type { Clock } from '../../shared/clock.js';
import { addDays } from '../../shared/local-date.js';
import { isLocalDate, type LocalDate } from '../../shared/local-date.js';
import { refuse } from '../../shared/subsidy-error.js';
import type { PayoutSettings } from '../../config/subsidies.config.js';
import type { ClaimEvents } from '../../claims/application/claim-events.js';
import { nextStatus } from '../../claims/domain/claim.js';
import type { ClaimRepository, ClaimRow } from '../../claims/infrastructure/claim.repository.js';
import { bookingCsv } from '../domain/booking-csv.js';
import { isPayableIban } from '../domain/iban.js';
import { pain001 } from '../domain/pain001.js';
import type { PayoutClaim } from '../domain/payout-claim.js';
import type { Pain001Schema } from '../infrastructure/pain001-schema.js';

export interface ExportView {
  id: string;
  messageId: string;
  claimIds: string[];
  totalRappen: number;
  pain001Sha256: string;
  createdBy: string;
  createdAt: string;
}

const toExport = (r: Record<string, unknown>): ExportView => ({
  id: String(r['id']),
  messageId: String(r['message_id']),
  claimIds: r['claim_ids'] as string[],
  totalRappen: Number(r['total_rappen']),
  pain001Sha256: String(r['pain001_sha256']),
  createdBy: String(r['created_by']),
  createdAt: (r['created_at'] as Date).toISOString(),
});

/**
 * Payout: approved claims become one export (CSV booking file + pain.001), validated against the schema before
 * anything is stored or handed out; the claims move to `exported` in the same transaction, so a second export
 * finds nothing to pay again (S12), and the stored files are served byte for byte on every download. Payment
 * is then confirmed by hand per claim (S13).
 */
export class PayoutsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimRepository,
    private readonly events: ClaimEvents,
    private readonly schema: Pain001Schema,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: PayoutSettings,
  ) {}

  async export(caller: Caller): Promise<ExportView> {
    return this.dataSource.transaction(async (em) => {
      const rows: Record<string, unknown>[] = await em.query(
        `SELECT c.id, c.municipality, c.period, to_char(c.period_from, 'YYYY-MM-DD') AS period_from, to_char(c.period_to, 'YYYY-MM-DD') AS period_to,
                c.payable_rappen, c.checked_by, c.approved_by, c.status, p.municipality AS payee, p.name, p.iban, p.creditor_no, p.street, p.building_no, p.post_code, p.town
         FROM claim c LEFT JOIN payee p ON p.municipality = c.municipality WHERE c.status = 'approved' ORDER BY c.municipality, c.period FOR UPDATE OF c`,
      );
      if (rows.length === 0)
        throw refuse(
          'S12',
          'nothing-to-export',
          'Keine freigegebenen Abrechnungen zum Export.',
          'No approved claims to export.',
          'conflict',
        );
      const missing = rows
        .filter((r) => r['payee'] === null || !isPayableIban(String(r['iban'])))
        .map((r) => Number(r['municipality']));
      if (missing.length) {
        throw refuse(
          'S12',
          'payee-missing',
          `Zahlungsverbindung fehlt oder IBAN ungültig für BFS ${missing.join(', ')}.`,
          `Payee missing or IBAN invalid for BFS ${missing.join(', ')}.`,
          'unprocessable',
          { municipalities: missing },
        );
      }
      const claims: PayoutClaim[] = rows.map((r) => ({
        claimId: String(r['id']),
        municipality: Number(r['municipality']),
        period: String(r['period']),
        periodFrom: String(r['period_from']),
        periodTo: String(r['period_to']),
        payableRappen: Number(r['payable_rappen']),
        checkedBy: String(r['checked_by']),
        approvedBy: String(r['approved_by']),
        payee: {
          municipality: Number(r['municipality']),
          name: String(r['name']),
          iban: String(r['iban']),
          creditorNo: String(r['creditor_no']),
          street: String(r['street']),
          buildingNo: (r['building_no'] as string | null) ?? null,
          postCode: String(r['post_code']),
          town: String(r['town']),
        },
      }));
      const id = randomUUID();
      const now = this.clock.now();
      const today = this.clock.today();
      const messageId = `SI-${today.replaceAll('-', '')}-${id.replaceAll('-', '').slice(0, 20)}`;
      // A claim whose corrections leave nothing (or less) to pay is booked, but not in the payment file.
      const paying = claims.filter((c) => c.payableRappen > 0);
      const csv = bookingCsv(claims, {
        postingDate: today,
        dueDate: addDays(today, this.config.booking.paymentTermDays),
        glAccount: this.config.booking.glAccount,
        costCentre: this.config.booking.costCentre,
      });
      const xml = pain001({
        messageId,
        createdAt: now.toISOString().slice(0, 19),
        executionDate: addDays(today, 1),
        initiatingParty: this.config.debtor.name,
        debtor: this.config.debtor,
        debtorBic: this.config.debtor.bic,
        claims: paying,
      });
      const issues = paying.length ? this.schema.issues(xml) : [];
      if (issues.length) {
        // Never hand out a file the bank would refuse; this is our fault, not the caller's, so it is logged in full.
        throw new Error(`pain.001 failed its schema: ${issues.map((i) => `line ${i.line}: ${i.message}`).join('; ')}`);
      }
      const total = claims.reduce((s, c) => s + c.payableRappen, 0);
      const [row] = await em.query(
        `INSERT INTO payout_export (id, message_id, claim_ids, total_rappen, booking_csv, pain001, pain001_sha256, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          id,
          messageId,
          claims.map((c) => c.claimId),
          total,
          csv,
          xml,
          createHash('sha256').update(xml).digest('hex'),
          caller.name,
        ],
      );
      for (const c of claims) {
        const claim = await this.claims.find(em, c.claimId);
        if (!claim) throw new Error(`claim ${c.claimId} vanished under its lock`);
        await this.claims.transition(em, claim, nextStatus(claim, 'export', caller), 'export', caller, null, {
          export_id: id,
        });
      }
      await this.audit.record(em, {
        actor: caller.audit,
        action: 'payout.export',
        objectType: 'payout-export',
        objectId: id,
        outcome: 'granted',
        detail: { claims: claims.length, totalRappen: total },
      });
      return toExport(row);
    });
  }

  async list(): Promise<ExportView[]> {
    return (await this.dataSource.query('SELECT * FROM payout_export ORDER BY created_at DESC LIMIT 200')).map(
      toExport,
    );
  }

  async file(caller: Caller, id: string, kind: 'csv' | 'pain001'): Promise<string> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('export', id);
    const [row] = await this.dataSource.query(`SELECT booking_csv, pain001 FROM payout_export WHERE id = $1`, [id]);
    if (!row) throw notFound('export', id);
    await this.audit.recordAlone({
      actor: caller.audit,
      action: `payout.download-${kind}`,
      objectType: 'payout-export',
      objectId: id,
      outcome: 'granted',
    });
    return kind === 'csv' ? row.booking_csv : row.pain001;
  }

  async confirmPayment(caller: Caller, claimId: string, paidOn: string): Promise<void> {
    if (!isLocalDate(paidOn))
      throw refuse('S16', 'paid-on-invalid', 'Zahlungsdatum: gültiger Kalendertag.', 'paidOn must be a calendar day.');
    await this.dataSource.transaction(async (em) => {
      const claim = await this.claims.find(em, claimId, true);
      if (!claim || !mayActFor(caller, claim.municipality)) throw notFound('claim', claimId);
      try {
        nextStatus(claim, 'confirm-payment', caller);
      } catch (error) {
        throw refuse(
          'S13',
          'not-exported',
          'Bezahlt bestätigen lässt sich nur eine exportierte Abrechnung.',
          'Only an exported claim can be confirmed paid.',
          'conflict',
          { status: claim.status, cause: (error as Error).message },
        );
      }
      await this.markPaid(em, caller, claim, paidOn, 'by-hand');
    });
  }

  /** An exported claim becomes paid: the step, the event for reporting, the audit (by hand or from a camt.054). */
  async markPaid(
    em: EntityManager,
    caller: Caller,
    claim: ClaimRow,
    paidOn: LocalDate,
    source: 'by-hand' | 'camt.054',
  ): Promise<void> {
    await this.claims.transition(em, claim, 'paid', 'confirm-payment', caller, null, { paid_on: paidOn });
    await this.events.emit(em, 'subsidy.claim-paid.v1', claim, { paidOn, exportId: claim.exportId });
    await this.audit.record(em, {
      actor: caller.audit,
      action: 'claim.confirm-payment',
      objectType: 'subsidy-claim',
      objectId: claim.id,
      municipality: claim.municipality,
      outcome: 'granted',
      detail: { paidOn, source },
    });
  }
}
