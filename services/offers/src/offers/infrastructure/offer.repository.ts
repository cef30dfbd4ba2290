import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@si/kernel';
import { CEFR_LEVELS, TEXT_LANGUAGES, type OfferContent } from '../domain/offer-content.js';
import type { Offer } from '../domain/offer.js';
import type { Canton } from '../../shared/canton.js';

interface OfferRow {
  id: string;
  provider_id: string;
  provider_municipality: number | null;
  status: Offer['status'];
  version: number;
  content: OfferContent;
  translation_status: Offer['translationStatus'];
  review_comment: string | null;
  published_at: Date | null;
  last_confirmed_on: string | null;
  confirmation_due_on: string | null;
  confirmation_asked_on: string | null;
}

export interface HistoryEntry {
  readonly version: number;
  readonly at: string;
  readonly action: string;
  readonly actorSubject: string;
  readonly actorKind: string;
  readonly status: string;
  readonly comment: string | null;
  readonly changed: readonly string[];
}

const SELECT = `SELECT o.id, o.provider_id, p.municipality AS provider_municipality, o.status, o.version, o.content, o.translation_status,
  o.review_comment, o.published_at, o.last_confirmed_on::text, o.confirmation_due_on::text, o.confirmation_asked_on::text
  FROM offer o JOIN provider p ON p.id = o.provider_id`;

function toOffer(r: OfferRow): Offer {
  return {
    id: r.id,
    providerId: r.provider_id,
    providerMunicipality: r.provider_municipality,
    status: r.status,
    version: r.version,
    content: r.content,
    translationStatus: r.translation_status,
    reviewComment: r.review_comment,
    publishedAt: r.published_at ? r.published_at.toISOString() : null,
    lastConfirmedOn: r.last_confirmed_on as LocalDate | null,
    confirmationDueOn: r.confirmation_due_on as LocalDate | null,
    confirmationAskedOn: r.confirmation_asked_on as LocalDate | null,
    online: r.content.online,
    locationMunicipalities: [...new Set(r.content.locations.map((l) => l.municipality))],
  };
}

/** Offers in PostgreSQL: the content as JSON plus the columns search and filters read, and one text row per language. */
export class OfferRepository {
  constructor(private readonly canton: Canton) {}

  async find(em: EntityManager, id: string, lock = false): Promise<Offer | undefined> {
    const rows: OfferRow[] = await em.query(`${SELECT} WHERE o.id = $1 ${lock ? 'FOR UPDATE OF o' : ''}`, [id]);
    return rows[0] ? toOffer(rows[0]) : undefined;
  }

  async list(
    em: EntityManager,
    where: {
      providerId?: string;
      municipalities?: readonly number[];
      providerMunicipalities?: readonly number[];
      status?: string;
    },
    limit: number,
    offset: number,
  ): Promise<Offer[]> {
    const cond: string[] = [];
    const params: unknown[] = [];
    if (where.providerId) cond.push(`o.provider_id = $${params.push(where.providerId)}`);
    if (where.municipalities || where.providerMunicipalities) {
      // An officer sees the offers held in their municipalities and those of a provider that is one of them.
      cond.push(
        `(o.municipalities && $${params.push(where.municipalities ?? [])}::int[] OR p.municipality = ANY($${params.push(where.providerMunicipalities ?? [])}::int[]))`,
      );
    }
    if (where.status) cond.push(`o.status = $${params.push(where.status)}`);
    const rows: OfferRow[] = await em.query(
      `${SELECT} ${cond.length ? `WHERE ${cond.join(' AND ')}` : ''} ORDER BY o.updated_at DESC, o.id LIMIT $${params.push(limit)} OFFSET $${params.push(offset)}`,
      params,
    );
    return rows.map(toOffer);
  }

