import { isAbsolute, resolve } from 'node:path';
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
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, not "${raw}"`);
  return value;
}

/**
 * Reads the service's configuration. Throws (and the service does not start) when production runs without its own
 * person-reference key: references made with the public development key could be recomputed by anyone.
 */
export function intakeConfig(env: NodeJS.ProcessEnv = process.env): IntakeConfig {
  const key = env.PERSON_REF_KEY;
  if (!key && env.NODE_ENV === 'production') {
    throw new Error('PERSON_REF_KEY is required in production (the HMAC key of person references, at least 32 bytes)');
  }
  if (key !== undefined && Buffer.byteLength(key) < 32) throw new Error('PERSON_REF_KEY must have at least 32 bytes');
  const inbox = env.SEDEX_INBOX_DIR;
  const maxBytes = env.INTAKE_MAX_BYTES ? int(env, 'INTAKE_MAX_BYTES', 0) : undefined;
  return {
    personRefKey: key ?? DEVELOPMENT_PERSON_REF_KEY,
    personRefKeyIsDevelopmentDefault: !key,
    sedex: {
      inboxDir: inbox ? (isAbsolute(inbox) ? inbox : resolve(inbox)) : undefined,
      pollIntervalMs: int(env, 'SEDEX_POLL_INTERVAL_MS', 2000),
    },
    limits: { ...(maxBytes ? { maxBytes } : {}), ...(env.INTAKE_WINDOW_BYTES ? { windowBytes: int(env, 'INTAKE_WINDOW_BYTES', 0) } : {}) },
    referenceDir: env.INTAKE_REFERENCE_DIR ?? referenceDir,
    stageThreshold: int(env, 'INTAKE_STAGE_THRESHOLD', 100),
    rawSpillBytes: 4 * 1024 * 1024,
    validationWorkers: int(env, 'INTAKE_VALIDATION_WORKERS', 1),
    workerFromChars: int(env, 'INTAKE_WORKER_FROM_CHARS', 256 * 1024),
    rawRetentionDays: int(env, 'INTAKE_RAW_RETENTION_DAYS', 90),
    leaseSeconds: 60,
    gcHeadroomBytes: int(env, 'INTAKE_GC_HEADROOM_MB', 24) * 1024 * 1024,
  };
}

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');
