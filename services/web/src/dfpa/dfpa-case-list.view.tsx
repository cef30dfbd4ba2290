import type { WebContext } from '../shell/web-context.js';
import { ActionForm } from '../cases/action-form.js';
import type { FormError, FormInput } from '../cases/form-spec.js';
import { formatDate } from '../i18n/format.js';
import { municipalityName } from '../shared/reference-data.js';
import type { DfpaCaseStatus, DfpaCaseSummary, Page } from './dfpa.api.js';
import { DIRECT_CASE, type DirectCaseForm } from './intake-actions.js';
import { regionName } from '../shared/regions.js';

export const CASE_STATUSES: readonly DfpaCaseStatus[] = ['active', 'returned', 'closed', 'moved'];

/** The region's DFPA cases by status, newest first, and the form to open one for a person the canton assigned. */
export function DfpaCaseList({
  ctx,
  page,
  status,
  today,
  failed,
}: {
  ctx: WebContext;
  page: Page<DfpaCaseSummary>;
  status: DfpaCaseStatus;
  today: string;
  failed?: { values: FormInput; errors: FormError[] };
}) {
  const { t } = ctx;
  const direct: DirectCaseForm = { id: 'neu', sozialregion: ctx.user?.sozialregion };
  return (
    <>
      <h1>{t('menu.dfpaCases')}</h1>
      <p>{t('dfpa.cases.intro', { region: regionName(ctx.user?.sozialregion) })}</p>
      <form method="get" action="/dfpa/faelle" class="filters">
        <div class="field">
          <label for="status">{t('dfpa.cases.status')}</label>
          <select id="status" name="status">
            {CASE_STATUSES.map((s) => (
              <option value={s} selected={s === status}>
                {t(`dfpa.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button-secondary">
          {t('dfpa.cases.show')}
        </button>
      </form>
      {page.items.length === 0 ? (
        <p data-testid="empty">{t('dfpa.cases.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="dfpa-cases">
            <caption>{t('dfpa.cases.caption', { status: t(`dfpa.status.${status}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dfpa.person.name')}</th>
                <th scope="col">{t('dfpa.case.progress')}</th>
                <th scope="col">{t('dfpa.case.caseworkers')}</th>
                <th scope="col">{t('case.municipality')}</th>
                <th scope="col">{t('dfpa.case.openedOn')}</th>
                <th scope="col">{t('dfpa.case.nextReviewOn')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr>
                  <th scope="row">
                    <a href={`/dfpa/faelle/${c.dfpaCaseId}`}>{c.name ?? t('dfpa.case.noName', { ref: c.personRef })}</a>
                  </th>
                  <td>{t(`dfpa.progress.${c.progress}`)}</td>
                  <td>{c.caseworkers.join(', ')}</td>
                  <td>{c.municipality ? municipalityName(c.municipality) : '–'}</td>
                  <td>{formatDate(c.openedOn)}</td>
                  <td>{formatDate(c.nextReviewOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.next ? (
        <nav class="paging" aria-label={t('dfpa.paging')}>
          <a href={`/dfpa/faelle?status=${status}&nach=${encodeURIComponent(page.next)}`}>{t('dfpa.more')}</a>
        </nav>
      ) : null}
      <section aria-labelledby="h-direct">
        <h2 id="h-direct">{t('dfpa.cases.directTitle')}</h2>
        <p class="hint">{t('dfpa.cases.directIntro')}</p>
        <ActionForm
          ctx={ctx}
          caseDetail={direct}
          action={DIRECT_CASE}
          today={today}
          basePath="/dfpa/faelle"
          values={failed ? failed.values : (DIRECT_CASE.initial ?? (() => ({})))(direct, ctx.user?.username ?? '')}
          {...(failed ? { errors: failed.errors } : {})}
        />
      </section>
    </>
  );
}
