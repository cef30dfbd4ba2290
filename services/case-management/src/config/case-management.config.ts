import { defineConfig, flag, int, text, type Environment, type ValuesOf } from '@si/config';
import { assertDeadlineMonths } from '../cases/domain/index.js';

/**
 * Settings of this service, each with its variable, default and meaning; read once and validated at start
 * (platform settings such as the database are in @si/service `loadPlatformConfig`). `npm run` prints nothing of it:
 * `caseManagementSettings.table()` is the table in the README.
 */
export const caseManagementSettings = defineConfig('case-management', {
  firstInformationMonths: int('CASE_FIRST_INFORMATION_MONTHS', {
    default: 3,
    min: 1,
    max: 24,
    meaning: 'Months from registration to first information (R1, R13)',
  }),
  reminderLeadDays: int('CASE_REMINDER_LEAD_DAYS', {
    default: 14,
    min: 0,
    max: 365,
    meaning: 'Days before the due date the IB is reminded',
  }),
  jobsPrefix: text('CASE_JOBS_PREFIX', { default: 'si', meaning: 'BullMQ key prefix (tests use one per file)' }),
  sweepEveryMs: int('CASE_SWEEP_EVERY_MS', {
    default: 15 * 60_000,
    min: 1_000,
    max: 24 * 3_600_000,
    meaning: 'Interval of the deadline reconciliation sweep (ms)',
  }),
  jobsEnabled: flag('CASE_JOBS_ENABLED', {
    default: true,
    meaning: 'Run the deadline worker and sweep in this process',
  }),
  organisationCacheMs: int('CASE_ORGANISATION_CACHE_MS', {
    default: 10_000,
    min: 0,
    max: 3_600_000,
    meaning: 'How long the organisation model is cached before it is re-read (ms)',
  }),
});

export type CaseManagementConfig = ValuesOf<typeof caseManagementSettings.settings>;

export const CASE_MANAGEMENT_CONFIG = Symbol('CASE_MANAGEMENT_CONFIG');

/** Reads and validates the settings; the first-information deadline must also satisfy the domain (R1). */
export function loadConfig(env: Environment = process.env): CaseManagementConfig {
  const config = caseManagementSettings.load(env);
  assertDeadlineMonths(config.firstInformationMonths);
  return config;
}
