import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@si/auth';
import { ServiceClient, ServiceRefusal } from '../api/service-client.js';
import { WEB_CONFIG, type WebConfig } from '../config/web.config.js';
import { isLang, LANGUAGES, preferredLanguage } from '../i18n/i18n.js';
import { sendPage } from '../shell/page.js';
import { setLanguage } from '../shell/web-context.js';
import { NotFoundPage, ServiceDown } from '../shell/web-errors.js';
import { CATEGORIES, type PublicOfferPage } from './offers.api.js';
import { OffersPage, offersUrl, type OfferSearch } from './offers.view.js';

/**
 * The public offers page: no login, German, French, Italian and English (the language in the path, so a page
 * is linkable and cacheable), searching the offers service's public search in the page's language.
 */
@Controller()
@Public()
export class PublicOffersController {
  private readonly offers: ServiceClient;

  constructor(@Inject(WEB_CONFIG) config: WebConfig) {
    this.offers = new ServiceClient('offers', config.services.offers);
  }

  /** First visit without a language: the browser's preferred one. */
  @Get('angebote')
  redirect(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const lang = preferredLanguage(request.headers['accept-language']);
    return reply.status(303).header('location', `/${lang}/angebote`).send();
  }

  @Get(':lang/angebote')
  async search(
    @Param('lang') lang: string,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (!isLang(lang)) throw new NotFoundPage();
    const ctx = setLanguage(request, lang);
    const search: OfferSearch = {
      q: typeof query['q'] === 'string' ? query['q'].trim().slice(0, 200) : '',
      category: (CATEGORIES as readonly unknown[]).includes(query['category']) ? String(query['category']) : '',
      page:
        typeof query['page'] === 'string' && /^\d{1,3}$/.test(query['page']) ? Math.max(1, Number(query['page'])) : 1,
    };
    let result: PublicOfferPage | null;
    try {
      result = await this.offers.get<PublicOfferPage>(
        null,
        '/api/v1/public/offers',
        {
          q: search.q || undefined,
          category: search.category || undefined,
          lang,
          page: search.page,
          pageSize: 20,
          // The visitor, not this server, is what the offers service's rate limit counts (OFFERS_TRUSTED_PROXIES).
        },
        { 'x-forwarded-for': request.ip },
      );
    } catch (error) {
      if (!(error instanceof ServiceDown) && !(error instanceof NotFoundPage) && !(error instanceof ServiceRefusal))
        throw error;
      result = null;
    }
    // Without a session the page holds nothing personal: shared caches may keep it a minute.
    if (!ctx.user) void reply.header('cache-control', 'public, max-age=60');
    const languageLinks = Object.fromEntries(LANGUAGES.map((l) => [l, offersUrl(l, search)]));
    return sendPage(
      request,
      reply,
      { title: ctx.t('offers.title'), languageLinks },
      <OffersPage ctx={ctx} search={search} result={result} />,
    );
  }
}
