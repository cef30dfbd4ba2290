import { startBrowserPlatform } from './support/platform.js';

/** Starts the platform once for all browser tests; its URLs go to the workers through the environment. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const platform = await startBrowserPlatform();
  process.env.SI_BROWSER_URLS = JSON.stringify(platform.urls);
  return () => platform.stop();
}
