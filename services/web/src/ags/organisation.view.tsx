import type { WebContext } from '../shell/web-context.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { municipalityName } from '../shared/reference-data.js';
import type { FormError } from '../cases/form-spec.js';
import type { MunicipalityModel, OrganisationPeriod } from './ags.api.js';

const modelText = (ctx: WebContext, m: { kind: string; leitgemeinde?: number }) =>
  m.kind === 'leitgemeinde' && m.leitgemeinde
    ? ctx.t('ags.model.leitgemeindeOf', { name: municipalityName(m.leitgemeinde) })
    : ctx.t('ags.model.inHouse');

export function OrganisationList({ ctx, models }: { ctx: WebContext; models: MunicipalityModel[] }) {
  const { t } = ctx;
  const sorted = [...models].sort((a, b) =>
    municipalityName(a.municipality).localeCompare(municipalityName(b.municipality), 'de-CH'),
  );
  return (
    <>
      <h1>{t('menu.organisation')}</h1>
      <p>{t('ags.organisationIntro')}</p>
      <div class="table-wrap">
        <table data-testid="organisation">
          <caption>{t('ags.organisationCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ags.municipality')}</th>
              <th scope="col">{t('ags.model.title')}</th>
              <th scope="col">{t('ags.members')}</th>
              <th scope="col">{t('ags.sozialregion')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((m) => (
              <tr>
                <td>
                  <a href={`/organisation/${m.municipality}`}>{municipalityName(m.municipality)}</a>{' '}
                  <span class="hint">BFS {m.municipality}</span>
                </td>
                <td>{modelText(ctx, m.model)}</td>
                <td>{m.members.length ? m.members.map(municipalityName).join(', ') : '–'}</td>
                <td>{m.sozialregion ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export interface PeriodFormValues {
  model?: string;
  leitgemeinde?: string;
  validFrom?: string;
  reason?: string;
}

export function OrganisationDetail({
  ctx,
  bfs,
  periods,
  candidates,
  values,
  errors = [],
  saved,
}: {
  ctx: WebContext;
  bfs: number;
  periods: OrganisationPeriod[];
  candidates: number[];
  values?: PeriodFormValues;
  errors?: FormError[];
  saved?: boolean;
}) {
  const { t } = ctx;
  const err = (field: string) => errors.filter((e) => e.field === field);
  const described = (field: string) => (err(field).length ? `org-${field}-error` : undefined);
  const fieldError = (field: string) =>
    err(field).length ? (
      <p class="field-error" id={`org-${field}-error`}>
        {err(field).map((e) => (
          <span>
            {e.message}
            {e.rule ? (
              <span class="rule">
                {t('form.rule', { rule: e.rule })}
                {e.ruleText ? `: ${e.ruleText}` : ''}
              </span>
            ) : null}
          </span>
        ))}
      </p>
    ) : null;
  return (
    <>
      <h1>
        {municipalityName(bfs)} <span class="hint">BFS {bfs}</span>
      </h1>
      <p>
        <a href="/organisation">{t('ags.backToOrganisation')}</a>
      </p>
      {saved ? (
        <p class="alert alert-ok" role="status">
          {t('ags.periodSaved')}
        </p>
      ) : null}
      <h2>{t('ags.history')}</h2>
      <div class="table-wrap">
        <table data-testid="periods">
          <caption>{t('ags.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ags.validFrom')}</th>
              <th scope="col">{t('ags.validTo')}</th>
              <th scope="col">{t('ags.model.title')}</th>
              <th scope="col">{t('ags.reason')}</th>
              <th scope="col">{t('ags.recorded')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr>
                <td>{formatDate(p.validFrom)}</td>
                <td>{formatDate(p.validTo)}</td>
                <td>{modelText(ctx, p.model)}</td>
                <td>{p.reason}</td>
                <td>
                  {p.recordedBy} <span class="hint">{formatDateTime(p.recordedAt)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('ags.newPeriod')}</h2>
      <form method="post" action={`/organisation/${bfs}`}>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        {errors.length ? (
          <div class="alert alert-error" role="alert" data-testid="form-errors">
            <p>
              <strong>{t('form.refused')}</strong>
            </p>
            <ul>
              {errors.map((e) => (
                <li>
                  {e.message}
                  {e.rule ? (
                    <span class="rule" data-testid="rule">
                      {t('form.rule', { rule: e.rule })}
                      {e.ruleText ? `: ${e.ruleText}` : ''}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <fieldset aria-describedby={described('model')}>
          <legend>{t('ags.model.title')}</legend>
          <label class="check" for="org-model-in-house">
            <input
              type="radio"
              id="org-model-in-house"
              name="model"
              value="in-house"
              required
              checked={values?.model === 'in-house'}
            />
            {t('ags.model.inHouse')}
          </label>
          <label class="check" for="org-model-lead">
            <input
              type="radio"
              id="org-model-lead"
              name="model"
              value="leitgemeinde"
              checked={values?.model === 'leitgemeinde'}
            />
            {t('ags.model.leitgemeinde')}
          </label>
          {fieldError('model')}
        </fieldset>
        <div class="field">
          <label for="org-leitgemeinde">{t('ags.leitgemeinde')}</label>
          <select
            id="org-leitgemeinde"
            name="leitgemeinde"
            aria-describedby={described('leitgemeinde')}
            aria-invalid={err('leitgemeinde').length ? 'true' : undefined}
          >
            <option value="">{t('form.none')}</option>
            {candidates.map((c) => (
              <option value={String(c)} selected={values?.leitgemeinde === String(c)}>
                {municipalityName(c)}
              </option>
            ))}
          </select>
          {fieldError('leitgemeinde')}
        </div>
        <div class="field">
          <label for="org-validFrom">{t('ags.validFrom')}</label>
          <input
            type="date"
            id="org-validFrom"
            name="validFrom"
            required
            value={values?.validFrom ?? ''}
            aria-describedby={described('validFrom')}
            aria-invalid={err('validFrom').length ? 'true' : undefined}
          />
          {fieldError('validFrom')}
        </div>
        <div class="field">
          <label for="org-reason">{t('ags.reason')}</label>
          <textarea
            id="org-reason"
            name="reason"
            required
            aria-describedby={described('reason')}
            aria-invalid={err('reason').length ? 'true' : undefined}
          >
            {values?.reason ?? ''}
          </textarea>
          {fieldError('reason')}
        </div>
        <button type="submit">{t('form.save')}</button>
      </form>
    </>
  );
}
