import { assertDeadlineMonths } from '../cases/domain/index.js';

/** Settings of this service, read once from the environment and validated at start. */
export interface CaseManagementConfig {
  /** Months from registration to first information (R1, R13); env CASE_FIRST_INFORMATION_MONTHS, default 3. */
  readonly firstInformationMonths: number;
  /** Days before the due date the IB is reminded; env CASE_REMINDER_LEAD_DAYS, default 14. */
  readonly reminderLeadDays: number;
  /** BullMQ key prefix (tests use one per file); env CASE_JOBS_PREFIX, default `si`. */
  readonly jobsPrefix: string;
  /** Interval of the reconciliation sweep in ms; env CASE_SWEEP_EVERY_MS, default 15 min. */
  readonly sweepEveryMs: number;
  /** Run the deadline worker and sweep in this process; env CASE_JOBS_ENABLED, default true. */
  readonly jobsEnabled: boolean;
  /** How long the organisation model is cached before it is re-read (ms); env CASE_ORGANISATION_CACHE_MS, default 10 s. */
  readonly organisationCacheMs: number;
}

export const CASE_MANAGEMENT_CONFIG = Symbol('CASE_MANAGEMENT_CONFIG');

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): CaseManagementConfig {
  const firstInformationMonths = int(env, 'CASE_FIRST_INFORMATION_MONTHS', 3, 1, 24);
  assertDeadlineMonths(firstInformationMonths);
  return {
    firstInformationMonths,
    reminderLeadDays: int(env, 'CASE_REMINDER_LEAD_DAYS', 14, 0, 365),
    jobsPrefix: env['CASE_JOBS_PREFIX'] || 'si',
    sweepEveryMs: int(env, 'CASE_SWEEP_EVERY_MS', 15 * 60_000, 1_000, 24 * 3_600_000),
    jobsEnabled: env['CASE_JOBS_ENABLED'] !== 'false',
    organisationCacheMs: int(env, 'CASE_ORGANISATION_CACHE_MS', 10_000, 0, 3_600_000),
  };
}
