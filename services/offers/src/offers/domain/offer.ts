import type { LocalDate } from '@si/kernel';
import type { OfferContent, TextLanguage, TranslationStatus } from './offer-content.js';
import type { KeptOffer } from './offer-keepers.js';
import type { OfferStatus } from './offer-lifecycle.js';

/** An offer as the platform keeps it: what the provider states, plus status, version and review facts. */
export interface Offer extends KeptOffer {
  readonly id: string;
  readonly status: OfferStatus;
  readonly version: number;
  readonly content: OfferContent;
  readonly translationStatus: Partial<Record<TextLanguage, TranslationStatus>>;
  readonly reviewComment: string | null;
  readonly publishedAt: string | null;
  readonly lastConfirmedOn: LocalDate | null;
  readonly confirmationDueOn: LocalDate | null;
  readonly confirmationAskedOn: LocalDate | null;
}

/** The keeper facts of an offer's content and provider. */
export function keptFacts(providerId: string, providerMunicipality: number | null, content: OfferContent): KeptOffer {
  return {
    providerId,
    providerMunicipality,
    online: content.online,
    locationMunicipalities: [...new Set(content.locations.map((l) => l.municipality))],
  };
}

/** Top-level content fields that differ, for the history ("which fields changed"). */
export function changedFields(before: OfferContent | undefined, after: OfferContent): string[] {
  if (!before) return Object.keys(after).sort();
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => canonical(b[k]) !== canonical(a[k])).sort();
}

/** JSON with object keys sorted: content read back from jsonb has its keys in another order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A year after the last confirmation (or publication) the provider is asked whether the offer is still current. */
export function confirmationDue(confirmedOn: LocalDate): LocalDate {
  const [y, rest] = [Number(confirmedOn.slice(0, 4)), confirmedOn.slice(4)];
  // 29 February confirms until 28 February of the next year.
  return (rest === '-02-29' ? `${y + 1}-02-28` : `${y + 1}${rest}`) as LocalDate;
}
