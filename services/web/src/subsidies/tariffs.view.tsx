import type { FormError } from '../cases/form-spec.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { formatChf } from '../i18n/money.js';
import type { WebContext } from '../shell/web-context.js';
import { ErrorSummary, fieldErrors, Notice } from './form-feedback.js';
import { TARIFF_ITEMS, type TariffVersion } from './subsidies.api.js';

export interface TariffFormValues {
  item?: string;
  validFrom?: string;
  validTo?: string;
  amount?: string;
  placeholder?: boolean;
  reference?: string;
  reason?: string;
}

/** The tariff versions per item (newest first) and the form for a new version; amounts are typed in CHF. */
export function TariffsView({
  ctx,
  versions,
  values = {},
  errors = [],
  notice,
}: {
  ctx: WebContext;
  versions: TariffVersion[];
  values?: TariffFormValues;
  errors?: FormError[];
  notice?: { ok: boolean; text: string } | undefined;
}) {
  const { t } = ctx;
  const f = fieldErrors(ctx, 'tariff', errors);
  return (
    <>
      <h1>{t('subsidies.menu.tariffs')}</h1>
      <p>{t('subsidies.tariffs.intro')}</p>
      {versions.some((v) => v.placeholder) ? (
        <p class="alert alert-warn" data-testid="placeholder-notice">
          {t('subsidies.tariffs.placeholderNotice')}
        </p>
      ) : null}
      <Notice notice={notice} />
      {TARIFF_ITEMS.map((item) => {
        const rows = versions.filter((v) => v.item === item).sort((a, b) => b.id - a.id);
        return (
          <section aria-labelledby={`tariff-${item}`}>
            <h2 id={`tariff-${item}`}>{t(`subsidies.item.${item}`)}</h2>
            {rows.length ? (
              <div class="table-wrap">
                <table data-testid={`tariff-${item}`}>
                  <caption>{t('subsidies.tariffs.caption', { item: t(`subsidies.item.${item}`) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('subsidies.tariffs.validFrom')}</th>
                      <th scope="col">{t('subsidies.tariffs.validTo')}</th>
                      <th scope="col">{t('subsidies.amount')}</th>
                      <th scope="col">{t('subsidies.tariffs.reference')}</th>
                      <th scope="col">{t('subsidies.tariffs.reason')}</th>
                      <th scope="col">{t('subsidies.tariffs.recorded')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((v) => (
                      <tr>
                        <td>{formatDate(v.validFrom)}</td>
                        <td>{v.validTo ? formatDate(v.validTo) : t('subsidies.tariffs.open')}</td>
                        <td>
                          {formatChf(v.amountRappen)}{' '}
                          {v.placeholder ? <span class="badge">{t('subsidies.tariffs.placeholder')}</span> : null}
                        </td>
                        <td>{v.reference}</td>
                        <td>{v.reason}</td>
                        <td>
                          {v.recordedBy} <span class="hint">{formatDateTime(v.recordedAt)}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p>{t('subsidies.tariffs.none')}</p>
            )}
          </section>
        );
      })}
      <h2 id="tariff-new">{t('subsidies.tariffs.new')}</h2>
      <p class="hint">{t('subsidies.tariffs.newHint')}</p>
      <form method="post" action="/subventionen/tarife" aria-labelledby="tariff-new" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <ErrorSummary ctx={ctx} errors={errors} />
        <div class="field">
          <label for="tariff-item">{t('subsidies.tariffs.item')}</label>
          <select
            id="tariff-item"
            name="item"
            required
            aria-invalid={f.invalid('item')}
            aria-describedby={f.describedBy('item')}
          >
            {TARIFF_ITEMS.map((item) => (
              <option value={item} selected={values.item === item}>
                {t(`subsidies.item.${item}`)}
              </option>
            ))}
          </select>
          <f.FieldError field="item" />
        </div>
        <div class="grid-2">
          <f.Input
            type="date"
            name="validFrom"
            label={t('subsidies.tariffs.validFrom')}
            required
            value={values.validFrom ?? ''}
          />
          <f.Input
            type="date"
            name="validTo"
            label={t('subsidies.tariffs.validToOptional')}
            value={values.validTo ?? ''}
          />
        </div>
        <f.Input
          name="amount"
          label={t('subsidies.tariffs.amountChf')}
          hint={t('subsidies.tariffs.amountHint')}
          inputMode="decimal"
          required
          value={values.amount ?? ''}
        />
        <label class="check" for="tariff-placeholder">
          <input
            type="checkbox"
            id="tariff-placeholder"
            name="placeholder"
            value="true"
            checked={!!values.placeholder}
          />
          {t('subsidies.tariffs.placeholderField')}
        </label>
        <f.Input name="reference" label={t('subsidies.tariffs.reference')} required value={values.reference ?? ''} />
        <div class="field">
          <label for="tariff-reason">{t('subsidies.tariffs.reason')}</label>
          <textarea
            id="tariff-reason"
            name="reason"
            required
            aria-invalid={f.invalid('reason')}
            aria-describedby={f.describedBy('reason')}
          >
            {values.reason ?? ''}
          </textarea>
          <f.FieldError field="reason" />
        </div>
        <button type="submit">{t('subsidies.tariffs.save')}</button>
      </form>
    </>
  );
}
