import type { EntityManager } from 'typeorm';
import type { LocalDate } from '../../shared/local-date.js';
import type { BookedPosition } from '../../tariffs/domain/retroactive-corrections.js';
import type { TariffItem } from '../../tariffs/domain/tariff.js';

export interface NewEntry {
  kind: 'booking' | 'correction';
  sourceEventId: string | null;
  eventType: string;
  eligibilityKey: string | null;
  correctsEntry: number | null;
  caseId: string;
  municipality: number;
  item: TariffItem;
  serviceDate: LocalDate;
  period: string;
  tariffId: number;
  rateRappen: number;
  amountRappen: number;
  reason: string | null;
}

export interface LedgerEntryView {
  id: number;
  kind: 'booking' | 'correction';
  eventId: string | null;
  eventType: string;
  correctsEntry: number | null;
  caseId: string;
  municipality: number;
  item: TariffItem;
  date: LocalDate;
  period: string;
  tariffId: number;
  rateRappen: number;
  amountRappen: number;
  reason: string | null;
  bookedAt: string;
  claimId: string | null;
}

export interface LedgerFilter {
  municipalities: readonly number[] | null;
  municipality?: number;
  period?: string;
  item?: TariffItem;
  limit: number;
  after?: number;
}

const COLUMNS = 13;

/** The ledger's SQL: append-only inserts, the facts the eligibility rules need, and the reads. */
export class LedgerRepository {
  /** Inserts entries (and marks them open for the next claim); a second booking of the same event (or eligibility key) is skipped, never doubled. Returns what was inserted. */
  async insert(em: EntityManager, entries: readonly NewEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const params: unknown[] = [];
    const rows = entries.map((e) => {
      const start = params.length;
      params.push(
        e.kind,
        e.sourceEventId,
        e.eventType,
        e.eligibilityKey,
        e.correctsEntry,
        e.caseId,
        e.municipality,
        e.item,
        e.serviceDate,
        e.period,
        e.tariffId,
        e.rateRappen,
        e.amountRappen,
      );
      return `(${Array.from({ length: COLUMNS }, (_, i) => `$${start + i + 1}`).join(', ')}, $${params.push(e.reason)})`;
    });
    const result: unknown[] = await em.query(
      `WITH booked AS (
         INSERT INTO ledger_entry (kind, source_event_id, event_type, eligibility_key, corrects_entry, case_id, municipality, item, service_date, period,
           tariff_id, rate_rappen, amount_rappen, reason) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING id, municipality, service_date, amount_rappen
       ), opened AS (INSERT INTO ledger_open SELECT id, municipality, service_date, amount_rappen FROM booked)
       SELECT id FROM booked`,
      params,
    );
    return result.length;
  }

  /** Like {@link insert}, but says which events got at least one entry. */
  async insertReturningEvents(em: EntityManager, entries: readonly NewEntry[]): Promise<Set<string>> {
    const out = new Set<string>();
    // Chunks keep the statement under PostgreSQL's 65,535 parameters.
    for (let i = 0; i < entries.length; i += 2_000) {
      const chunk = entries.slice(i, i + 2_000);
      const params: unknown[] = [];
      const rows = chunk.map((e) => {
        const start = params.length;
        params.push(
          e.kind,
          e.sourceEventId,
          e.eventType,
          e.eligibilityKey,
          e.correctsEntry,
          e.caseId,
          e.municipality,
          e.item,
          e.serviceDate,
          e.period,
          e.tariffId,
          e.rateRappen,
          e.amountRappen,
          e.reason,
        );
        return `(${Array.from({ length: 14 }, (_, c) => `$${start + c + 1}`).join(', ')})`;
      });
      const result: { source_event_id: string | null }[] = await em.query(
        `WITH booked AS (
           INSERT INTO ledger_entry (kind, source_event_id, event_type, eligibility_key, corrects_entry, case_id, municipality, item, service_date, period,
             tariff_id, rate_rappen, amount_rappen, reason) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING
           RETURNING id, source_event_id, municipality, service_date, amount_rappen
         ), opened AS (INSERT INTO ledger_open SELECT id, municipality, service_date, amount_rappen FROM booked)
         SELECT source_event_id FROM booked`,
        params,
      );
      for (const r of result) if (r.source_event_id) out.add(r.source_event_id);
    }
    return out;
  }

