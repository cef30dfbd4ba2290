import { defineConfig, flag, int, text, url, type Environment, type ValuesOf } from '@si/config';

/** Settings of the reporting service, each with its variable, default and meaning; validated at start. */
export const reportingSettings = defineConfig('reporting', {
  smallCellThreshold: int('REPORTING_SMALL_CELL_THRESHOLD', {
    default: 5,
    min: 2,
    max: 100,
    meaning: 'Counts from 1 to this value minus 1 are suppressed wherever figures leave AGS (point 3; wave2-domain §3)',
  }),
  caseManagementUrl: url('REPORTING_CASE_MANAGEMENT_URL', {
    default: 'http://localhost:3002',
    protocols: ['http:', 'https:'],
    meaning: "Base URL of case-management, for the trace's links to a case",
  }),
  jobsPrefix: text('REPORTING_JOBS_PREFIX', { default: 'si', meaning: 'BullMQ key prefix (tests use one per file)' }),
  jobsEnabled: flag('REPORTING_JOBS_ENABLED', {
    default: true,
    meaning: 'Run the self-declaration reminder worker and sweep in this process',
  }),
  sweepEveryMs: int('REPORTING_SWEEP_EVERY_MS', {
    default: 60 * 60_000,
    min: 1_000,
    max: 24 * 3_600_000,
    meaning: 'Interval of the reminder reconciliation sweep (ms)',
  }),
});

export type ReportingConfig = ValuesOf<typeof reportingSettings.settings>;
export const REPORTING_CONFIG = Symbol('REPORTING_CONFIG');

export function loadConfig(env: Environment = process.env): ReportingConfig {
  return reportingSettings.load(env);
}
