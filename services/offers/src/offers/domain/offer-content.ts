import type { LocalDate } from '@si/kernel';
import { InvalidFieldsError, type FieldProblem, type RuleId } from '../../shared/rules.js';

/** The four languages the platform is written in; an offer's texts exist in some of them. */
export const TEXT_LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** The KIP Förderbereiche an offer belongs to (wave2-domain.md §2.1, KIP 3 wording). */
export const CATEGORIES = [
  'language',
  'early-childhood',
  'work-readiness',
  'living-together',
  'counselling',
  'interpreting',
  'first-information',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CEFR_LEVELS = ['pre-A1', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

export const CHILDCARE = ['none', 'on-site', 'on-request'] as const;
export const ACCESSIBILITY = ['yes', 'no', 'unknown'] as const;

/** original: written so; translated: follows the original; outdated: the original changed after it was translated. */
export type TranslationStatus = 'original' | 'translated' | 'outdated';

export interface OfferText {
  readonly title: string;
  readonly summary: string;
  readonly description: string;
}

export interface OfferLocation {
  readonly street: string;
  readonly postcode: string;
  readonly place: string;
  /** BFS number of the Solothurn municipality the place lies in. */
  readonly municipality: number;
  readonly lat: number;
  readonly lon: number;
}

export interface Recurrence {
  readonly frequency: 'weekly' | 'monthly';
  readonly interval: number;
  readonly weekdays: readonly ('mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su')[];
  readonly times?: string;
}

/** What a provider states about an offer (everything but status, owner and history). */
export interface OfferContent {
  readonly originalLanguage: TextLanguage;
  readonly texts: Partial<Record<TextLanguage, OfferText>>;
  readonly category: Category;
  readonly cefrFrom?: CefrLevel;
  readonly cefrTo?: CefrLevel;
  readonly tags: readonly string[];
  /** ISO 639-3 codes of the languages the offer is held in. */
  readonly languagesHeld: readonly string[];
  readonly targetGroup: {
    readonly ageFrom?: number;
    readonly ageTo?: number;
    readonly womenOnly: boolean;
    readonly parents: boolean;
    readonly refugees: boolean;
    readonly everyone: boolean;
  };
  readonly locations: readonly OfferLocation[];
  readonly online: boolean;
  /** Sozialregion ids the offer serves beyond its locations' own regions. */
  readonly regions: readonly string[];
  readonly schedule: {
    readonly start: LocalDate;
    readonly end: LocalDate;
    readonly sessions?: number;
    readonly recurrence?: Recurrence;
  };
  readonly freePlaces: number | null;
  readonly cost: {
    readonly priceRappen: number;
    readonly reducedPriceRappen?: number;
    readonly reductionNote?: string;
    readonly subsidised: boolean;
  };
  readonly childcare: (typeof CHILDCARE)[number];
  readonly accessibility: (typeof ACCESSIBILITY)[number];
  readonly accessibilityNote?: string;
  readonly registration: {
    readonly deadline?: LocalDate;
    readonly url?: string;
    readonly email?: string;
    readonly phone?: string;
  };
}

/** What the rules need to know of the canton. */
export interface Canton {
  isMunicipality(bfs: number): boolean;
  isRegion(id: string): boolean;
}

/**
 * The rules across fields that a schema cannot say (OF2–OF6). Field shapes are checked at the edge; this names
 * each broken rule with the field it concerns, the first rule broken decides the problem's `rule`.
 */
export function assertOfferRules(c: OfferContent, canton: Canton): void {
  const broken: { rule: RuleId; problem: FieldProblem }[] = [];
  const add = (rule: RuleId, pointer: string, message: string) => broken.push({ rule, problem: { pointer, message } });

  if (!c.texts[c.originalLanguage])
    add('OF2', `/texts/${c.originalLanguage}`, 'the text in the original language is missing');
  if (c.category !== 'language' && (c.cefrFrom || c.cefrTo))
    add('OF3', '/cefrFrom', 'a CEFR level belongs to language offers only');
  if (c.cefrFrom && c.cefrTo && CEFR_LEVELS.indexOf(c.cefrFrom) > CEFR_LEVELS.indexOf(c.cefrTo))
    add('OF3', '/cefrTo', `must not be below cefrFrom (${c.cefrFrom})`);
  if (c.schedule.end < c.schedule.start)
    add('OF4', '/schedule/end', `must not be before the start (${c.schedule.start})`);
  if (c.registration.deadline && c.registration.deadline > c.schedule.end)
    add('OF4', '/registration/deadline', `must not be after the end (${c.schedule.end})`);
  if (c.locations.length === 0 && !c.online)
    add('OF5', '/locations', 'name at least one location or mark the offer online');
  c.locations.forEach((l, i) => {
    if (!canton.isMunicipality(l.municipality))
      add('OF5', `/locations/${i}/municipality`, `${l.municipality} is not a Solothurn municipality`);
  });
  c.regions.forEach((r, i) => {
    if (!canton.isRegion(r)) add('OF5', `/regions/${i}`, `${r} is not a Sozialregion of the canton`);
  });
  if (c.cost.reducedPriceRappen !== undefined && c.cost.reducedPriceRappen >= c.cost.priceRappen)
    add('OF6', '/cost/reducedPriceRappen', 'must be below priceRappen');
  if (
    c.targetGroup.ageFrom !== undefined &&
    c.targetGroup.ageTo !== undefined &&
    c.targetGroup.ageFrom > c.targetGroup.ageTo
  )
    add('OF1', '/targetGroup/ageTo', 'must not be below ageFrom');
  if (!c.registration.url && !c.registration.email && !c.registration.phone)
    add('OF1', '/registration', 'name a link, an e-mail address or a phone number to register');

  const [first] = broken;
  if (first)
    throw new InvalidFieldsError(
      first.rule,
      broken.map((b) => b.problem),
    );
}

/**
 * The translation status of every text after a change: the original stays original; a translation given anew with
 * the change is translated; an untouched translation becomes outdated when the original's text changed.
 */
export function translationStatuses(
  before: OfferContent | undefined,
  beforeStatus: Partial<Record<TextLanguage, TranslationStatus>>,
  after: OfferContent,
): Partial<Record<TextLanguage, TranslationStatus>> {
  const original = after.originalLanguage;
  const originalChanged =
    !before || before.originalLanguage !== original || !sameText(before.texts[original], after.texts[original]);
  const result: Partial<Record<TextLanguage, TranslationStatus>> = {};
  for (const lang of TEXT_LANGUAGES) {
    const text = after.texts[lang];
    if (!text) continue;
    if (lang === original) result[lang] = 'original';
    else if (!before || !sameText(before.texts[lang], text)) result[lang] = 'translated';
    else if (originalChanged) result[lang] = 'outdated';
    else result[lang] = beforeStatus[lang] === 'outdated' ? 'outdated' : 'translated';
  }
  return result;
}

function sameText(a: OfferText | undefined, b: OfferText | undefined): boolean {
  return !!a && !!b && a.title === b.title && a.summary === b.summary && a.description === b.description;
}
