import { ConfigError, defineConfig, flag, int, text, type Environment, type ValuesOf } from '@si/config';
import { isPeriodMonths, type PeriodMonths } from '../ledger/domain/period.js';
import { isPayableIban, normaliseIban } from '../payout/domain/iban.js';
import type { Debtor } from '../payout/domain/payout-claim.js';

/**
 * Settings of this service, each with its variable, default and meaning; read once and validated at start
 * (platform settings such as the database are in @si/service `loadPlatformConfig`). `subsidiesSettings.table()` is
 * the table in the README.
 */
export const subsidiesSettings = defineConfig('subsidies', {
  defaultPeriodMonths: int('SUBSIDIES_PERIOD_MONTHS', {
    default: 3,
    min: 1,
    max: 12,
    meaning: 'Months per claim period (1, 2, 3, 4, 6 or 12) for years without a setting of their own',
  }),
  claimRunEveryMs: int('SUBSIDIES_CLAIM_RUN_EVERY_MS', {
    default: 3_600_000,
    min: 1_000,
    max: 86_400_000,
    meaning: 'How often the claim run (period end and its reconciliation) wakes (ms)',
  }),
  jobsEnabled: flag('SUBSIDIES_JOBS_ENABLED', {
    default: true,
    meaning: 'Run the claim-run scheduler and worker in this process',
  }),
  jobsPrefix: text('SUBSIDIES_JOBS_PREFIX', {
    default: 'si',
    meaning: 'BullMQ key prefix (tests use one of their own)',
  }),
  demoData: flag('SUBSIDIES_DEMO_DATA', {
    default: true,
    meaning: 'Load the placeholder tariffs and the demo payees into an empty database',
  }),
  // The demo debtor: a made-up but check-digit-valid IBAN; production sets the canton's account.
  debtorName: text('SUBSIDIES_DEBTOR_NAME', {
    default: 'Kanton Solothurn, Amt für Gesellschaft und Soziales',
    meaning: 'The debtor (the canton) named in the pain.001 payment file',
  }),
  debtorIban: text('SUBSIDIES_DEBTOR_IBAN', {
    default: 'CH0900000000000000001',
    meaning: "The canton's account the payments are made from (CH/LI IBAN, check digits verified)",
  }),
  debtorBic: text('SUBSIDIES_DEBTOR_BIC', { default: 'SOBACH23XXX', meaning: "BIC of the canton's bank" }),
  debtorStreet: text('SUBSIDIES_DEBTOR_STREET', { default: 'Ambassadorenhof', meaning: "The debtor's street" }),
  debtorBuilding: text('SUBSIDIES_DEBTOR_BUILDING', { default: '1', meaning: "The debtor's building number" }),
  debtorPostcode: text('SUBSIDIES_DEBTOR_POSTCODE', { default: '4509', meaning: "The debtor's postcode" }),
  debtorTown: text('SUBSIDIES_DEBTOR_TOWN', { default: 'Solothurn', meaning: "The debtor's town" }),
  glAccount: text('SUBSIDIES_GL_ACCOUNT', {
    default: '3632000',
    meaning: 'General-ledger account of the CSV booking file',
  }),
  costCentre: text('SUBSIDIES_COST_CENTRE', { default: 'AGS-INT', meaning: 'Cost centre of the CSV booking file' }),
  paymentTermDays: int('SUBSIDIES_PAYMENT_TERM_DAYS', {
    default: 30,
    min: 0,
    max: 365,
    meaning: 'Days from posting to the due date in the CSV booking file',
  }),
});

export type SubsidiesConfig = ValuesOf<typeof subsidiesSettings.settings>;

export const SUBSIDIES_CONFIG = Symbol('SUBSIDIES_CONFIG');

/**
 * Reads and validates the settings; the period length must also divide the year (S15) and the debtor's IBAN must
 * be payable (S9), so that a wrong value stops the start instead of the first claim run or export.
 */
export function loadConfig(env: Environment = process.env): SubsidiesConfig {
  const config = subsidiesSettings.load(env);
  const problems: ConstructorParameters<typeof ConfigError>[1][number][] = [];
  if (!isPeriodMonths(config.defaultPeriodMonths))
    problems.push({
      env: 'SUBSIDIES_PERIOD_MONTHS',
      value: String(config.defaultPeriodMonths),
      message: 'must be 1, 2, 3, 4, 6 or 12',
      meaning: subsidiesSettings.settings.defaultPeriodMonths.meaning,
    });
  if (!isPayableIban(config.debtorIban))
    problems.push({
      env: 'SUBSIDIES_DEBTOR_IBAN',
      value: config.debtorIban,
      message: 'must be a CH or LI IBAN whose check digits hold',
      meaning: subsidiesSettings.settings.debtorIban.meaning,
    });
  if (problems.length) throw new ConfigError('subsidies', problems);
  return config;
}

export const periodMonthsOf = (config: SubsidiesConfig): PeriodMonths => config.defaultPeriodMonths as PeriodMonths;

/** What the payout files need of the settings: the canton as debtor and the booking file's accounts. */
export interface PayoutSettings {
  readonly debtor: Debtor & { readonly bic: string };
  readonly booking: { readonly glAccount: string; readonly costCentre: string; readonly paymentTermDays: number };
}

export function payoutSettingsOf(c: SubsidiesConfig): PayoutSettings {
  return {
    debtor: {
      name: c.debtorName,
      iban: normaliseIban(c.debtorIban),
      bic: c.debtorBic,
      street: c.debtorStreet,
      buildingNo: c.debtorBuilding,
      postCode: c.debtorPostcode,
      town: c.debtorTown,
    },
    booking: { glAccount: c.glAccount, costCentre: c.costCentre, paymentTermDays: c.paymentTermDays },
  };
}
