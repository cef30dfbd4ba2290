import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@si/kernel';
import { CEFR_LEVELS, type OfferContent, type TextLanguage } from '../domain/offer-content.js';
import type { PublicOffer, PublicSearch, PublicSearchResult } from '../domain/public-search.js';
import type { Canton } from '../../shared/canton.js';

// Distance of an offer's first location from the point ($lat, $lon), in km (haversine, as in municipality-coordinates.ts).
const distance = (lat: string, lon: string) =>
  `(2 * 6371 * asin(sqrt(power(sin(radians(o.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(o.lat)) * power(sin(radians(o.lon - ${lon}) / 2), 2))))`;

// The text in the reader's language ($2), else the original's, of the offer aliased `alias`.
const TEXT_IN = (alias: string) =>
  `SELECT x.lang, x.title, x.summary FROM offer_text x WHERE x.offer_id = ${alias}.id AND x.lang IN ($2, ${alias}.original_language)
   ORDER BY x.lang = $2 DESC LIMIT 1`;

/** Below this many full-text matches the typo-tolerant trigram match is added. */
const TYPO_FALLBACK_BELOW = 20;

type Item = {
  id: string;
  lang: string;
  title: string;
  summary: string;
  content: OfferContent;
  provider: string;
  distance: number | null;
};

interface Row {
  result: {
    total: number;
    items: Item[] | null;
    /** The matches grouped by every facet at once: one pass over the matching set, few groups. */
    groups:
      | { category: string; languages: string[]; regions: string[]; free: boolean; childcare: boolean; n: number }[]
      | null;
  };
}

/**
 * The public search in one statement: the matching set (published, not ended, filters, and the words: full text in
 * each text's own language configuration, or trigram word similarity on the unaccented title for typos), then from
 * that set the page (in the reader's language, else the original), the total and the facet counts.
 */
export class PublicSearchQuery {
  constructor(private readonly canton: Canton) {}

  async run(em: EntityManager, s: PublicSearch, today: LocalDate): Promise<PublicSearchResult> {
    const params: unknown[] = [today, s.lang];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = [`o.status = 'published'`, `o.ends_on >= $1`];
    if (s.category) where.push(`o.category = ${p(s.category)}`);
    if (s.cefr) {
      const level = p(CEFR_LEVELS.indexOf(s.cefr));
      where.push(`o.cefr_from <= ${level} AND o.cefr_to >= ${level}`);
    }
    if (s.held) where.push(`o.languages_held @> ARRAY[${p(s.held)}]::text[]`);
    if (s.municipality) where.push(`o.municipalities @> ARRAY[${p(s.municipality)}]::int[]`);
    if (s.region) where.push(`o.regions @> ARRAY[${p(s.region)}]::text[]`);
    if (s.free) where.push('o.free_of_charge');
    if (s.childcare) where.push('o.childcare');
    if (s.startsAfter) where.push(`o.starts_on >= ${p(s.startsAfter)}`);
    let distanceSql = 'NULL::float8';
    if (s.near) {
      distanceSql = distance(p(s.near.lat), p(s.near.lon));
      // A bounding box first (index-free but cheap), then the exact distance.
      const box = s.near.radiusKm / 111;
      where.push(
        `o.lat BETWEEN ${p(s.near.lat - box)} AND ${p(s.near.lat + box)}`,
        `${distanceSql} <= ${p(s.near.radiusKm)}`,
      );
    }
    const ctes: string[] = [];
    let rank = '0::float8';
    if (s.q) {
      const q = p(s.q);
      // One tsquery per language configuration, each matched only against texts of its language. Written inline on the
      // parameter (not from a joined row) so that the planner can use the GIN indexes (bitmap OR) instead of a scan.
      const ts = (config: string) => `websearch_to_tsquery('public.${config}', ${q})`;
      const norm = `f_unaccent(lower(${q}))`;
      ctes.push(`ft AS MATERIALIZED (
          SELECT x.offer_id, max(ts_rank(x.search, CASE x.lang WHEN 'de' THEN ${ts('de_ch')} WHEN 'fr' THEN ${ts('fr_ch')} WHEN 'it' THEN ${ts('it_ch')} ELSE ${ts('en_ch')} END)) AS rank
          FROM offer_text x
          WHERE (x.lang = 'de' AND x.search @@ ${ts('de_ch')}) OR (x.lang = 'fr' AND x.search @@ ${ts('fr_ch')}) OR (x.lang = 'it' AND x.search @@ ${ts('it_ch')})
             OR (x.lang = 'en' AND x.search @@ ${ts('en_ch')})
          GROUP BY x.offer_id)`);
      // Typo tolerance where the words themselves find little: the trigram scan (and its recheck of every candidate) runs
      // only when the full text matched fewer than TYPO_FALLBACK_BELOW offers, and ranks below the exact matches.
      ctes.push(`tg AS (
          SELECT x.offer_id, 0.1 * max(word_similarity(${norm}, x.title_norm)) AS rank FROM offer_text x
          WHERE (SELECT count(*) FROM ft) < ${TYPO_FALLBACK_BELOW} AND ${norm} <% x.title_norm
          GROUP BY x.offer_id)`);
      ctes.push(
        `hits AS (SELECT offer_id, max(rank) AS rank FROM (SELECT * FROM ft UNION ALL SELECT * FROM tg) u GROUP BY offer_id)`,
      );
      rank = 'h.rank';
    }
    const order =
      s.sort === 'start'
        ? 'm.starts_on, m.id'
        : s.sort === 'distance' && s.near
          ? 'm.distance NULLS LAST, m.id'
          : s.q
            ? 'm.rank DESC, m.starts_on, m.id'
            : 'm.starts_on, m.id';
    const limit = p(s.pageSize);
    const offset = p((s.page - 1) * s.pageSize);
    ctes.push(`m AS MATERIALIZED (
        SELECT o.id, o.category, o.languages_held, o.regions, o.free_of_charge, o.childcare, o.starts_on, o.original_language,
               ${rank} AS rank, ${distanceSql} AS distance
        FROM offer o ${s.q ? 'JOIN hits h ON h.offer_id = o.id' : ''}
        WHERE ${where.join(' AND ')})`);
    ctes.push(
      `page AS (SELECT m.id, m.rank, m.distance, m.starts_on, m.original_language FROM m ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})`,
    );
    const sql = `WITH ${ctes.join(',\n')}
      SELECT json_build_object(
        'total', (SELECT count(*) FROM m),
        'items', (SELECT json_agg(json_build_object('id', pg.id, 'lang', t.lang, 'title', t.title, 'summary', t.summary, 'content', o.content,
                                                    'provider', pr.name, 'distance', pg.distance) ORDER BY ${order.replaceAll('m.', 'pg.')})
                  FROM page pg JOIN offer o ON o.id = pg.id JOIN provider pr ON pr.id = o.provider_id
                  CROSS JOIN LATERAL (${TEXT_IN('pg')}) t),
        'groups', (SELECT json_agg(json_build_object('category', category, 'languages', languages_held, 'regions', regions,
                                                     'free', free_of_charge, 'childcare', childcare, 'n', n))
                   FROM (SELECT category, languages_held, regions, free_of_charge, childcare, count(*) AS n FROM m GROUP BY 1, 2, 3, 4, 5) g)) AS result`;
    const [{ result: r }] = (await em.query(sql, params)) as [Row];
    const facets = {
      category: {} as Record<string, number>,
      languagesHeld: {} as Record<string, number>,
      region: {} as Record<string, number>,
      freeOfCharge: 0,
      childcare: 0,
    };
    const add = (to: Record<string, number>, key: string, n: number) => (to[key] = (to[key] ?? 0) + n);
    for (const g of r.groups ?? []) {
      add(facets.category, g.category, g.n);
      for (const l of new Set(g.languages)) add(facets.languagesHeld, l, g.n);
      for (const x of new Set(g.regions)) add(facets.region, x, g.n);
      if (g.free) facets.freeOfCharge += g.n;
      if (g.childcare) facets.childcare += g.n;
    }
    return {
      items: (r.items ?? []).map((i) => this.publicOffer(i, s.lang)),
      page: s.page,
      pageSize: s.pageSize,
      total: Number(r.total),
      facets,
    };
  }

