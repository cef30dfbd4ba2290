import type { EntityManager } from 'typeorm';
import type { LocalDate } from '../../shared/local-date.js';
import { refuse } from '../../shared/subsidy-error.js';
import { isPeriodMonths, periodOf, type Period, type PeriodMonths } from '../domain/period.js';

/** Claim period length per year (S15): AGS sets it; years without a setting use the configured default. */
export class PeriodSettings {
  private readonly cache = new Map<number, PeriodMonths>();

  constructor(private readonly defaultMonths: PeriodMonths) {}

  async monthsOf(em: EntityManager, year: number): Promise<PeriodMonths> {
    const cached = this.cache.get(year);
    if (cached) return cached;
    const [row] = await em.query('SELECT months FROM claim_period_setting WHERE year = $1', [year]);
    const months = (row?.months as PeriodMonths | undefined) ?? this.defaultMonths;
    // Only a stored setting is cached: it cannot change once the year has a claim (S15).
    if (row) this.cache.set(year, months);
    return months;
  }

  async periodOf(em: EntityManager, day: LocalDate): Promise<Period> {
    return periodOf(day, await this.monthsOf(em, Number(day.slice(0, 4))));
  }

  async set(em: EntityManager, year: number, months: number, by: string): Promise<void> {
    if (!isPeriodMonths(months))
      throw refuse(
        'S15',
        'period-months-invalid',
        'Periodenlänge: 1, 2, 3, 4, 6 oder 12 Monate.',
        'Period length must be 1, 2, 3, 4, 6 or 12 months.',
      );
    const [claims] = await em.query(
      `SELECT count(*)::int AS n FROM claim WHERE period_from >= make_date($1, 1, 1) AND period_from <= make_date($1, 12, 31)`,
      [year],
    );
    const [booked] = await em.query(
      `SELECT count(*)::int AS n FROM ledger_entry WHERE service_date >= make_date($1, 1, 1) AND service_date <= make_date($1, 12, 31)`,
      [year],
    );
    if (claims.n > 0 || booked.n > 0) {
      throw refuse(
        'S15',
        'period-fixed',
        `Für ${year} bestehen bereits Buchungen oder Abrechnungen; die Periodenlänge bleibt.`,
        `${year} already has entries or claims; its period length is fixed.`,
        'conflict',
      );
    }
    await em.query(
      `INSERT INTO claim_period_setting (year, months, recorded_by) VALUES ($1, $2, $3)
       ON CONFLICT (year) DO UPDATE SET months = EXCLUDED.months, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
      [year, months, by],
    );
    this.cache.delete(year);
  }
}
