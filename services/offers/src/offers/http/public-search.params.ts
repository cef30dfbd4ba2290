import { isLocalDate, type LocalDate } from '@si/kernel';
import { z } from 'zod';
import { refuse } from '../../shared/rules.js';
import type { Canton } from '../../shared/canton.js';
import { parseInput } from '../../shared/zod-input.js';
import {
  CATEGORIES,
  CEFR_LEVELS,
  SEARCH_LIMITS,
  SORTS,
  TEXT_LANGUAGES,
  type PublicSearch,
} from '../domain/public-search.js';

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,6}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The query string of GET /api/v1/public/offers; unknown parameters are refused by name. */
export const publicSearchSchema = z.strictObject({
  q: z.string().trim().max(SEARCH_LIMITS.queryChars, `at most ${SEARCH_LIMITS.queryChars} characters`).optional(),
  lang: z.enum(TEXT_LANGUAGES).default('de'),
  category: z.enum(CATEGORIES).optional(),
  cefr: z.enum(CEFR_LEVELS).optional(),
  held: z
    .string()
    .regex(/^[a-z]{3}$/, 'ISO 639-3 code, e.g. fra')
    .optional(),
  municipality: int(1, 9999).optional(),
  region: z
    .string()
    .regex(/^[a-z-]{2,60}$/)
    .optional(),
  near: int(1, 9999).optional(),
  radiusKm: int(1, SEARCH_LIMITS.radiusKm).optional(),
  free: bool.optional(),
  childcare: bool.optional(),
  startsAfter: z.string().refine(isLocalDate, 'a calendar date YYYY-MM-DD').optional(),
  sort: z.enum(SORTS).default('relevance'),
  page: int(1, SEARCH_LIMITS.maxPage).default(1),
  pageSize: int(1, SEARCH_LIMITS.pageSize).default(SEARCH_LIMITS.defaultPageSize),
});

/** Parses and bounds a public search (OF12); `near` needs a municipality whose place is known. */
export function parsePublicSearch(query: unknown, canton: Canton): PublicSearch {
  const p = parseInput(publicSearchSchema, query ?? {}, 'query', 'OF12');
  let near: PublicSearch['near'];
  if (p.near !== undefined) {
    const at = canton.coordinatesOf(p.near);
    if (!at)
      refuse(
        'OF12',
        'near-unknown',
        `Für die Gemeinde ${p.near} ist kein Ort bekannt; bitte ohne Umkreis suchen.`,
        `No location known for municipality ${p.near} (near).`,
        'unprocessable',
        { field: 'near' },
      );
    near = { bfs: p.near, lat: at[0], lon: at[1], radiusKm: p.radiusKm ?? SEARCH_LIMITS.defaultRadiusKm };
  }
  if (p.sort === 'distance' && !near)
    refuse(
      'OF12',
      'distance-needs-near',
      'Sortieren nach Entfernung braucht eine Gemeinde (near).',
      'sort=distance needs near.',
      'unprocessable',
      { field: 'sort' },
    );
  return {
    lang: p.lang,
    sort: p.sort,
    page: p.page,
    pageSize: p.pageSize,
    ...(p.q ? { q: p.q } : {}),
    ...(p.category ? { category: p.category } : {}),
    ...(p.cefr ? { cefr: p.cefr } : {}),
    ...(p.held ? { held: p.held } : {}),
    ...(p.municipality ? { municipality: p.municipality } : {}),
    ...(p.region ? { region: p.region } : {}),
    ...(near ? { near } : {}),
    ...(p.free ? { free: true } : {}),
    ...(p.childcare ? { childcare: true } : {}),
    ...(p.startsAfter ? { startsAfter: p.startsAfter as LocalDate } : {}),
  };
}
