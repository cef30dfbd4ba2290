import { formatDate, formatDateTime, formatNumber } from '../i18n/format.js';
import { formatChf } from '../i18n/money.js';
import { languageName, municipalityName } from '../shared/reference-data.js';
import type { WebContext } from '../shell/web-context.js';
import {
  TEXT_LANGUAGES,
  type KeptOffer,
  type OfferHistoryEntry,
  type OfferStatus,
  type TranslationStatus,
} from './offers-keeping.api.js';
import { regionName } from '../shared/regions.js';

export function StatusBadge({ ctx, status }: { ctx: WebContext; status: OfferStatus | string }) {
  return <span class={`badge badge-status-${status}`}>{ctx.t(`providerOffers.statusName.${status}`)}</span>;
}

/** original / translated / outdated (the original changed after it), or no text in that language. */
export function TranslationBadge({ ctx, status }: { ctx: WebContext; status: TranslationStatus | undefined }) {
  return (
    <span class={`badge badge-translation-${status ?? 'none'}`}>
      {ctx.t(`providerOffers.translation.${status ?? 'none'}`)}
    </span>
  );
}

/** The languages an offer has a text in, each with its translation status (a cell of the offer lists). */
export function TranslationList({ ctx, offer }: { ctx: WebContext; offer: KeptOffer }) {
  return (
    <ul class="inline-list">
      {TEXT_LANGUAGES.filter((l) => offer.translationStatus[l]).map((l) => (
        <li>
          <abbr title={ctx.t(`language.${l}`)}>{l.toUpperCase()}</abbr>{' '}
          <TranslationBadge ctx={ctx} status={offer.translationStatus[l]} />
        </li>
      ))}
    </ul>
  );
}

