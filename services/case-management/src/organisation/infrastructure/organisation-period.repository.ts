import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrganisationPeriod } from '../domain/index.js';

interface PeriodRow {
  municipality: number;
  valid_from: string;
  model_kind: 'in-house' | 'leitgemeinde';
  leitgemeinde: number | null;
  recorded_by: string;
  recorded_at: Date;
  reason: string;
}

/** Reads and appends organisation periods (append-only table; a trigger refuses UPDATE and DELETE). */
@Injectable()
export class OrganisationPeriodRepository {
  async all(em: EntityManager): Promise<OrganisationPeriod[]> {
    const rows: PeriodRow[] = await em.query(
      `SELECT municipality, valid_from::text AS valid_from, model_kind, leitgemeinde, recorded_by, recorded_at, reason
       FROM organisation_period ORDER BY municipality, valid_from`,
    );
    return rows.map((r) => ({
      municipality: r.municipality,
      model:
        r.model_kind === 'leitgemeinde'
          ? { kind: 'leitgemeinde', leitgemeinde: Number(r.leitgemeinde) }
          : { kind: 'in-house' },
      validFrom: r.valid_from,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at.toISOString(),
      reason: r.reason,
    }));
  }

  async append(em: EntityManager, p: OrganisationPeriod): Promise<void> {
    await em.query(
      `INSERT INTO organisation_period (municipality, valid_from, model_kind, leitgemeinde, recorded_by, recorded_at, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        p.municipality,
        p.validFrom,
        p.model.kind,
        p.model.kind === 'leitgemeinde' ? p.model.leitgemeinde : null,
        p.recordedBy,
        p.recordedAt,
        p.reason,
      ],
    );
  }

  /** Serialises model changes (a change is checked against all periods, so two at once could both pass). */
  async lock(em: EntityManager): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(7421042)');
  }
}
