import type { LocalDate } from '@si/kernel';
import {
  CATEGORIES,
  CEFR_LEVELS,
  TEXT_LANGUAGES,
  type Category,
  type CefrLevel,
  type TextLanguage,
} from './offer-content.js';

/** The limits of a public search (OF12): a public route must stay cheap whatever anyone sends. */
export const SEARCH_LIMITS = {
  queryChars: 200,
  pageSize: 50,
  defaultPageSize: 20,
  maxPage: 200,
  radiusKm: 100,
  defaultRadiusKm: 15,
} as const;

export const SORTS = ['relevance', 'start', 'distance'] as const;

/** A parsed public search: what the reader asked for, within the limits. */
export interface PublicSearch {
  readonly q?: string;
  readonly lang: TextLanguage;
  readonly category?: Category;
  readonly cefr?: CefrLevel;
  readonly held?: string;
  readonly municipality?: number;
  readonly region?: string;
  readonly near?: { readonly bfs: number; readonly lat: number; readonly lon: number; readonly radiusKm: number };
  readonly free?: boolean;
  readonly childcare?: boolean;
  readonly startsAfter?: LocalDate;
  readonly sort: (typeof SORTS)[number];
  readonly page: number;
  readonly pageSize: number;
}

export { CATEGORIES, CEFR_LEVELS, TEXT_LANGUAGES };

/** What a public page shows of one offer: no internal fields (status, comments, history, IBAN, provider contact person). */
export interface PublicOffer {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** The language of title and summary: the reader's, or the original where no translation exists. */
  readonly lang: TextLanguage;
  readonly fallback: boolean;
  readonly category: Category;
  readonly cefrFrom: CefrLevel | null;
  readonly cefrTo: CefrLevel | null;
  readonly languagesHeld: readonly string[];
  readonly places: readonly { readonly municipality: number; readonly name: string; readonly place: string }[];
  readonly online: boolean;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly priceRappen: number;
  readonly reducedPriceRappen: number | null;
  readonly subsidised: boolean;
  readonly childcare: string;
  readonly provider: string;
  readonly registration: {
    readonly deadline: LocalDate | null;
    readonly url: string | null;
    readonly email: string | null;
    readonly phone: string | null;
  };
  readonly distanceKm: number | null;
}

export interface PublicSearchResult {
  readonly items: readonly PublicOffer[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  /** Counts over all matches of the query and filters, per value. */
  readonly facets: {
    readonly category: Readonly<Record<string, number>>;
    readonly languagesHeld: Readonly<Record<string, number>>;
    readonly region: Readonly<Record<string, number>>;
    readonly freeOfCharge: number;
    readonly childcare: number;
  };
}
