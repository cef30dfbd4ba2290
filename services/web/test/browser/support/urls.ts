import type { PlatformUrls } from './platform.js';

export function urls(): PlatformUrls {
  const raw = process.env.SI_BROWSER_URLS;
  if (!raw) throw new Error('SI_BROWSER_URLS is not set: run the browser tests through playwright (global setup)');
  return JSON.parse(raw) as PlatformUrls;
}
