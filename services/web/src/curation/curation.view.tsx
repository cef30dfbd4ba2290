import { formatDate, formatDateTime } from '../i18n/format.js';
import type { WebContext } from '../shell/web-context.js';
import { ErrorSummary, TextArea, type FormState } from '../provider-offers/editor-fields.js';
import {
  OfferFacts,
  OfferHistory,
  StatusBadge,
  TextsSideBySide,
  TranslationList,
} from '../provider-offers/offer-facts.view.js';
import { titleOf, type KeptOffer } from '../provider-offers/offers-keeping.api.js';
import { SavedNotice } from '../shell/saved-notice.js';

/** Where the offer came from (the submission time is the last history entry that put it into review). */
const submittedAt = (o: KeptOffer) => [...(o.history ?? [])].reverse().find((h) => h.status === 'in-review')?.at;

/** AGS's queue: submitted offers, oldest first; below, the published ones (to withdraw one). */
export function CurationQueue({
  ctx,
  queue,
  published,
  providers,
  done,
}: {
  ctx: WebContext;
  queue: KeptOffer[];
  published: KeptOffer[];
  providers: Map<string, string>;
  done?: string;
}) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('menu.curation')}</h1>
      <p>{t('curation.intro')}</p>
      {done ? <SavedNotice>{t(`curation.done.${done}`)}</SavedNotice> : null}
      <h2>{t('curation.queue')}</h2>
      {queue.length === 0 ? (
        <p data-testid="queue-empty">{t('curation.queueEmpty')}</p>
      ) : (
        <OfferTable
          ctx={ctx}
          offers={queue}
          providers={providers}
          caption={t('curation.queueCaption')}
          testId="queue"
        />
      )}
      <h2>{t('curation.published')}</h2>
      {published.length === 0 ? (
        <p>{t('curation.publishedEmpty')}</p>
      ) : (
        <OfferTable
          ctx={ctx}
          offers={published}
          providers={providers}
          caption={t('curation.publishedCaption')}
          testId="published"
        />
      )}
    </>
  );
}

function OfferTable({
  ctx,
  offers,
  providers,
  caption,
  testId,
}: {
  ctx: WebContext;
  offers: KeptOffer[];
  providers: Map<string, string>;
  caption: string;
  testId: string;
}) {
  const { t } = ctx;
  return (
    <div class="table-wrap">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('providerOffers.field.title')}</th>
            <th scope="col">{t('curation.provider')}</th>
            <th scope="col">{t('providerOffers.field.category')}</th>
            <th scope="col">{t('providerOffers.translations')}</th>
            <th scope="col">{t('providerOffers.field.schedule')}</th>
          </tr>
        </thead>
        <tbody>
          {offers.map((o) => (
            <tr>
              <td>
                <a href={`/kuration/${o.id}`}>{titleOf(o)}</a>
              </td>
              <td>{providers.get(o.providerId) ?? o.providerId}</td>
              <td>{t(`offers.category.${o.content.category}`)}</td>
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
  );
}

/** One offer under review: its texts side by side, every field, the history; publish, send back (comment), withdraw. */
export function CurationReview({
  ctx,
  offer,
  providers,
  values = {},
  errors = [],
}: {
  ctx: WebContext;
  offer: KeptOffer;
  providers: Map<string, string>;
  values?: FormState['values'];
  errors?: FormState['errors'];
}) {
  const { t } = ctx;
  const s: FormState = { ctx, form: 'sendback', values, errors };
  const at = submittedAt(offer);
  return (
    <>
      <p>
        <a href="/kuration">{t('curation.backToQueue')}</a>
      </p>
      <h1>{titleOf(offer)}</h1>
      <dl class="facts">
        <dt>{t('providerOffers.status')}</dt>
        <dd data-testid="offer-status">
          <StatusBadge ctx={ctx} status={offer.status} />
        </dd>
        <dt>{t('curation.provider')}</dt>
        <dd>{providers.get(offer.providerId) ?? offer.providerId}</dd>
        {at ? (
          <>
            <dt>{t('curation.submittedAt')}</dt>
            <dd>{formatDateTime(at)}</dd>
          </>
        ) : null}
        <dt>{t('providerOffers.field.originalLanguage')}</dt>
        <dd>{t(`language.${offer.content.originalLanguage}`)}</dd>
      </dl>
      <h2>{t('providerOffers.section.texts')}</h2>
      <TextsSideBySide ctx={ctx} offer={offer} />
      <h2>{t('curation.details')}</h2>
      <OfferFacts ctx={ctx} offer={offer} />
      <h2>{t('curation.decision')}</h2>
      <ErrorSummary s={s} id="curation-errors" />
      {offer.status === 'in-review' ? (
        <div class="panels">
          <form method="post" action={`/kuration/${offer.id}/veroeffentlichen`} class="panel">
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <p>{t('curation.publishText')}</p>
            <button type="submit">{t('curation.publish')}</button>
          </form>
          <form method="post" action={`/kuration/${offer.id}/zurueckweisen`} class="panel">
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <TextArea s={s} name="comment" label="curation.comment" hint="curation.commentHint" required rows={4} />
            <button type="submit" class="button-secondary">
              {t('curation.sendBack')}
            </button>
          </form>
        </div>
      ) : null}
      {['in-review', 'published'].includes(offer.status) ? (
        <form method="post" action={`/kuration/${offer.id}/zurueckziehen`}>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <p>{t('curation.withdrawText')}</p>
          <button type="submit" class="button-secondary">
            {t('curation.withdraw')}
          </button>
        </form>
      ) : null}
      {offer.history?.length ? <OfferHistory ctx={ctx} history={offer.history} /> : null}
    </>
  );
}
