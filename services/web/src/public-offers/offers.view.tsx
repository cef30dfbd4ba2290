import type { WebContext } from '../shell/web-context.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import { CATEGORIES, type PublicOfferPage } from './offers.api.js';

export interface OfferSearch {
  q: string;
  category: string;
  page: number;
}

export const offersUrl = (lang: string, s: Partial<OfferSearch>) => {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.category) p.set('category', s.category);
  if (s.page && s.page > 1) p.set('page', String(s.page));
  const qs = p.toString();
  return `/${lang}/angebote${qs ? `?${qs}` : ''}`;
};

const chf = (rappen: number, lang: WebContext['lang']) => `CHF ${formatNumber(rappen / 100, lang)}`;

/** The public offers page: search without login, in four languages. */
export function OffersPage({
  ctx,
  search,
  result,
}: {
  ctx: WebContext;
  search: OfferSearch;
  result: PublicOfferPage | null;
}) {
  const { t, lang } = ctx;
  const pages = result ? Math.ceil(result.total / result.pageSize) : 0;
  return (
    <>
      <h1>{t('offers.title')}</h1>
      <p>{t('offers.intro')}</p>
      <form
        method="get"
        action={`/${lang}/angebote`}
        class="filters"
        role="search"
        aria-label={t('offers.searchLabel')}
        hx-get={`/${lang}/angebote`}
        hx-target="#offer-results"
        hx-select="#offer-results"
        hx-select-oob="#languages"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-trigger="change, input changed delay:400ms from:#offer-q, submit"
      >
        <div>
          <label for="offer-q">{t('offers.search')}</label>
          <input type="search" id="offer-q" name="q" value={search.q} autocomplete="off" />
        </div>
        <div>
          <label for="offer-category">{t('offers.category.label')}</label>
          <select id="offer-category" name="category">
            <option value="">{t('offers.category.all')}</option>
            {CATEGORIES.map((c) => (
              <option value={c} selected={search.category === c}>
                {t(`offers.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('offers.submit')}</button>
        </div>
      </form>
      <div id="offer-results" aria-live="polite">
        {result === null ? (
          <p class="alert alert-warn" data-testid="offers-unavailable">
            {t('offers.unavailable')}
          </p>
        ) : (
          <>
            <p data-testid="offer-count">{t('offers.count', { count: result.total })}</p>
            <ul class="offers" data-testid="offers">
              {result.items.map((o) => (
                <li>
                  <h2 lang={o.fallback && o.lang ? o.lang : undefined}>{o.title}</h2>
                  {o.summary ? <p lang={o.fallback && o.lang ? o.lang : undefined}>{o.summary}</p> : null}
                  <dl class="facts">
                    {o.provider ? (
                      <>
                        <dt>{t('offers.provider')}</dt>
                        <dd>{o.provider}</dd>
                      </>
                    ) : null}
                    {o.places?.length || o.online ? (
                      <>
                        <dt>{t('offers.where')}</dt>
                        <dd>
                          {[
                            ...(o.places ?? []).map((p) => p.place ?? p.name),
                            ...(o.online ? [t('offers.online')] : []),
                          ].join(', ')}
                        </dd>
                      </>
                    ) : null}
                    {o.startsOn ? (
                      <>
                        <dt>{t('offers.when')}</dt>
                        <dd>
                          {formatDate(o.startsOn, lang)}
                          {o.endsOn ? ` – ${formatDate(o.endsOn, lang)}` : ''}
                        </dd>
                      </>
                    ) : null}
                    {o.cefrFrom || o.cefrTo ? (
                      <>
                        <dt>{t('offers.level')}</dt>
                        <dd>{[o.cefrFrom, o.cefrTo].filter(Boolean).join(' – ')}</dd>
                      </>
                    ) : null}
                    <dt>{t('offers.price')}</dt>
                    <dd>
                      {o.priceRappen ? chf(o.priceRappen, lang) : t('offers.free')}
                      {o.reducedPriceRappen ? ` (${t('offers.reduced')} ${chf(o.reducedPriceRappen, lang)})` : ''}
                    </dd>
                    {o.childcare && o.childcare !== 'none' ? (
                      <>
                        <dt>{t('offers.childcare')}</dt>
                        <dd>{t('offers.yes')}</dd>
                      </>
                    ) : null}
                    {o.registration?.url ? (
                      <>
                        <dt>{t('offers.register')}</dt>
                        <dd>
                          <a href={o.registration.url} rel="noopener">
                            {o.registration.url}
                          </a>
                        </dd>
                      </>
                    ) : null}
                    {o.registration?.deadline ? (
                      <>
                        <dt>{t('offers.deadline')}</dt>
                        <dd>{formatDate(o.registration.deadline, lang)}</dd>
                      </>
                    ) : null}
                  </dl>
                </li>
              ))}
            </ul>
            {pages > 1 ? (
              <nav class="paging" aria-label={t('offers.pages')}>
                {search.page > 1 ? (
                  <a href={offersUrl(lang, { ...search, page: search.page - 1 })} rel="prev">
                    {t('offers.previous')}
                  </a>
                ) : null}
                <span>{t('offers.pageOf', { page: search.page, pages })}</span>
                {search.page < pages ? (
                  <a href={offersUrl(lang, { ...search, page: search.page + 1 })} rel="next">
                    {t('offers.next')}
                  </a>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
