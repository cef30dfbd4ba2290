/** What the offers service answers to keepers and curators (services/offers README, "Keeping and curating"). */
export const TEXT_LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];
export const CEFR_LEVELS = ['pre-A1', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const CHILDCARE = ['none', 'on-site', 'on-request'] as const;
export const ACCESSIBILITY = ['yes', 'no', 'unknown'] as const;
export const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type TranslationStatus = 'original' | 'translated' | 'outdated';

export interface OfferText {
  title: string;
  summary: string;
  description: string;
}

export interface OfferLocation {
  street: string;
  postcode: string;
  place: string;
  municipality: number;
  lat: number;
  lon: number;
}

/** The content of an offer as the service takes it (POST/PUT /api/v1/offers). */
export interface OfferContent {
  originalLanguage: TextLanguage;
  texts: Partial<Record<TextLanguage, OfferText>>;
  category: string;
  cefrFrom?: string;
  cefrTo?: string;
  tags: string[];
  languagesHeld: string[];
  targetGroup: {
    ageFrom?: number;
    ageTo?: number;
    womenOnly: boolean;
    parents: boolean;
    refugees: boolean;
    everyone: boolean;
  };
  locations: OfferLocation[];
  online: boolean;
  regions: string[];
  schedule: {
    start: string;
    end: string;
    sessions?: number;
    recurrence?: { frequency: 'weekly' | 'monthly'; interval: number; weekdays: string[]; times?: string };
  };
  freePlaces: number | null;
  cost: { priceRappen: number; reducedPriceRappen?: number; reductionNote?: string; subsidised: boolean };
  childcare: string;
  accessibility: string;
  accessibilityNote?: string;
  registration: { deadline?: string; url?: string; email?: string; phone?: string };
}

export type OfferStatus = 'draft' | 'in-review' | 'published' | 'returned' | 'withdrawn' | 'expired';

export interface OfferHistoryEntry {
  version: number;
  at: string;
  action: string;
  actorKind: string;
  status: string;
  comment: string | null;
  changed: string[];
}

/** One offer in the keepers' internal view (GET /api/v1/offers/{id} adds `history`). */
export interface KeptOffer {
  id: string;
  providerId: string;
  status: OfferStatus;
  version: number;
  content: OfferContent;
  translationStatus: Partial<Record<TextLanguage, TranslationStatus>>;
  reviewComment: string | null;
  publishedAt: string | null;
  confirmationDueOn?: string | null;
  confirmationAskedOn?: string | null;
  history?: OfferHistoryEntry[];
}

/** The title to list an offer by: the original language's, else the first there is. */
export function titleOf(o: Pick<KeptOffer, 'content'>): string {
  const c = o.content;
  return c.texts[c.originalLanguage]?.title ?? TEXT_LANGUAGES.map((l) => c.texts[l]?.title).find(Boolean) ?? '–';
}

export const PARTICIPATION_STEPS = ['enrolled', 'attending', 'completed', 'dropped-out'] as const;
export type ParticipationStep = (typeof PARTICIPATION_STEPS)[number];
export type ReferralStage = 'referred' | ParticipationStep;

/** Forward only (PA2), as the service enforces it: what the provider may confirm next. */
export const NEXT_STEPS: Record<ReferralStage, readonly ParticipationStep[]> = {
  referred: ['enrolled', 'dropped-out'],
  enrolled: ['attending', 'dropped-out'],
  attending: ['completed', 'dropped-out'],
  completed: [],
  'dropped-out': [],
};

/**
 * A referral to one of the provider's offers (GET /api/v1/referrals): pseudonymous. Where the service one day
 * discloses the person (consent recorded by the officer), it adds `person`; the screen shows only what is there.
 */
export interface ProviderReferral {
  referralId: string;
  caseId: string;
  personRef: string;
  municipality: number;
  offerId: string;
  category: string;
  madeOn: string;
  stage: ReferralStage;
  stages: { stage: ParticipationStep; on: string; reason: string | null }[];
  person?: {
    officialName?: string;
    firstName?: string;
    address?: { street: string; houseNumber?: string; postalCode: string; town: string } | null;
    email?: string | null;
    phone?: string | null;
  } | null;
}
