import { Controller, Get, Headers, Inject, Param, ParseUUIDPipe, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@si/auth';
import { z } from 'zod';
import { OFFERS_CONFIG, type OffersConfig } from '../../config/offers.config.js';
import { Canton } from '../../shared/canton.js';
import { NotFoundError } from '../../shared/rules.js';
import { PublicRateLimitGuard } from '../../shared/public-rate-limit.guard.js';
import { parseInput } from '../../shared/zod-input.js';
import { PublicCatalogue, type Cached } from '../application/public-catalogue.js';
import { TEXT_LANGUAGES } from '../domain/offer-content.js';
import { parsePublicSearch, publicSearchSchema } from './public-search.params.js';

interface Reply {
  header(name: string, value: string): unknown;
  status(code: number): unknown;
}

const QUERY_DOCS = Object.entries(publicSearchSchema.shape).map(([name]) => name);

/**
 * The Angebotsplattform without login (OF11): only published offers that have not ended, in the reader's language
 * with fallback to the original, without internal fields. Rate-limited per address; answers may be cached.
 */
@ApiTags('public')
@Controller('api/v1/public/offers')
@Public()
@UseGuards(PublicRateLimitGuard)
export class PublicOffersController {
  constructor(
    @Inject(PublicCatalogue) private readonly catalogue: PublicCatalogue,
    @Inject(Canton) private readonly canton: Canton,
    @Inject(OFFERS_CONFIG) private readonly config: OffersConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Search published offers (no login)',
    description: `Full text in de/fr/it/en with stemming, accent-insensitive, typo-tolerant; filters, facets, pages. Parameters: ${QUERY_DOCS.join(', ')}.`,
  })
  @ApiQuery({ name: 'q', required: false, description: 'Words, at most 200 characters' })
  @ApiQuery({ name: 'lang', required: false, enum: TEXT_LANGUAGES })
  async search(
    @Query() query: Record<string, unknown>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.answer(await this.catalogue.search(parsePublicSearch(query, this.canton)), ifNoneMatch, reply);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One published offer (no login)' })
  async one(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: Record<string, unknown>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const { lang } = parseInput(
      z.strictObject({ lang: z.enum(TEXT_LANGUAGES).default('de') }),
      query ?? {},
      'query',
      'OF12',
    );
    const offer = await this.catalogue.offer(id, lang);
    if (!offer.value) throw new NotFoundError('Angebot', id);
    return this.answer(offer, ifNoneMatch, reply);
  }

  /** The answer with its ETag, or 304 without a body when the reader's copy is still the current one. */
  private answer<T>(cached: Cached<T>, ifNoneMatch: string | undefined, reply: Reply): T | undefined {
    this.cacheable(reply);
    reply.header('ETag', cached.etag);
    if (ifNoneMatch?.split(/\s*,\s*/).some((tag) => tag === cached.etag || tag === `W/${cached.etag}`)) {
      reply.status(304);
      return undefined;
    }
    return cached.value;
  }

  private cacheable(reply: Reply): void {
    // Public and the same for everyone: shared caches may keep it briefly and serve a stale copy while revalidating.
    reply.header(
      'Cache-Control',
      `public, max-age=${this.config.publicCacheSeconds}, stale-while-revalidate=${this.config.publicCacheSeconds * 5}`,
    );
  }
}