  /** One public offer by id (the detail page): the primary key, no ranking and no facets. */
  async one(em: EntityManager, id: string, lang: TextLanguage, today: LocalDate): Promise<PublicOffer | undefined> {
    const rows: Item[] = await em.query(
      `SELECT o.id, t.lang, t.title, t.summary, o.content, pr.name AS provider, NULL::float8 AS distance
       FROM offer o JOIN provider pr ON pr.id = o.provider_id CROSS JOIN LATERAL (${TEXT_IN('o')}) t
       WHERE o.id = $1::uuid AND o.status = 'published' AND o.ends_on >= $3`,
      [id, lang, today],
    );
    return rows[0] ? this.publicOffer(rows[0], lang) : undefined;
  }

  private publicOffer(i: Item, lang: string): PublicOffer {
    const c = i.content;
    return {
      id: i.id,
      title: i.title,
      summary: i.summary,
      lang: i.lang as PublicOffer['lang'],
      fallback: i.lang !== lang,
      category: c.category,
      cefrFrom: c.cefrFrom ?? null,
      cefrTo: c.cefrTo ?? null,
      languagesHeld: c.languagesHeld,
      places: c.locations.map((l) => ({
        municipality: l.municipality,
        name: this.canton.nameOf(l.municipality) ?? '',
        place: l.place,
      })),
      online: c.online,
      startsOn: c.schedule.start,
      endsOn: c.schedule.end,
      priceRappen: c.cost.priceRappen,
      reducedPriceRappen: c.cost.reducedPriceRappen ?? null,
      subsidised: c.cost.subsidised,
      childcare: c.childcare,
      provider: i.provider,
      registration: {
        deadline: c.registration.deadline ?? null,
        url: c.registration.url ?? null,
        email: c.registration.email ?? null,
        phone: c.registration.phone ?? null,
      },
      distanceKm: i.distance === null ? null : Math.round(i.distance * 10) / 10,
    };
  }
}
