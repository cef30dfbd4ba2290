import type { EntityManager } from 'typeorm';
import type { NewTariffVersion, TariffItem, TariffVersion } from '../domain/tariff.js';

interface Row {
  id: string;
  item: TariffItem;
  valid_from: string;
  valid_to: string | null;
  amount_rappen: string;
  placeholder: boolean;
  reference: string;
  reason: string;
  recorded_by: string;
  recorded_at: Date;
}

const COLUMNS = `id, item, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, amount_rappen,
  placeholder, reference, reason, recorded_by, recorded_at`;

const toVersion = (r: Row): TariffVersion => ({
  id: Number(r.id),
  item: r.item,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  amountRappen: Number(r.amount_rappen),
  placeholder: r.placeholder,
  reference: r.reference,
  reason: r.reason,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at.toISOString(),
});

/**
 * Tariff versions and the lock that orders them against bookings: a booking holds the lock shared, a new
 * version takes it exclusively, so no booking can read the old rate after a retroactive correction was computed.
 */
export class TariffRepository {
  static readonly LOCK = 7_421_304;

  async lockShared(em: EntityManager): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock_shared($1)', [TariffRepository.LOCK]);
  }

  async lockExclusive(em: EntityManager): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [TariffRepository.LOCK]);
  }

  async all(em: EntityManager): Promise<TariffVersion[]> {
    const rows: Row[] = await em.query(`SELECT ${COLUMNS} FROM tariff_version ORDER BY item, valid_from, id`);
    return rows.map(toVersion);
  }

  async count(em: EntityManager): Promise<number> {
    const [row] = await em.query('SELECT count(*)::int AS n FROM tariff_version');
    return row.n as number;
  }

  async insert(em: EntityManager, v: NewTariffVersion, recordedBy: string): Promise<TariffVersion> {
    const [row]: Row[] = await em.query(
      `INSERT INTO tariff_version (item, valid_from, valid_to, amount_rappen, placeholder, reference, reason, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [v.item, v.validFrom, v.validTo, v.amountRappen, v.placeholder, v.reference, v.reason, recordedBy],
    );
    if (!row) throw new Error('tariff version not inserted');
    return toVersion(row);
  }
}
