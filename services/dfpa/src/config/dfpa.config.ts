import { defineConfig, flag, int, text, type ValuesOf } from '@si/config';

/** Settings of the dfpa service, read once at start; every wrong variable is named at once. */
export const settings = defineConfig('dfpa', {
  sozialregionen: text('DFPA_SOZIALREGIONEN', {
    default: '*',
    meaning:
      "Sozialregionen this instance serves: ids from contracts/reference/sozialregionen.json separated by commas, or * for all 13 (the canton's instance)",
  }),
  answerWorkingDays: int('DFPA_ANSWER_WORKING_DAYS', {
    default: 10,
    min: 1,
    max: 60,
    meaning: 'Working days a region has to answer a hand-over before it shows as overdue and the region is reminded',
  }),
  reminderLeadDays: int('DFPA_REMINDER_LEAD_DAYS', {
    default: 5,
    min: 0,
    max: 60,
    meaning: 'Days before a plan review or the end of a measure that the caseworkers are reminded',
  }),
  jobsPrefix: text('DFPA_JOBS_PREFIX', { default: 'si', meaning: 'BullMQ key prefix (tests use one of their own)' }),
  sweepEveryMs: int('DFPA_SWEEP_EVERY_MS', {
    default: 15 * 60_000,
    min: 1_000,
    max: 24 * 3_600_000,
    meaning: 'Interval of the reconciliation sweep that catches reminders Redis lost (ms)',
  }),
  jobsEnabled: flag('DFPA_JOBS_ENABLED', {
    default: true,
    meaning: 'Run the reminder worker and the sweep in this process',
  }),
});

export type DfpaConfig = ValuesOf<typeof settings.settings>;
export const DFPA_CONFIG = Symbol('DFPA_CONFIG');
