import { isPeriodMonths, type PeriodMonths } from '../ledger/domain/period.js';

/** Settings of this service, read once from the environment at start. */
export interface SubsidiesConfig {
  /** BullMQ key prefix; env SUBSIDIES_JOBS_PREFIX, default `si`. */
  readonly jobsPrefix: string;
  /** Run the claim-run scheduler and worker here; env SUBSIDIES_JOBS_ENABLED, default true. */
  readonly jobsEnabled: boolean;
  /** How often the claim run (period end + reconciliation) wakes, ms; env SUBSIDIES_CLAIM_RUN_EVERY_MS, default 1 h. */
  readonly claimRunEveryMs: number;
  /** Months per claim period for years without a setting; env SUBSIDIES_PERIOD_MONTHS, default 3 (quarterly). */
  readonly defaultPeriodMonths: PeriodMonths;
  /** Load the demo data (placeholder tariffs, demo payees) into an empty database; env SUBSIDIES_DEMO_DATA, default true. */
  readonly demoData: boolean;
  /** The canton as debtor of the payment file. */
  readonly debtor: {
    name: string;
    iban: string;
    bic: string;
    street: string;
    buildingNo: string;
    postCode: string;
    town: string;
  };
  readonly booking: { glAccount: string; costCentre: string; paymentTermDays: number };
}

export const SUBSIDIES_CONFIG = Symbol('SUBSIDIES_CONFIG');

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): SubsidiesConfig {
  const months = int(env, 'SUBSIDIES_PERIOD_MONTHS', 3, 1, 12);
  if (!isPeriodMonths(months)) throw new Error(`SUBSIDIES_PERIOD_MONTHS must be 1, 2, 3, 4, 6 or 12, got ${months}`);
  return {
    jobsPrefix: env['SUBSIDIES_JOBS_PREFIX'] || 'si',
    jobsEnabled: env['SUBSIDIES_JOBS_ENABLED'] !== 'false',
    claimRunEveryMs: int(env, 'SUBSIDIES_CLAIM_RUN_EVERY_MS', 3_600_000, 1_000, 86_400_000),
    defaultPeriodMonths: months,
    demoData: env['SUBSIDIES_DEMO_DATA'] !== 'false',
    // The demo debtor: a made-up but check-digit-valid IBAN; production sets the canton's account.
    debtor: {
      name: env['SUBSIDIES_DEBTOR_NAME'] || 'Kanton Solothurn, Amt für Gesellschaft und Soziales',
      iban: env['SUBSIDIES_DEBTOR_IBAN'] || 'CH0900000000000000001',
      bic: env['SUBSIDIES_DEBTOR_BIC'] || 'SOBACH23XXX',
      street: env['SUBSIDIES_DEBTOR_STREET'] || 'Ambassadorenhof',
      buildingNo: env['SUBSIDIES_DEBTOR_BUILDING'] || '1',
      postCode: env['SUBSIDIES_DEBTOR_POSTCODE'] || '4509',
      town: env['SUBSIDIES_DEBTOR_TOWN'] || 'Solothurn',
    },
    booking: {
      glAccount: env['SUBSIDIES_GL_ACCOUNT'] || '3632000',
      costCentre: env['SUBSIDIES_COST_CENTRE'] || 'AGS-INT',
      paymentTermDays: int(env, 'SUBSIDIES_PAYMENT_TERM_DAYS', 30, 0, 365),
    },
  };
}
