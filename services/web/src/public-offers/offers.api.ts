/** The offers service's public search (GET /api/v1/public/offers), as its README fixes it. */
export interface PublicOffer {
  id: string;
  title: string;
  summary?: string;
  lang?: string;
  fallback?: boolean;
  category?: string;
  cefrFrom?: string | null;
  cefrTo?: string | null;
  places?: { municipality: number; name: string; place?: string }[];
  online?: boolean;
  startsOn?: string | null;
  endsOn?: string | null;
  priceRappen?: number | null;
  reducedPriceRappen?: number | null;
  childcare?: string | null;
  provider?: string;
  registration?: { deadline?: string | null; url?: string | null; email?: string | null; phone?: string | null } | null;
}

export interface PublicOfferPage {
  items: PublicOffer[];
  page: number;
  pageSize: number;
  total: number;
}

/** The offers service's categories (the public search filter and the provider's editor offer the same). */
export const CATEGORIES = [
  'language',
  'early-childhood',
  'work-readiness',
  'living-together',
  'counselling',
  'interpreting',
  'first-information',
] as const;
