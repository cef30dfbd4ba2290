import { isAbsolute, resolve } from 'node:path';
import { defineConfig, flag, int, optionalText, text, type Environment } from '@si/config';
import { referenceDir } from '@si/contracts';
import type { IntakeLimits } from '../ech/intake-limits.js';

/** Development default of the person-reference key. Never used when NODE_ENV=production (the service refuses to start). */
export const DEVELOPMENT_PERSON_REF_KEY = 'registry-intake-DEVELOPMENT-ONLY-person-ref-key-do-not-use-in-production';

export interface IntakeConfig {
  /** HMAC key of the pseudonymous person references (env PERSON_REF_KEY, at least 32 bytes). */
  personRefKey: string;
  personRefKeyIsDevelopmentDefault: boolean;
  sedex: {
    /** env SEDEX_INBOX_DIR; no inbox is polled without it. */
    inboxDir: string | undefined;
    /** env SEDEX_POLL_INTERVAL_MS (default 2000). */
    pollIntervalMs: number;
  };
  /** Overrides of the intake limits (env INTAKE_MAX_BYTES, INTAKE_WINDOW_BYTES). */
  limits: Partial<IntakeLimits>;
  /** Master data folder (env INTAKE_REFERENCE_DIR, default contracts/reference); re-read before each reprocess. */
  referenceDir: string;
  /**
   * Outcomes held in memory before a delivery is staged in the database, and the size of each batch written then
   * (env INTAKE_STAGE_THRESHOLD, default 100). Small batches let a base delivery's objects die young, before V8
   * promotes them: with 1,000 a base delivery spent a fifth more CPU and 100 MB more memory.
   */
  stageThreshold: number;
  /** Raw bytes held in memory before they are written to the database as they arrive. */
  rawSpillBytes: number;
  /**
   * Worker threads that parse, validate and read base-delivery pieces (env INTAKE_VALIDATION_WORKERS, default 1;
   * 0 = in the main thread). Each holds its own compiled schema (~15 MB). On two cores one is best: the main thread
   * and PostgreSQL need the second, and a third busy thread only adds switching (12.1k persons/s and 250 MB with
   * one, 11.3k/s and 290 MB with two).
   */
  validationWorkers: number;
  /**
   * Documents from this many characters on are validated in the worker (env INTAKE_WORKER_FROM_CHARS). 0 sends
   * single-event deliveries there too, which takes their validation off the thread that serves HTTP.
   */
  workerFromChars: number;
  /** Days raw bytes are kept once a delivery is accepted or resolved (env INTAKE_RAW_RETENTION_DAYS, default 90). */
  rawRetentionDays: number;
  /** A delivery in processing whose lease ran out was interrupted (its process died). */
  leaseSeconds: number;
  /**
   * A large delivery runs a full garbage collection whenever the heap has grown by this much since the last one
   * (env INTAKE_GC_HEADROOM_MB, default 24; 0 = leave it to V8). See HeapPacer.
   */
  gcHeadroomBytes: number;
  /**
   * Partial deliveries (eCH-0058 packages): a register whose packages are not all in this long after its first one
   * is reported in the quarantine (env INTAKE_PARTIAL_TIMEOUT_MINUTES, default 4320 = 3 days); the overdue job and
   * its reconciliation sweep (env INTAKE_PARTIAL_SWEEP_EVERY_MS, default 15 minutes) run on BullMQ.
   */
  partialDelivery: { timeoutSeconds: number; sweepEveryMs: number };
  /** BullMQ key prefix (env INTAKE_JOBS_PREFIX, default si) and whether this process runs the worker (env INTAKE_JOBS_ENABLED). */
  jobs: { prefix: string; enabled: boolean };
}

