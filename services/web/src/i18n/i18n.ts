import { existsSync, readdirSync, readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';

/** The languages of the platform: the workspace is German (de-CH); the public page and the login also fr, it, en. */
export const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

const I18N_DIR = new URL('../../i18n/', import.meta.url);
const readJson = (url: URL): Record<string, unknown> =>
  JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;

/**
 * services/web/i18n/<lang>.json (the shell and the first screens) merged with i18n/<feature>/<lang>.json, one folder
 * per later feature so that features keep their texts apart. Each file owns its top-level keys: a key two files
 * claim stops the start. The same relative place from src/ and from dist/.
 */
export function catalogue(lang: Lang): Record<string, unknown> {
  const merged = readJson(new URL(`${lang}.json`, I18N_DIR));
  const features = readdirSync(I18N_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const feature of features) {
    const file = new URL(`${feature}/${lang}.json`, I18N_DIR);
    if (!existsSync(file)) continue;
    for (const [key, value] of Object.entries(readJson(file))) {
      if (key in merged) throw new Error(`i18n/${feature}/${lang}.json: the key "${key}" is already defined elsewhere`);
      merged[key] = value;
    }
  }
  return merged;
}

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: catalogue(l) }])),
  lng: 'de',
  fallbackLng: 'de',
  supportedLngs: [...LANGUAGES],
  // Views are rendered by preact-render-to-string, which escapes every text: escaping here would double it.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export type T = TFunction;

/** A translator fixed to one language (one per request). */
export function translator(lang: Lang): T {
  return instance.getFixedT(lang);
}

/** The language a first visit prefers, from Accept-Language (the public page only; the workspace is German). */
export function preferredLanguage(acceptLanguage: string | undefined): Lang {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: (tag ?? '').slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((w) => w.lang && !Number.isNaN(w.q))
    .sort((a, b) => b.q - a.q);
  return wanted.map((w) => w.lang).find(isLang) ?? 'de';
}
