import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { PublicOffer, PublicSearch, PublicSearchResult } from '../domain/public-search.js';
import type { PublicSearchQuery } from '../infrastructure/public-search.query.js';
import type { Clock } from '../../shared/clock.js';

/** A public answer with its entity tag (the catalogue version and the normalised question). */
export interface Cached<T> {
  readonly value: T;
  readonly etag: string;
}

/**
 * The public reads (OF11), cached in this process. An answer depends only on the question, the day and the catalogue,
 * and the catalogue version rises in the transaction of every change of offers, texts or providers
 * (migration 1765000000003): an answer is kept under (version, day, normalised question) and a publication or
 * withdrawal is seen at its commit, on every instance, without any invalidation message. Reading the version first
 * and the answer second can only store a newer answer under an older version, never the reverse. Equal questions
 * asked while one is computed wait for that one. At most `entries` answers, least recently used first out; 0 = off.
 */
export class PublicCatalogue {
  private readonly answers = new Map<string, Promise<Cached<unknown>>>();
  private versionRead: Promise<string> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly query: PublicSearchQuery,
    private readonly clock: Clock,
    private readonly entries: number,
  ) {}

  search(s: PublicSearch): Promise<Cached<PublicSearchResult>> {
    return this.cached(`search:${normalised(s)}`, (em, today) => this.query.run(em, s, today));
  }

  /** One public offer in the reader's language; `value` undefined when it is not public. */
  offer(id: string, lang: PublicSearch['lang']): Promise<Cached<PublicOffer | undefined>> {
    return this.cached(`offer:${id.toLowerCase()}:${lang}`, (em, today) => this.query.one(em, id, lang, today));
  }

  /**
   * The catalogue version; a request arriving while a read is under way shares it (under load one read at a time, not
   * one per request), so an answer is at most one database round trip older than the request.
   */
  private version(em: EntityManager): Promise<string> {
    this.versionRead ??= (em.query('SELECT version::text FROM offer_catalogue') as Promise<[{ version: string }]>)
      .then(([row]) => row.version)
      .finally(() => (this.versionRead = undefined));
    return this.versionRead;
  }

  private async cached<T>(
    question: string,
    compute: (em: EntityManager, today: ReturnType<Clock['today']>) => Promise<T>,
  ): Promise<Cached<T>> {
    const em = this.dataSource.manager;
    const today = this.clock.today();
    const version = await this.version(em);
    const key = `${version}|${today}|${question}`;
    const kept = this.answers.get(key) as Promise<Cached<T>> | undefined;
    if (kept) {
      // Most recently used goes last; the first key of the map is the one to drop.
      this.answers.delete(key);
      this.answers.set(key, kept);
      return kept;
    }
    const etag = `"${version}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;
    const answer = compute(em, today).then((value) => ({ value, etag }));
    if (this.entries > 0) {
      this.answers.set(key, answer);
      answer.catch(() => this.answers.delete(key));
      while (this.answers.size > this.entries) this.answers.delete(this.answers.keys().next().value as string);
    }
    return answer;
  }
}

/** The same question in any spelling of its parameters gives the same key (parsed values, fixed order). */
function normalised(s: PublicSearch): string {
  return JSON.stringify([
    s.q?.replace(/\s+/g, ' ') ?? '',
    s.lang,
    s.category ?? '',
    s.cefr ?? '',
    s.held ?? '',
    s.municipality ?? 0,
    s.region ?? '',
    s.near ? [s.near.bfs, s.near.radiusKm] : 0,
    s.free ?? false,
    s.childcare ?? false,
    s.startsAfter ?? '',
    s.sort,
    s.page,
    s.pageSize,
  ]);
}