/** Every variable of this service, with its default and meaning (the platform's own are in @si/service). */
export const intakeSettings = defineConfig('registry-intake', {
  personRefKey: optionalText('PERSON_REF_KEY', {
    minBytes: 32,
    meaning: 'HMAC key of the pseudonymous person references (at least 32 bytes; required in production)',
  }),
  nodeEnv: optionalText('NODE_ENV', { meaning: '`production` refuses to start without PERSON_REF_KEY' }),
  inboxDir: optionalText('SEDEX_INBOX_DIR', { meaning: 'sedex inbox directory; no inbox is polled without it' }),
  pollIntervalMs: int('SEDEX_POLL_INTERVAL_MS', {
    default: 2000,
    meaning: 'Interval of the inbox poll (ms; 0 = tests drive the poller)',
  }),
  maxBytes: int('INTAKE_MAX_BYTES', { default: 0, meaning: 'Largest delivery in bytes (0 = the built-in limit)' }),
  windowBytes: int('INTAKE_WINDOW_BYTES', {
    default: 0,
    meaning: 'Largest piece of a base delivery in bytes (0 = the built-in limit)',
  }),
  referenceDir: text('INTAKE_REFERENCE_DIR', {
    default: referenceDir,
    meaning: 'Master data folder, re-read before each reprocess',
  }),
  stageThreshold: int('INTAKE_STAGE_THRESHOLD', {
    default: 100,
    meaning: 'Outcomes held in memory before a delivery is staged, and the batch size then',
  }),
  validationWorkers: int('INTAKE_VALIDATION_WORKERS', {
    default: 1,
    meaning: 'Worker threads that validate base-delivery pieces (0 = the main thread)',
  }),
  workerFromChars: int('INTAKE_WORKER_FROM_CHARS', {
    default: 256 * 1024,
    meaning: 'Documents from this many characters on are validated in a worker',
  }),
  rawRetentionDays: int('INTAKE_RAW_RETENTION_DAYS', {
    default: 90,
    meaning: 'Days raw bytes are kept once a delivery is accepted or resolved',
  }),
  partialTimeoutMinutes: int('INTAKE_PARTIAL_TIMEOUT_MINUTES', {
    default: 3 * 24 * 60,
    min: 1,
    meaning:
      'Minutes after its first package until a partial delivery with packages missing is reported in the quarantine',
  }),
  partialSweepEveryMs: int('INTAKE_PARTIAL_SWEEP_EVERY_MS', {
    default: 15 * 60_000,
    min: 1_000,
    meaning: 'Interval of the reconciliation sweep of overdue partial deliveries (ms)',
  }),
  jobsPrefix: text('INTAKE_JOBS_PREFIX', { default: 'si', meaning: 'BullMQ key prefix (tests use one per file)' }),
  jobsEnabled: flag('INTAKE_JOBS_ENABLED', {
    default: true,
    meaning: 'Run the partial-delivery worker and sweep in this process',
  }),
  gcHeadroomMb: int('INTAKE_GC_HEADROOM_MB', {
    default: 24,
    meaning: 'Heap growth (MB) after which a large delivery collects garbage (0 = leave it to V8)',
  }),
});

/**
 * Reads the service's configuration. Throws (and the service does not start) when production runs without its own
 * person-reference key: references made with the public development key could be recomputed by anyone.
 */
export function intakeConfig(env: Environment = process.env): IntakeConfig {
  const v = intakeSettings.load(env);
  if (!v.personRefKey && v.nodeEnv === 'production') {
    throw new Error('PERSON_REF_KEY is required in production (the HMAC key of person references, at least 32 bytes)');
  }
  return {
    personRefKey: v.personRefKey ?? DEVELOPMENT_PERSON_REF_KEY,
    personRefKeyIsDevelopmentDefault: !v.personRefKey,
    sedex: {
      inboxDir: v.inboxDir ? (isAbsolute(v.inboxDir) ? v.inboxDir : resolve(v.inboxDir)) : undefined,
      pollIntervalMs: v.pollIntervalMs,
    },
    limits: {
      ...(v.maxBytes ? { maxBytes: v.maxBytes } : {}),
      ...(v.windowBytes ? { windowBytes: v.windowBytes } : {}),
    },
    referenceDir: v.referenceDir,
    stageThreshold: v.stageThreshold,
    rawSpillBytes: 4 * 1024 * 1024,
    validationWorkers: v.validationWorkers,
    workerFromChars: v.workerFromChars,
    rawRetentionDays: v.rawRetentionDays,
    leaseSeconds: 60,
    gcHeadroomBytes: v.gcHeadroomMb * 1024 * 1024,
    partialDelivery: { timeoutSeconds: v.partialTimeoutMinutes * 60, sweepEveryMs: v.partialSweepEveryMs },
    jobs: { prefix: v.jobsPrefix, enabled: v.jobsEnabled },
  };
}

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');
