import type { Lang } from './i18n.js';

/** Swiss locales: dates as 31.12.2026, numbers with the apostrophe as thousands separator. */
export const LOCALE: Record<Lang, string> = { de: 'de-CH', fr: 'fr-CH', it: 'it-CH', en: 'en-CH' };
const ZONE = 'Europe/Zurich';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const cached = (key: string, make: () => Intl.DateTimeFormat) => {
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = make()));
  return f;
};

/** A calendar day (YYYY-MM-DD) as 31.12.2026, without any time-zone shift. */
export function formatDate(day: string | null | undefined, lang: Lang = 'de'): string {
  if (!day) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  const f = cached(
    `d:${lang}`,
    () => new Intl.DateTimeFormat(LOCALE[lang], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  );
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** An instant as 31.12.2026, 14:05 in Swiss time. */
export function formatDateTime(instant: string | null | undefined, lang: Lang = 'de'): string {
  if (!instant) return '–';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const f = cached(
    `dt:${lang}`,
    () =>
      new Intl.DateTimeFormat(LOCALE[lang], {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: ZONE,
      }),
  );
  return f.format(at);
}

export function formatNumber(n: number, lang: Lang = 'de'): string {
  return new Intl.NumberFormat(LOCALE[lang]).format(n);
}

/** Today in Switzerland as YYYY-MM-DD (what deadlines count in). */
export function swissToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
}

/** The Sunday that ends the Swiss week of `day` (Monday to Sunday), YYYY-MM-DD. */
export function endOfWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const untilSunday = (7 - d.getUTCDay()) % 7;
  d.setUTCDate(d.getUTCDate() + untilSunday);
  return d.toISOString().slice(0, 10);
}
