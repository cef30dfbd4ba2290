import { readFileSync } from 'node:fs';
import { languageName } from '../shared/reference-data.js';

const reference = (file: string) => new URL(`../../../../contracts/reference/${file}`, import.meta.url);

/** The Solothurn municipalities by name (BFS number and name are the first two columns, never quoted). */
export const MUNICIPALITY_OPTIONS: readonly { value: string; text: string }[] = readFileSync(
  reference('solothurn-municipalities.csv'),
  'utf8',
)
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => /^\d{4},/.test(line))
  .map((line) => {
    const [bfs, name] = line.split(',');
    return { value: bfs ?? '', text: name ?? '' };
  })
  .sort((a, b) => a.text.localeCompare(b.text, 'de-CH'));

/** The 13 Sozialregionen (id = the token claim and the offers service's region id). */
export const REGION_OPTIONS: readonly { value: string; text: string }[] = (
  JSON.parse(readFileSync(reference('sozialregionen.json'), 'utf8')) as {
    sozialregionen: { id: string; name: string }[];
  }
).sozialregionen.map((r) => ({ value: r.id, text: r.name }));

export const regionName = (id: string) => REGION_OPTIONS.find((r) => r.value === id)?.text ?? id;

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
