import { defineConfig } from '@playwright/test';

/** `npm run bench:web`: the workspace timed in Debian's Chromium against a platform of its own (the browser tests' set-up). */
export default defineConfig({
  testDir: '.',
  testMatch: 'web.bench.ts',
  globalSetup: '../test/browser/global-setup.ts',
  outputDir: '../../../.platform/logs/bench-web',
  workers: 1,
  timeout: 1_800_000,
  reporter: [['list']],
  use: {
    locale: 'de-CH',
    timezoneId: 'Europe/Zurich',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium-headless-shell',
      args: ['--disable-gpu', '--disable-dev-shm-usage'],
    },
  },
});
