import type { DataSource } from 'typeorm';
import type { LocalDate } from '../../shared/local-date.js';
import { closedPeriods } from '../../ledger/domain/period.js';
import type { PeriodSettings } from '../../ledger/application/period-settings.js';
import { ClaimRepository } from '../infrastructure/claim.repository.js';

export interface ClaimRunResult {
  periods: string[];
  claims: number;
  lines: number;
}

/**
 * The claim run: for every period that has ended, one draft claim per municipality with open entries. It is
 * its own reconciliation: it looks at every closed period since the oldest open entry, so a run that was
 * missed (Redis down, service stopped over the period end) is caught by the next one, and running twice drafts
 * nothing twice (a claim is unique per municipality and period; a line per entry).
 */
export class ClaimRun {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimRepository,
    private readonly periods: PeriodSettings,
  ) {}

  async run(today: LocalDate): Promise<ClaimRunResult> {
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [ClaimRepository.RUN_LOCK]);
      const first = await this.claims.firstOpenYear(em);
      const result: ClaimRunResult = { periods: [], claims: 0, lines: 0 };
      if (first === null) return result;
      for (let year = first; year <= Number(today.slice(0, 4)); year += 1) {
        for (const p of closedPeriods(year, await this.periods.monthsOf(em, year), today)) {
          const drafted = await this.claims.draftFor(em, p);
          if (drafted.claims > 0) result.periods.push(p.label);
          result.claims += drafted.claims;
          result.lines += drafted.lines;
        }
      }
      return result;
    });
  }
}
