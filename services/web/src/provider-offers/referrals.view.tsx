import { formatDate } from '../i18n/format.js';
import { municipalityName } from '../shared/reference-data.js';
import type { WebContext } from '../shell/web-context.js';
import { ErrorSummary, Select, TextInput, type FormState } from './editor-fields.js';
import { NEXT_STEPS, type ProviderReferral } from './offers-keeping.api.js';
import { SavedNotice } from '../shell/saved-notice.js';

/**
 * The referrals to the provider's offers: what the referral disclosed (a pseudonymous reference and the municipality;
 * a name and contact only where the service names them) and a form to confirm the next step of each.
 */
export function ReferralsPage({
  ctx,
  referrals,
  offerTitles,
  today,
  failed,
  done,
}: {
  ctx: WebContext;
  referrals: ProviderReferral[];
  offerTitles: Map<string, string>;
  today: string;
  failed?: { referralId: string; values: FormState['values']; errors: FormState['errors'] };
  done?: string;
}) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('menu.providerReferrals')}</h1>
      <p>{t('providerOffers.referrals.intro')}</p>
      {done ? <SavedNotice>{t('providerOffers.referrals.saved')}</SavedNotice> : null}
      {referrals.length === 0 ? (
        <p data-testid="empty">{t('providerOffers.referrals.none')}</p>
      ) : (
        <ul class="referrals" data-testid="referrals">
          {referrals.map((r) => {
            const next = NEXT_STEPS[r.stage];
            const mine = failed?.referralId === r.referralId ? failed : undefined;
            const s: FormState = {
              ctx,
              form: `ref-${r.referralId.slice(0, 8)}`,
              values: mine?.values ?? { on: today },
              errors: mine?.errors ?? [],
            };
            const heading = `ref-h-${r.referralId.slice(0, 8)}`;
            return (
              <li class="panel" aria-labelledby={heading}>
                <h2 id={heading}>{offerTitles.get(r.offerId) ?? t('providerOffers.referrals.unknownOffer')}</h2>
                <dl class="facts">
                  <dt>{t('providerOffers.referrals.person')}</dt>
                  <dd data-testid="referral-person">
                    {r.person?.officialName ? (
                      <>
                        {[r.person.firstName, r.person.officialName].filter(Boolean).join(' ')}
                        {r.person.address
                          ? `, ${[r.person.address.street, r.person.address.houseNumber].filter(Boolean).join(' ')}, ${r.person.address.postalCode} ${r.person.address.town}`
                          : ''}
                        {r.person.email ? `, ${r.person.email}` : ''}
                        {r.person.phone ? `, ${r.person.phone}` : ''}
                      </>
                    ) : (
                      <>
                        <code>{r.personRef.slice(0, 12)}</code>{' '}
                        <span class="hint">{t('providerOffers.referrals.pseudonymous')}</span>
                      </>
                    )}
                  </dd>
                  <dt>{t('providerOffers.referrals.municipality')}</dt>
                  <dd>{municipalityName(r.municipality)}</dd>
                  <dt>{t('providerOffers.referrals.madeOn')}</dt>
                  <dd>{formatDate(r.madeOn)}</dd>
                  <dt>{t('providerOffers.referrals.stage')}</dt>
                  <dd data-testid="referral-stage">{t(`providerOffers.stage.${r.stage}`)}</dd>
                  {r.stages.length ? (
                    <>
                      <dt>{t('providerOffers.referrals.steps')}</dt>
                      <dd>
                        {r.stages
                          .map(
                            (st) =>
                              `${t(`providerOffers.stage.${st.stage}`)} ${formatDate(st.on)}${st.reason ? ` (${st.reason})` : ''}`,
                          )
                          .join('; ')}
                      </dd>
                    </>
                  ) : null}
                </dl>
                {next.length ? (
                  <form
                    method="post"
                    action={`/anbieter/zuweisungen/${r.referralId}`}
                    aria-describedby={s.errors.length ? `${s.form}-errors` : undefined}
                  >
                    <input type="hidden" name="_csrf" value={ctx.csrf} />
                    <ErrorSummary s={s} id={`${s.form}-errors`} />
                    <div class="grid-2">
                      <Select
                        s={s}
                        name="step"
                        label="providerOffers.referrals.step"
                        required
                        empty="form.choose"
                        options={next.map((st) => ({ value: st, text: t(`providerOffers.stage.${st}`) }))}
                      />
                      <TextInput s={s} name="on" label="providerOffers.referrals.on" type="date" required />
                      <TextInput
                        s={s}
                        name="reason"
                        label="providerOffers.referrals.reason"
                        hint="providerOffers.referrals.reasonHint"
                      />
                    </div>
                    <button type="submit">{t('providerOffers.referrals.confirm')}</button>
                  </form>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
