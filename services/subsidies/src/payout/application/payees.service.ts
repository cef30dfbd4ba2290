import type { DataSource } from 'typeorm';
import type { AuditLog } from '@si/audit';
import type { Caller } from '../../shared/caller.js';
import { refuse } from '../../shared/subsidy-error.js';
import { isPayableIban, normaliseIban } from '../domain/iban.js';
import type { Payee } from '../domain/payout-claim.js';

const toPayee = (r: Record<string, unknown>): Payee & { demo: boolean } => ({
  municipality: Number(r['municipality']),
  name: String(r['name']),
  iban: String(r['iban']),
  creditorNo: String(r['creditor_no']),
  street: String(r['street']),
  buildingNo: (r['building_no'] as string | null) ?? null,
  postCode: String(r['post_code']),
  town: String(r['town']),
  demo: Boolean(r['demo']),
});

/** Where municipalities are paid (AGS Finanzen maintains it); every IBAN is checked (S9). */
export class PayeesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<(Payee & { demo: boolean })[]> {
    return (await this.dataSource.query('SELECT * FROM payee ORDER BY municipality')).map(toPayee);
  }

  async put(caller: Caller, p: Payee): Promise<Payee & { demo: boolean }> {
    const iban = normaliseIban(p.iban);
    if (!isPayableIban(iban)) {
      throw refuse(
        'S9',
        'iban-invalid',
        `Die IBAN ${iban} ist ungültig (Prüfziffer oder Länge; nur CH/LI).`,
        `IBAN ${iban} is invalid (check digits or length; CH/LI only).`,
        'unprocessable',
        { pointer: '/iban' },
      );
    }
    return this.dataSource.transaction(async (em) => {
      const [row] = await em.query(
        `INSERT INTO payee (municipality, name, iban, creditor_no, street, building_no, post_code, town, demo, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, $9)
         ON CONFLICT (municipality) DO UPDATE SET name = EXCLUDED.name, iban = EXCLUDED.iban, creditor_no = EXCLUDED.creditor_no, street = EXCLUDED.street,
           building_no = EXCLUDED.building_no, post_code = EXCLUDED.post_code, town = EXCLUDED.town, demo = false, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING *`,
        [p.municipality, p.name, iban, p.creditorNo, p.street, p.buildingNo, p.postCode, p.town, caller.name],
      );
      await this.audit.record(em, {
        actor: caller.audit,
        action: 'payee.update',
        objectType: 'payee',
        objectId: String(p.municipality),
        municipality: p.municipality,
        outcome: 'granted',
      });
      return toPayee(row);
    });
  }
}
