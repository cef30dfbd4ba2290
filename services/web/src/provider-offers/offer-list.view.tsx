import { formatDate } from '../i18n/format.js';
import type { WebContext } from '../shell/web-context.js';
import { StatusBadge, TranslationList } from './offer-facts.view.js';
import { titleOf, type KeptOffer } from './offers-keeping.api.js';

/** The provider's own offers with their status and the status of each translation. */
export function OfferList({ ctx, offers }: { ctx: WebContext; offers: KeptOffer[] }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('menu.providerOffers')}</h1>
      <p>{t('providerOffers.listIntro')}</p>
      <p>
        <a class="button" href="/anbieter/angebote/neu">
          {t('providerOffers.new')}
        </a>
      </p>
      {offers.length === 0 ? (
        <p data-testid="empty">{t('providerOffers.none')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="own-offers">
            <caption>{t('providerOffers.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('providerOffers.field.title')}</th>
                <th scope="col">{t('providerOffers.status')}</th>
                <th scope="col">{t('providerOffers.translations')}</th>
                <th scope="col">{t('providerOffers.field.schedule')}</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((o) => (
                <tr>
                  <td>
                    <a href={`/anbieter/angebote/${o.id}`}>{titleOf(o)}</a>
                    {o.reviewComment && o.status === 'returned' ? <p class="hint">{o.reviewComment}</p> : null}
                  </td>
                  <td>
                    <StatusBadge ctx={ctx} status={o.status} />
                  </td>
                  <td>
                    <TranslationList ctx={ctx} offer={o} />
                  </td>
                  <td>
                    {formatDate(o.content.schedule.start)} – {formatDate(o.content.schedule.end)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