  async save(em: EntityManager, offer: Offer, isNew: boolean): Promise<void> {
    const c = offer.content;
    const municipalities = [...new Set(c.locations.map((l) => l.municipality))];
    const regions = [
      ...new Set([
        ...c.regions,
        ...municipalities.map((m) => this.canton.regionOfMunicipality(m)).filter((r): r is string => !!r),
      ]),
    ];
    const first = c.locations[0];
    const values = [
      offer.id,
      offer.providerId,
      offer.status,
      offer.version,
      JSON.stringify(c),
      JSON.stringify(offer.translationStatus),
      c.originalLanguage,
      c.category,
      c.cefrFrom ? CEFR_LEVELS.indexOf(c.cefrFrom) : null,
      c.cefrTo ? CEFR_LEVELS.indexOf(c.cefrTo) : null,
      c.languagesHeld,
      municipalities,
      regions,
      c.online,
      first?.lat ?? null,
      first?.lon ?? null,
      c.schedule.start,
      c.schedule.end,
      c.cost.priceRappen === 0,
      c.childcare !== 'none',
      offer.reviewComment,
      offer.publishedAt,
      offer.lastConfirmedOn,
      offer.confirmationDueOn,
      offer.confirmationAskedOn,
    ];
    if (isNew) {
      await em.query(
        `INSERT INTO offer (id, provider_id, status, version, content, translation_status, original_language, category, cefr_from, cefr_to,
           languages_held, municipalities, regions, online, lat, lon, starts_on, ends_on, free_of_charge, childcare, review_comment, published_at,
           last_confirmed_on, confirmation_due_on, confirmation_asked_on)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25)`,
        values,
      );
    } else {
      await em.query(
        `UPDATE offer SET provider_id=$2, status=$3, version=$4, content=$5, translation_status=$6, original_language=$7, category=$8, cefr_from=$9,
           cefr_to=$10, languages_held=$11, municipalities=$12, regions=$13, online=$14, lat=$15, lon=$16, starts_on=$17, ends_on=$18,
           free_of_charge=$19, childcare=$20, review_comment=$21, published_at=$22, last_confirmed_on=$23, confirmation_due_on=$24,
           confirmation_asked_on=$25, updated_at=now()
         WHERE id=$1`,
        values,
      );
      await em.query('DELETE FROM offer_text WHERE offer_id = $1', [offer.id]);
    }
    // Place names go into every language's document, so "soleure" finds an offer held in Solothurn.
    const places = [...new Set(municipalities.flatMap((m) => this.canton.searchNamesOf(m)))].join(' ');
    const texts = TEXT_LANGUAGES.flatMap((lang) => {
      const text = c.texts[lang];
      return text ? [{ lang, ...text }] : [];
    });
    await em.query(
      `INSERT INTO offer_text (offer_id, lang, title, summary, description, places)
       SELECT $1, t->>'lang', t->>'title', t->>'summary', t->>'description', $3 FROM json_array_elements($2::json) t`,
      [offer.id, JSON.stringify(texts), places],
    );
  }

  async appendHistory(em: EntityManager, offer: Offer, e: Omit<HistoryEntry, 'version' | 'status'>): Promise<void> {
    await em.query(
      `INSERT INTO offer_history (offer_id, version, at, action, actor_subject, actor_kind, status, comment, changed, snapshot)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        offer.id,
        offer.version,
        e.at,
        e.action,
        e.actorSubject,
        e.actorKind,
        offer.status,
        e.comment,
        e.changed,
        JSON.stringify(offer.content),
      ],
    );
  }

  async history(em: EntityManager, id: string): Promise<HistoryEntry[]> {
    const rows: {
      version: number;
      at: Date;
      action: string;
      actor_subject: string;
      actor_kind: string;
      status: string;
      comment: string | null;
      changed: string[];
    }[] = await em.query(
      'SELECT version, at, action, actor_subject, actor_kind, status, comment, changed FROM offer_history WHERE offer_id = $1 ORDER BY version',
      [id],
    );
    return rows.map((r) => ({
      version: r.version,
      at: r.at.toISOString(),
      action: r.action,
      actorSubject: r.actor_subject,
      actorKind: r.actor_kind,
      status: r.status,
      comment: r.comment,
      changed: r.changed,
    }));
  }

  /** Published offers whose end has passed (they expire) and those whose yearly confirmation is due and not yet asked. */
  async due(em: EntityManager, today: LocalDate): Promise<{ expired: string[]; toConfirm: string[] }> {
    const expired: { id: string }[] = await em.query(
      `SELECT id FROM offer WHERE status = 'published' AND ends_on < $1 ORDER BY id`,
      [today],
    );
    const toConfirm: { id: string }[] = await em.query(
      `SELECT id FROM offer WHERE status = 'published' AND ends_on >= $1 AND confirmation_due_on <= $1
         AND (confirmation_asked_on IS NULL OR confirmation_asked_on < confirmation_due_on) ORDER BY id`,
      [today],
    );
    return { expired: expired.map((r) => r.id), toConfirm: toConfirm.map((r) => r.id) };
  }
}
