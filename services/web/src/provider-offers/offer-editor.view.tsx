import type { FormInput } from '../cases/form-spec.js';
import type { WebContext } from '../shell/web-context.js';
import { Checkbox, Checks, ErrorSummary, Group, Select, TextArea, TextInput, type FormState } from './editor-fields.js';
import { CATEGORIES } from '../public-offers/offers.api.js';
import { LOCATION_ROWS } from './offer-form.js';
import {
  ACCESSIBILITY,
  CEFR_LEVELS,
  CHILDCARE,
  TEXT_LANGUAGES,
  WEEKDAYS,
  titleOf,
  type KeptOffer,
} from './offers-keeping.api.js';
import { HELD_LANGUAGE_OPTIONS, MUNICIPALITY_OPTIONS, REGION_OPTIONS } from './offers-reference.js';
import { OfferHistory, StatusBadge, TranslationBadge } from './offer-facts.view.js';
import { SavedNotice } from '../shell/saved-notice.js';

export interface EditorProps {
  ctx: WebContext;
  /** The kept offer being edited; none for a new one. */
  offer?: KeptOffer;
  values: FormInput;
  errors?: FormState['errors'];
  saved?: 'saved' | 'submitted';
}

/**
 * The provider's offer editor: the four languages side by side with each translation's status, then every field
 * the offers service takes. A refusal puts each complaint next to its field (with the rule) and keeps every value.
 */
