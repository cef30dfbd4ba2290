import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the workspace in Debian's Chromium (never a downloaded browser). infra/scripts/test.sh runs
 * them after the build; screenshots and traces of failed steps land in SI_BROWSER_ARTIFACTS (the log folder).
 */
const artifacts = process.env.SI_BROWSER_ARTIFACTS ?? '../../.platform/logs/browser';

export default defineConfig({
  testDir: './test/browser',
  testMatch: '**/*.browser-spec.ts',
  globalSetup: './test/browser/global-setup.ts',
  outputDir: `${artifacts}/output`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  globalTimeout: 1_200_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: `${artifacts}/results.json` }]],
  use: {
    locale: 'de-CH',
    timezoneId: 'Europe/Zurich',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell',
      args: ['--disable-gpu', '--disable-dev-shm-usage'],
    },
  },
});