/** The texts of all four languages side by side, read only (curation), each with its translation status. */
export function TextsSideBySide({ ctx, offer }: { ctx: WebContext; offer: KeptOffer }) {
  const { t } = ctx;
  return (
    <div class="texts-side-by-side" data-testid="texts">
      {TEXT_LANGUAGES.map((l) => {
        const text = offer.content.texts[l];
        return (
          <section class="panel" aria-labelledby={`text-${l}`} lang={text && l !== 'de' ? l : undefined}>
            <h3 id={`text-${l}`} lang="de">
              {t(`language.${l}`)} <TranslationBadge ctx={ctx} status={offer.translationStatus[l]} />
            </h3>
            {text ? (
              <>
                <p>
                  <strong>{text.title}</strong>
                </p>
                <p>{text.summary}</p>
                <p class="description">{text.description}</p>
              </>
            ) : (
              <p class="hint" lang="de">
                {t('providerOffers.noText')}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** Every other field of an offer as a list of facts, read only. */
export function OfferFacts({ ctx, offer }: { ctx: WebContext; offer: KeptOffer }) {
  const { t } = ctx;
  const c = offer.content;
  const tg = c.targetGroup;
  const groups = (['everyone', 'womenOnly', 'parents', 'refugees'] as const)
    .filter((k) => tg[k])
    .map((k) => t(`providerOffers.field.${k}`));
  const ages =
    tg.ageFrom !== undefined || tg.ageTo !== undefined
      ? t('providerOffers.ages', { from: tg.ageFrom ?? 0, to: tg.ageTo ?? '–' })
      : null;
  const r = c.schedule.recurrence;
  return (
    <dl class="facts" data-testid="offer-facts">
      <dt>{t('providerOffers.field.category')}</dt>
      <dd>
        {t(`offers.category.${c.category}`)}
        {c.cefrFrom || c.cefrTo ? ` (${[c.cefrFrom, c.cefrTo].filter(Boolean).join(' – ')})` : ''}
      </dd>
      {c.tags.length ? (
        <>
          <dt>{t('providerOffers.field.tags')}</dt>
          <dd>{c.tags.join(', ')}</dd>
        </>
      ) : null}
      <dt>{t('providerOffers.field.languagesHeld')}</dt>
      <dd>{c.languagesHeld.map(languageName).join(', ')}</dd>
      <dt>{t('providerOffers.field.targetGroup')}</dt>
      <dd>{[...groups, ...(ages ? [ages] : [])].join(', ') || '–'}</dd>
      <dt>{t('providerOffers.field.locations')}</dt>
      <dd>
        {[
          ...c.locations.map((l) => `${l.street}, ${l.postcode} ${l.place} (${municipalityName(l.municipality)})`),
          ...(c.online ? [t('providerOffers.field.online')] : []),
        ].join('; ') || '–'}
      </dd>
      {c.regions.length ? (
        <>
          <dt>{t('providerOffers.field.regions')}</dt>
          <dd>{c.regions.map(regionName).join(', ')}</dd>
        </>
      ) : null}
      <dt>{t('providerOffers.field.schedule')}</dt>
      <dd>
        {formatDate(c.schedule.start)} – {formatDate(c.schedule.end)}
        {c.schedule.sessions ? `, ${t('providerOffers.sessions', { count: c.schedule.sessions })}` : ''}
        {r
          ? `, ${t(`providerOffers.frequency.${r.frequency}`)} (${r.weekdays
              .map((d) => t(`providerOffers.weekday.${d}`))
              .join(', ')}${r.times ? `, ${r.times}` : ''})`
          : ''}
      </dd>
      <dt>{t('providerOffers.field.freePlaces')}</dt>
      <dd>{c.freePlaces === null ? '–' : formatNumber(c.freePlaces)}</dd>
      <dt>{t('providerOffers.field.price')}</dt>
      <dd data-testid="offer-price">
        {c.cost.priceRappen === 0 ? t('providerOffers.free') : formatChf(c.cost.priceRappen)}
        {c.cost.reducedPriceRappen !== undefined
          ? `, ${t('providerOffers.field.reducedPrice')} ${formatChf(c.cost.reducedPriceRappen)}`
          : ''}
        {c.cost.reductionNote ? ` (${c.cost.reductionNote})` : ''}
        {c.cost.subsidised ? `, ${t('providerOffers.field.subsidised')}` : ''}
      </dd>
      <dt>{t('providerOffers.field.childcare')}</dt>
      <dd>{t(`providerOffers.childcare.${c.childcare}`)}</dd>
      <dt>{t('providerOffers.field.accessibility')}</dt>
      <dd>
        {t(`providerOffers.accessibility.${c.accessibility}`)}
        {c.accessibilityNote ? ` (${c.accessibilityNote})` : ''}
      </dd>
      <dt>{t('providerOffers.field.registration')}</dt>
      <dd>
        {[
          c.registration.deadline
            ? `${t('providerOffers.field.deadline')} ${formatDate(c.registration.deadline)}`
            : null,
          c.registration.url,
          c.registration.email,
          c.registration.phone,
        ]
          .filter(Boolean)
          .join(', ')}
      </dd>
    </dl>
  );
}

/** The offer's history: who (kind of actor), when, what, which fields, the comment. */
export function OfferHistory({ ctx, history }: { ctx: WebContext; history: OfferHistoryEntry[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="offer-history">
      <h2 id="offer-history">{t('providerOffers.history')}</h2>
      <ol class="timeline" data-testid="offer-history" reversed>
        {[...history].reverse().map((h) => (
          <li>
            <time dateTime={h.at}>{formatDateTime(h.at)}</time>
            {t(`providerOffers.historyAction.${h.action}`, { defaultValue: h.action })} –{' '}
            {t(`providerOffers.actorKind.${h.actorKind}`, { defaultValue: h.actorKind })} (
            {t(`providerOffers.statusName.${h.status}`, { defaultValue: h.status })})
            {h.changed.length && h.action === 'edited' ? (
              <span class="hint"> {t('providerOffers.changedFields', { fields: h.changed.join(', ') })}</span>
            ) : null}
            {h.comment ? <p>{h.comment}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