export function OfferEditor({ ctx, offer, values, errors = [], saved }: EditorProps) {
  const { t } = ctx;
  const s: FormState = { ctx, form: 'editor', values, errors };
  const tr = (prefix: string, list: readonly string[]) => list.map((v) => ({ value: v, text: t(`${prefix}.${v}`) }));
  const editable = !offer || !['withdrawn', 'expired'].includes(offer.status);
  const action = offer ? `/anbieter/angebote/${offer.id}` : '/anbieter/angebote/neu';
  return (
    <>
      <p>
        <a href="/anbieter/angebote">{t('providerOffers.backToList')}</a>
      </p>
      <h1>{offer ? t('providerOffers.editTitle', { title: titleOf(offer) }) : t('providerOffers.newTitle')}</h1>
      {saved ? (
        <SavedNotice>{t(saved === 'submitted' ? 'providerOffers.submitted' : 'providerOffers.saved')}</SavedNotice>
      ) : null}
      {offer ? (
        <dl class="facts">
          <dt>{t('providerOffers.status')}</dt>
          <dd data-testid="offer-status">
            <StatusBadge ctx={ctx} status={offer.status} />
          </dd>
          {offer.reviewComment ? (
            <>
              <dt>{t('providerOffers.reviewComment')}</dt>
              <dd data-testid="review-comment">{offer.reviewComment}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {offer ? (
        <div class="actions">
          {['draft', 'returned'].includes(offer.status) ? (
            <StepButton ctx={ctx} offer={offer} step="einreichen" label="providerOffers.submit" />
          ) : null}
          {offer.status === 'published' ? (
            <StepButton ctx={ctx} offer={offer} step="bestaetigen" label="providerOffers.confirm" />
          ) : null}
          {['in-review', 'published'].includes(offer.status) ? (
            <StepButton ctx={ctx} offer={offer} step="zurueckziehen" label="providerOffers.withdraw" secondary />
          ) : null}
        </div>
      ) : null}
      {offer?.confirmationAskedOn && offer.status === 'published' ? (
        <p class="alert alert-warn">{t('providerOffers.confirmationAsked')}</p>
      ) : null}
      {offer?.status === 'published' ? <p class="hint">{t('providerOffers.publishedEditHint')}</p> : null}
      {editable ? (
        <form method="post" action={action} aria-describedby={errors.length ? 'editor-errors' : undefined}>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <ErrorSummary s={s} id="editor-errors" />
          <h2>{t('providerOffers.section.texts')}</h2>
          <Select
            s={s}
            name="originalLanguage"
            label="providerOffers.field.originalLanguage"
            hint="providerOffers.hint.originalLanguage"
            required
            options={TEXT_LANGUAGES.map((l) => ({ value: l, text: t(`language.${l}`) }))}
          />
          <Group s={s} name="texts" legend="providerOffers.field.texts" hint="providerOffers.hint.texts">
            <div class="texts-side-by-side">
              {TEXT_LANGUAGES.map((l) => (
                <Group s={s} name={`texts.${l}`} legend={`language.${l}`} lang={l === 'de' ? undefined : l}>
                  <p class="translation-status" data-testid={`translation-${l}`}>
                    <TranslationBadge ctx={ctx} status={offer?.translationStatus[l]} />
                  </p>
                  <TextInput s={s} name={`texts.${l}.title`} label="providerOffers.field.title" />
                  <TextArea s={s} name={`texts.${l}.summary`} label="providerOffers.field.summary" rows={3} />
                  <TextArea s={s} name={`texts.${l}.description`} label="providerOffers.field.description" rows={6} />
                </Group>
              ))}
            </div>
          </Group>

          <h2>{t('providerOffers.section.kind')}</h2>
          <div class="grid-2">
            <Select
              s={s}
              name="category"
              label="providerOffers.field.category"
              required
              empty="form.choose"
              options={CATEGORIES.map((c) => ({ value: c, text: t(`offers.category.${c}`) }))}
            />
            <TextInput s={s} name="tags" label="providerOffers.field.tags" hint="providerOffers.hint.tags" />
            <Select
              s={s}
              name="cefrFrom"
              label="providerOffers.field.cefrFrom"
              hint="providerOffers.hint.cefr"
              empty="form.none"
              options={CEFR_LEVELS.map((c) => ({ value: c, text: c }))}
            />
            <Select
              s={s}
              name="cefrTo"
              label="providerOffers.field.cefrTo"
              empty="form.none"
              options={CEFR_LEVELS.map((c) => ({ value: c, text: c }))}
            />
          </div>
          <Checks
            s={s}
            name="languagesHeld"
            legend="providerOffers.field.languagesHeld"
            options={HELD_LANGUAGE_OPTIONS}
          />
          <TextInput
            s={s}
            name="languagesHeldOther"
            label="providerOffers.field.languagesHeldOther"
            hint="providerOffers.hint.languagesHeldOther"
          />

          <h2>{t('providerOffers.section.targetGroup')}</h2>
          <Group s={s} name="targetGroup" legend="providerOffers.field.targetGroup">
            <div class="grid-2">
              <TextInput
                s={s}
                name="targetGroup.ageFrom"
                label="providerOffers.field.ageFrom"
                type="number"
                min={0}
                max={120}
              />
              <TextInput
                s={s}
                name="targetGroup.ageTo"
                label="providerOffers.field.ageTo"
                type="number"
                min={0}
                max={120}
              />
            </div>
            <Checkbox s={s} name="targetGroup.everyone" label="providerOffers.field.everyone" />
            <Checkbox s={s} name="targetGroup.womenOnly" label="providerOffers.field.womenOnly" />
            <Checkbox s={s} name="targetGroup.parents" label="providerOffers.field.parents" />
            <Checkbox s={s} name="targetGroup.refugees" label="providerOffers.field.refugees" />
          </Group>

          <h2>{t('providerOffers.section.where')}</h2>
          <Group s={s} name="locations" legend="providerOffers.field.locations" hint="providerOffers.hint.locations">
            {Array.from({ length: LOCATION_ROWS }, (_, i) => (
              <Group s={s} name={`locations.${i}`} legend={t('providerOffers.field.location', { n: i + 1 })}>
                <div class="grid-2">
                  <TextInput s={s} name={`locations.${i}.street`} label="providerOffers.field.street" />
                  <TextInput s={s} name={`locations.${i}.postcode`} label="providerOffers.field.postcode" />
                  <TextInput s={s} name={`locations.${i}.place`} label="providerOffers.field.place" />
                  <Select
                    s={s}
                    name={`locations.${i}.municipality`}
                    label="providerOffers.field.municipality"
                    empty="form.choose"
                    options={MUNICIPALITY_OPTIONS}
                  />
                  <TextInput
                    s={s}
                    name={`locations.${i}.lat`}
                    label="providerOffers.field.lat"
                    hint="providerOffers.hint.coordinates"
                  />
                  <TextInput s={s} name={`locations.${i}.lon`} label="providerOffers.field.lon" />
                </div>
              </Group>
            ))}
          </Group>
          <Checkbox s={s} name="online" label="providerOffers.field.online" />
          <Checks
            s={s}
            name="regions"
            legend="providerOffers.field.regions"
            hint="providerOffers.hint.regions"
            options={REGION_OPTIONS}
          />

          <h2>{t('providerOffers.section.schedule')}</h2>
          <Group s={s} name="schedule" legend="providerOffers.field.schedule">
            <div class="grid-2">
              <TextInput s={s} name="schedule.start" label="providerOffers.field.start" type="date" required />
              <TextInput s={s} name="schedule.end" label="providerOffers.field.end" type="date" required />
              <TextInput
                s={s}
                name="schedule.sessions"
                label="providerOffers.field.sessions"
                type="number"
                min={1}
                max={1000}
              />
              <TextInput
                s={s}
                name="freePlaces"
                label="providerOffers.field.freePlaces"
                type="number"
                min={0}
                max={10000}
              />
              <Select
                s={s}
                name="schedule.recurrence.frequency"
                label="providerOffers.field.frequency"
                empty="providerOffers.frequency.none"
                options={tr('providerOffers.frequency', ['weekly', 'monthly'])}
              />
              <TextInput
                s={s}
                name="schedule.recurrence.interval"
                label="providerOffers.field.interval"
                type="number"
                min={1}
                max={12}
              />
              <TextInput
                s={s}
                name="schedule.recurrence.times"
                label="providerOffers.field.times"
                hint="providerOffers.hint.times"
              />
            </div>
            <Checks
              s={s}
              name="schedule.recurrence.weekdays"
              legend="providerOffers.field.weekdays"
              options={tr('providerOffers.weekday', WEEKDAYS)}
            />
          </Group>

          <h2>{t('providerOffers.section.cost')}</h2>
          <Group s={s} name="cost" legend="providerOffers.field.cost">
            <div class="grid-2">
              <TextInput
                s={s}
                name="cost.price"
                label="providerOffers.field.price"
                hint="providerOffers.hint.chf"
                required
              />
              <TextInput s={s} name="cost.reducedPrice" label="providerOffers.field.reducedPrice" />
              <TextInput s={s} name="cost.reductionNote" label="providerOffers.field.reductionNote" />
            </div>
            <Checkbox s={s} name="cost.subsidised" label="providerOffers.field.subsidised" />
          </Group>

          <h2>{t('providerOffers.section.access')}</h2>
          <div class="grid-2">
            <Select
              s={s}
              name="childcare"
              label="providerOffers.field.childcare"
              required
              options={tr('providerOffers.childcare', CHILDCARE)}
            />
            <Select
              s={s}
              name="accessibility"
              label="providerOffers.field.accessibility"
              required
              options={tr('providerOffers.accessibility', ACCESSIBILITY)}
            />
          </div>
          <TextInput s={s} name="accessibilityNote" label="providerOffers.field.accessibilityNote" />

          <h2>{t('providerOffers.section.registration')}</h2>
          <Group
            s={s}
            name="registration"
            legend="providerOffers.field.registration"
            hint="providerOffers.hint.registration"
          >
            <div class="grid-2">
              <TextInput s={s} name="registration.deadline" label="providerOffers.field.deadline" type="date" />
              <TextInput s={s} name="registration.url" label="providerOffers.field.url" type="url" />
              <TextInput s={s} name="registration.email" label="providerOffers.field.email" type="email" />
              <TextInput s={s} name="registration.phone" label="providerOffers.field.phone" type="tel" />
            </div>
          </Group>

          <div class="actions">
            <button type="submit" name="intent" value="save">
              {t('providerOffers.save')}
            </button>
            {!offer || ['draft', 'returned', 'published'].includes(offer.status) ? (
              <button type="submit" name="intent" value="submit" class="button-secondary">
                {t('providerOffers.saveAndSubmit')}
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <p class="alert alert-warn">{t('providerOffers.notEditable')}</p>
      )}
      {offer?.history?.length ? <OfferHistory ctx={ctx} history={offer.history} /> : null}
    </>
  );
}

/** An empty editor: German original, no childcare, accessibility unknown, one lesson a week. */
export const NEW_OFFER_VALUES: FormInput = {
  originalLanguage: 'de',
  childcare: 'none',
  accessibility: 'unknown',
  languagesHeld: ['deu'],
};

function StepButton({
  ctx,
  offer,
  step,
  label,
  secondary,
}: {
  ctx: WebContext;
  offer: KeptOffer;
  step: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={`/anbieter/angebote/${offer.id}/${step}`} class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <button type="submit" class={secondary ? 'button-secondary' : undefined}>
        {ctx.t(label)}
      </button>
    </form>
  );
}
