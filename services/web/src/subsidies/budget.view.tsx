import type { FormError } from '../cases/form-spec.js';
import { formatChf } from '../i18n/money.js';
import type { WebContext } from '../shell/web-context.js';
import { hasAnyRole } from '../auth/session.js';
import { ErrorSummary, fieldErrors, Notice } from './form-feedback.js';
import type { Budget } from './subsidies.api.js';

export interface BudgetFormValues {
  amount?: string;
  warnPercent?: string;
}

/** The year's Integrationskredit: committed, approved, paid, remaining, and the warning at AGS's thresholds. */
export function BudgetView({
  ctx,
  budget,
  values,
  errors = [],
  notice,
}: {
  ctx: WebContext;
  budget: Budget;
  values: BudgetFormValues;
  errors?: FormError[];
  notice?: { ok: boolean; text: string } | undefined;
}) {
  const { t } = ctx;
  const f = fieldErrors(ctx, 'budget', errors);
  const percent = budget.usedPercent === null ? '–' : `${budget.usedPercent.toFixed(1)} %`;
  return (
    <>
      <h1>{t('subsidies.budget.title', { year: budget.year })}</h1>
      <form method="get" action="/subventionen/budget" class="filters">
        <div class="field">
          <label for="budget-year">{t('subsidies.budget.year')}</label>
          <input type="number" id="budget-year" name="jahr" min="2000" max="2100" value={String(budget.year)} />
        </div>
        <button type="submit" class="button-secondary">
          {t('subsidies.budget.show')}
        </button>
      </form>
      <Notice notice={notice} />
      {budget.warning !== null ? (
        <p class="alert alert-warn" role="status" data-testid="budget-warning">
          {t('subsidies.budget.warning', { threshold: budget.warning, used: percent })}
        </p>
      ) : null}
      {budget.budgetRappen === null ? <p class="alert alert-warn">{t('subsidies.budget.notSet')}</p> : null}
      <div class="table-wrap">
        <table data-testid="budget">
          <caption>{t('subsidies.budget.caption', { year: budget.year })}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('subsidies.budget.credit')}</th>
              <td data-testid="budget-credit">{budget.budgetRappen === null ? '–' : formatChf(budget.budgetRappen)}</td>
            </tr>
            <tr>
              <th scope="row">{t('subsidies.budget.committed')}</th>
              <td data-testid="budget-committed">{formatChf(budget.committedRappen)}</td>
            </tr>
            <tr>
              <th scope="row">{t('subsidies.budget.approved')}</th>
              <td data-testid="budget-approved">{formatChf(budget.approvedRappen)}</td>
            </tr>
            <tr>
              <th scope="row">{t('subsidies.budget.paid')}</th>
              <td data-testid="budget-paid">{formatChf(budget.paidRappen)}</td>
            </tr>
            <tr>
              <th scope="row">{t('subsidies.budget.remaining')}</th>
              <td data-testid="budget-remaining">
                {budget.remainingRappen === null ? '–' : formatChf(budget.remainingRappen)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('subsidies.budget.used')}</th>
              <td>{percent}</td>
            </tr>
            <tr>
              <th scope="row">{t('subsidies.budget.thresholds')}</th>
              <td>{budget.warnPercent.length ? budget.warnPercent.map((p) => `${p} %`).join(', ') : '–'}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="hint">{t('subsidies.budget.explain')}</p>
      {hasAnyRole(ctx.user, ['ags-finanzen']) ? (
        <form method="post" action={`/subventionen/budget?jahr=${budget.year}`} aria-labelledby="budget-set" novalidate>
          <h2 id="budget-set">{t('subsidies.budget.set', { year: budget.year })}</h2>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <ErrorSummary ctx={ctx} errors={errors} />
          <f.Input
            name="amount"
            label={t('subsidies.budget.amountChf')}
            inputMode="decimal"
            required
            value={values.amount ?? ''}
          />
          <f.Input
            name="warnPercent"
            label={t('subsidies.budget.thresholdsField')}
            hint={t('subsidies.budget.thresholdsHint')}
            value={values.warnPercent ?? ''}
          />
          <button type="submit">{t('form.save')}</button>
        </form>
      ) : null}
    </>
  );
}
