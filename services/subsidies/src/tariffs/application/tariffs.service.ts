import type { DataSource } from 'typeorm';
import type { AuditLog } from '@si/audit';
import type { Caller } from '../../shared/caller.js';
import type { LedgerRepository } from '../../ledger/infrastructure/ledger.repository.js';
import { correctionsFor } from '../domain/retroactive-corrections.js';
import { assertTariffVersion, ITEM_LABELS_DE, type NewTariffVersion, type TariffVersion } from '../domain/tariff.js';
import type { TariffRepository } from '../infrastructure/tariff.repository.js';

export interface RecordedTariff {
  version: TariffVersion;
  /** Correction entries booked because the version covers days already booked (S5). */
  corrections: { entryId: number; caseId: string; date: string; deltaRappen: number }[];
}

/**
 * AGS maintains the tariffs as versions. A new version never changes a booked entry: where it covers days
 * already booked at another rate, each such booking gets a correction entry for the difference, with the
 * reason of the change, in the same transaction as the version.
 */
export class TariffsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tariffs: TariffRepository,
    private readonly ledger: LedgerRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<(TariffVersion & { label: string })[]> {
    return (await this.tariffs.all(this.dataSource.manager)).map((v) => ({ ...v, label: ITEM_LABELS_DE[v.item] }));
  }

  async record(caller: Caller, input: NewTariffVersion): Promise<RecordedTariff> {
    assertTariffVersion(input);
    return this.dataSource.transaction(async (em) => {
      await this.tariffs.lockExclusive(em);
      const version = await this.tariffs.insert(em, input, caller.name);
      const all = await this.tariffs.all(em);
      const booked = await this.ledger.positions(em, input.item, input.validFrom, input.validTo);
      const byEntry = new Map(booked.map((b) => [b.entryId, b]));
      const corrections = correctionsFor(version, all, booked);
      const positionOf = (entryId: number) => {
        const position = byEntry.get(entryId);
        if (!position) throw new Error(`correction for unknown entry ${entryId}`);
        return position;
      };
      await this.ledger.insert(
        em,
        corrections.map((c) => {
          const b = positionOf(c.corrects);
          return {
            kind: 'correction' as const,
            sourceEventId: null,
            eventType: `tariff-version:${version.id}`,
            eligibilityKey: null,
            correctsEntry: c.corrects,
            caseId: b.caseId,
            municipality: b.municipality,
            item: c.item,
            serviceDate: c.serviceDate,
            period: b.period,
            tariffId: c.tariff.id,
            rateRappen: c.tariff.amountRappen,
            amountRappen: c.deltaRappen,
            reason: `Tarifänderung (Version ${version.id}): ${input.reason}`,
          };
        }),
      );
      await this.audit.record(em, {
        actor: caller.audit,
        action: 'tariff.record',
        objectType: 'tariff-version',
        objectId: String(version.id),
        outcome: 'granted',
        detail: {
          item: input.item,
          validFrom: input.validFrom,
          validTo: input.validTo,
          amountRappen: input.amountRappen,
          corrections: corrections.length,
        },
      });
      return {
        version,
        corrections: corrections.map((c) => ({
          entryId: c.corrects,
          caseId: positionOf(c.corrects).caseId,
          date: c.serviceDate,
          deltaRappen: c.deltaRappen,
        })),
      };
    });
  }
}