  async refuseMany(
    em: EntityManager,
    refusals: readonly {
      eventId: string;
      eventType: string;
      caseId: string | null;
      municipality: number | null;
      rule: string;
      reason: string;
    }[],
  ): Promise<void> {
    if (refusals.length === 0) return;
    await em.query(
      `INSERT INTO refused_event (event_id, event_type, case_id, municipality, rule, reason)
       SELECT (r->>'eventId')::uuid, r->>'eventType', (r->>'caseId')::uuid, (r->>'municipality')::int, r->>'rule', r->>'reason' FROM json_array_elements($1::json) r
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(refusals)],
    );
  }

  /** S1/S2 for many events at once: the cases with a first information booked, the household talks booked. */
  async firstInformationFactsMany(
    em: EntityManager,
    caseIds: readonly string[],
    talkIds: readonly string[],
  ): Promise<{ cases: Set<string>; talks: Set<string> }> {
    if (caseIds.length === 0) return { cases: new Set(), talks: new Set() };
    const cases: { case_id: string }[] = await em.query(
      `SELECT DISTINCT case_id FROM ledger_entry WHERE case_id = ANY($1::uuid[]) AND kind = 'booking' AND item IN ('first-information-talk', 'info-folder')`,
      [caseIds],
    );
    const talks: { key: string }[] = talkIds.length
      ? await em.query(`SELECT eligibility_key AS key FROM ledger_entry WHERE eligibility_key = ANY($1::text[])`, [
          talkIds.map((t) => `first-information-talk:${t}`),
        ])
      : [];
    return {
      cases: new Set(cases.map((c) => c.case_id)),
      talks: new Set(talks.map((t) => t.key.slice('first-information-talk:'.length))),
    };
  }

  /** Bookings of `item` from `from` to `to` (null: open) with what they earned so far (booking + corrections). */
  async positions(
    em: EntityManager,
    item: TariffItem,
    from: LocalDate,
    to: LocalDate | null,
  ): Promise<(BookedPosition & { caseId: string; municipality: number; period: string })[]> {
    const rows: {
      id: string;
      item: TariffItem;
      service_date: string;
      net: string;
      case_id: string;
      municipality: number;
      period: string;
    }[] = await em.query(
      `SELECT b.id, b.item, to_char(b.service_date, 'YYYY-MM-DD') AS service_date, b.case_id, b.municipality, b.period,
              b.amount_rappen + COALESCE((SELECT sum(c.amount_rappen) FROM ledger_entry c WHERE c.corrects_entry = b.id), 0) AS net
       FROM ledger_entry b WHERE b.kind = 'booking' AND b.item = $1 AND b.service_date >= $2 AND ($3::date IS NULL OR b.service_date <= $3)`,
      [item, from, to],
    );
    return rows.map((r) => ({
      entryId: Number(r.id),
      item: r.item,
      serviceDate: r.service_date,
      netRappen: Number(r.net),
      caseId: r.case_id,
      municipality: r.municipality,
      period: r.period,
    }));
  }

  async list(em: EntityManager, f: LedgerFilter): Promise<LedgerEntryView[]> {
    const where = ['true'];
    const params: unknown[] = [];
    if (f.municipalities) where.push(`e.municipality = ANY($${params.push(f.municipalities)}::int[])`);
    if (f.municipality !== undefined) where.push(`e.municipality = $${params.push(f.municipality)}`);
    if (f.period) where.push(`e.period = $${params.push(f.period)}`);
    if (f.item) where.push(`e.item = $${params.push(f.item)}`);
    if (f.after !== undefined) where.push(`e.id > $${params.push(f.after)}`);
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT e.id, e.kind, e.source_event_id, e.event_type, e.corrects_entry, e.case_id, e.municipality, e.item, to_char(e.service_date, 'YYYY-MM-DD') AS date,
              e.period, e.tariff_id, e.rate_rappen, e.amount_rappen, e.reason, e.booked_at, l.claim_id
       FROM ledger_entry e LEFT JOIN claim_line l ON l.entry_id = e.id
       WHERE ${where.join(' AND ')} ORDER BY e.id LIMIT $${params.push(f.limit)}`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r['id']),
      kind: r['kind'] as LedgerEntryView['kind'],
      eventId: (r['source_event_id'] as string | null) ?? null,
      eventType: String(r['event_type']),
      correctsEntry: r['corrects_entry'] === null ? null : Number(r['corrects_entry']),
      caseId: String(r['case_id']),
      municipality: Number(r['municipality']),
      item: r['item'] as TariffItem,
      date: String(r['date']),
      period: String(r['period']),
      tariffId: Number(r['tariff_id']),
      rateRappen: Number(r['rate_rappen']),
      amountRappen: Number(r['amount_rappen']),
      reason: (r['reason'] as string | null) ?? null,
      bookedAt: (r['booked_at'] as Date).toISOString(),
      claimId: (r['claim_id'] as string | null) ?? null,
    }));
  }

  async refusals(
    em: EntityManager,
    municipalities: readonly number[] | null,
    limit: number,
  ): Promise<Record<string, unknown>[]> {
    return em.query(
      `SELECT event_id AS "eventId", event_type AS "eventType", case_id AS "caseId", municipality, rule, reason, received_at AS "receivedAt"
       FROM refused_event WHERE ($1::int[] IS NULL OR municipality = ANY($1::int[])) ORDER BY received_at DESC LIMIT $2`,
      [municipalities, limit],
    );
  }
}
