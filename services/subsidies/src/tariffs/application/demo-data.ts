import { readFileSync } from 'node:fs';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Logger } from '@si/observability';
import type { TariffItem } from '../domain/tariff.js';
import type { TariffRepository } from '../infrastructure/tariff.repository.js';

/** services/subsidies/demo, the same from src/ and dist/. */
const DEMO = (file: string) => new URL(`../../../demo/${file}`, import.meta.url);

interface PlaceholderFile {
  reference: string;
  versions: { item: TariffItem; validFrom: string; validTo: string | null; amountRappen: number }[];
}

interface PayeeFile {
  payees: {
    municipality: number;
    name: string;
    iban: string;
    creditorNo: string;
    street: string;
    buildingNo: string | null;
    postCode: string;
    town: string;
  }[];
}

/**
 * Loads the demo data into an empty database: placeholder tariffs (marked placeholder: the Kreisschreiben
 * amounts are not public) and demo payees. The amounts live in demo/*.json, never in code. Only on an empty
 * table, so nothing AGS recorded is ever overwritten.
 */
export class DemoData implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tariffs: TariffRepository,
    private readonly enabled: boolean,
    private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.dataSource.transaction(async (em) => {
      await this.tariffs.lockExclusive(em);
      if ((await this.tariffs.count(em)) === 0) {
        const file = JSON.parse(readFileSync(DEMO('tariffs.placeholder.json'), 'utf8')) as PlaceholderFile;
        for (const v of file.versions) {
          await this.tariffs.insert(
            em,
            { ...v, placeholder: true, reference: file.reference, reason: 'Demo-Daten (Platzhalter)' },
            'system:demo-data',
          );
        }
        this.logger.info({ versions: file.versions.length }, 'placeholder tariffs loaded (demo data)');
      }
      const [payees] = await em.query('SELECT count(*)::int AS n FROM payee');
      if (payees.n === 0) {
        const file = JSON.parse(readFileSync(DEMO('payees.demo.json'), 'utf8')) as PayeeFile;
        for (const p of file.payees) {
          await em.query(
            `INSERT INTO payee (municipality, name, iban, creditor_no, street, building_no, post_code, town, demo, updated_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, 'system:demo-data') ON CONFLICT DO NOTHING`,
            [p.municipality, p.name, p.iban, p.creditorNo, p.street, p.buildingNo, p.postCode, p.town],
          );
        }
      }
    });
  }
}
