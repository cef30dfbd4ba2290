import { languageName, municipalityOptions } from '../shared/reference-data.js';
import { allRegions } from '../shared/regions.js';

/** The Solothurn municipalities by name. */
export const MUNICIPALITY_OPTIONS: readonly { value: string; text: string }[] = municipalityOptions();

/** The 13 Sozialregionen (id = the token claim and the offers service's region id). */
export const REGION_OPTIONS: readonly { value: string; text: string }[] = allRegions().map((r) => ({
  value: r.id,
  text: r.name,
}));

/**
 * Languages an offer is often held in, offered as checkboxes (ISO 639-3); any other goes into the free field
 * as its code.
 */
export const HELD_LANGUAGES = [
  'deu',
  'fra',
  'ita',
  'eng',
  'por',
  'spa',
  'sqi',
  'srp',
  'tur',
  'ara',
  'tir',
  'fas',
  'prs',
  'tam',
  'ukr',
  'rus',
] as const;
export const HELD_LANGUAGE_OPTIONS = HELD_LANGUAGES.map((code) => ({ value: code, text: languageName(code) }));
