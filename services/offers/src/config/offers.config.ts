import { defineConfig, flag, int, optionalText, text, type Environment, type ValuesOf } from '@si/config';

/**
 * Settings of the offers service, each with its variable, default and meaning; validated at start (platform
 * settings such as the database are @si/service's). `offersSettings.table()` is the table in the README.
 */
export const offersSettings = defineConfig('offers', {
  jobsPrefix: text('OFFERS_JOBS_PREFIX', {
    default: 'si',
    meaning: 'BullMQ and rate-limit key prefix in Redis (tests use one per file)',
  }),
  jobsEnabled: flag('OFFERS_JOBS_ENABLED', {
    default: true,
    meaning: 'Run the expiry and yearly-confirmation job in this process',
  }),
  reviewEveryMs: int('OFFERS_REVIEW_EVERY_MS', {
    default: 3_600_000,
    min: 1_000,
    max: 24 * 3_600_000,
    meaning: 'Interval of the expiry and confirmation sweep (ms)',
  }),
  publicRateLimit: int('OFFERS_PUBLIC_RATE_LIMIT', {
    default: 300,
    min: 1,
    max: 1_000_000,
    meaning: 'Public search requests per client address and minute',
  }),
  trustedProxies: optionalText('OFFERS_TRUSTED_PROXIES', {
    meaning:
      'Comma-separated addresses (e.g. the web server) whose X-Forwarded-For names the client the public rate limit counts',
  }),
  publicCacheSeconds: int('OFFERS_PUBLIC_CACHE_SECONDS', {
    default: 60,
    min: 0,
    max: 3_600,
    meaning: 'Cache-Control max-age of public search answers (s)',
  }),
  publicCacheEntries: int('OFFERS_PUBLIC_CACHE_ENTRIES', {
    default: 2_000,
    min: 0,
    max: 100_000,
    meaning: 'Public answers kept in memory per catalogue version (0 = none; a change of the catalogue retires them)',
  }),
});

export type OffersConfig = ValuesOf<typeof offersSettings.settings>;

export const OFFERS_CONFIG = Symbol('OFFERS_CONFIG');

export function loadConfig(env: Environment = process.env): OffersConfig {
  return offersSettings.load(env);
}
