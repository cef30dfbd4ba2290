import { HistoryTimeline } from '../shell/history-timeline.js';
import type { WebContext } from '../shell/web-context.js';
import { formatDate } from '../i18n/format.js';
import { countryName, languageName, municipalityName } from '../shared/reference-data.js';
import { regionName } from '../shared/regions.js';
import { ActionForm } from './action-form.js';
import { CASE_ACTIONS, type CaseAction } from './case-actions.js';
import type { CaseDetail } from './case.api.js';
import type { FormError, FormInput } from './form-spec.js';
import { SavedNotice } from '../shell/saved-notice.js';

export interface CasePageProps {
  ctx: WebContext;
  c: CaseDetail;
  actions: CaseAction[];
  today: string;
  /** The action just saved (success message). */
  done?: string;
  /** The refused action, what was typed and why it was refused. */
  failed?: { action: string; values: FormInput; errors: FormError[] };
}

const GROUPS = ['informieren', 'foerdern', 'fordern', 'sanktionieren', 'case'] as const;

export function caseTitle(ctx: WebContext, c: CaseDetail): string {
  return c.person?.officialName
    ? `${c.person.officialName}, ${c.person.firstName ?? ''}`.trim()
    : ctx.t('case.pseudonymous');
}

export function CasePage({ ctx, c, actions, today, done, failed }: CasePageProps) {
  const { t } = ctx;
  const deadline = c.firstInformationDeadline;
  // The action just saved may no longer be offered (first information done): look it up among all.
  const doneAction = done ? CASE_ACTIONS.find((a) => a.id === done) : undefined;
  return (
    <>
      <div class="case-head">
        <h1>{caseTitle(ctx, c)}</h1>
        <span class="badge" data-testid="phase">
          {t(`phase.${c.phase}`)}
        </span>
        <span class="badge">{t(`status.${c.status}`)}</span>
      </div>
      <p>
        <a href="/faelle">{t('case.backToList')}</a>
      </p>
      {done ? <SavedNotice>{t('case.saved', { action: doneAction ? t(doneAction.title) : '' })}</SavedNotice> : null}
      <div class="panels">
        <section class="panel" aria-labelledby="h-person">
          <h2 id="h-person">{t('case.person')}</h2>
          <dl class="facts">
            {c.person ? (
              <>
                <dt>{t('case.nationality')}</dt>
                <dd>{c.person.nationality ? countryName(c.person.nationality.bfsCode) : '–'}</dd>
                <dt>{t('case.birthYear')}</dt>
                <dd>{c.person.birthYear ?? '–'}</dd>
                <dt>{t('case.sex')}</dt>
                <dd>{c.person.sex ? t(`sex.${c.person.sex}`) : '–'}</dd>
                <dt>{t('case.language')}</dt>
                <dd>{languageName(c.person.language)}</dd>
                <dt>{t('case.euEfta')}</dt>
                <dd>{c.person.euEfta ? t('case.yes') : t('case.no')}</dd>
                {c.person.familyOfSwiss ? (
                  <>
                    <dt>{t('case.familyOfSwiss')}</dt>
                    <dd>{t('case.yes')}</dd>
                  </>
                ) : null}
              </>
            ) : (
              <>
                <dt>{t('case.nationality')}</dt>
                <dd>{c.subject?.nationality ? countryName(c.subject.nationality.bfsCode) : '–'}</dd>
                <dt>{t('case.euEfta')}</dt>
                <dd>{c.subject?.euEfta ? t('case.yes') : t('case.no')}</dd>
              </>
            )}
          </dl>
          {c.household?.length ? (
            <>
              <h3>{t('case.household')}</h3>
              <ul>
                {c.household.map((m) => (
                  <li>
                    <a href={`/faelle/${m.id}`}>
                      {m.officialName}, {m.firstName}
                    </a>{' '}
                    <span class="hint">{t(`phase.${m.phase}`)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section class="panel" aria-labelledby="h-case">
          <h2 id="h-case">{t('case.case')}</h2>
          <dl class="facts">
            <dt>{t('case.municipality')}</dt>
            <dd>{municipalityName(c.municipality)}</dd>
            <dt>{t('case.phase')}</dt>
            <dd>{t(`phase.${c.phase}`)}</dd>
            <dt>{t('case.registered')}</dt>
            <dd>{formatDate(c.registrationDate)}</dd>
            <dt>{t('case.deadline')}</dt>
            <dd data-testid="deadline">
              {formatDate(deadline.due)}{' '}
              {deadline.status ? (
                <span class={deadline.status === 'overdue' ? 'badge badge-overdue' : 'badge'}>
                  {t(`deadline.${deadline.status}`)}
                </span>
              ) : null}
            </dd>
            {c.firstInformation ? (
              <>
                <dt>{t('case.firstInformation')}</dt>
                <dd>{t(`firstInformation.${c.firstInformation.outcome}`)}</dd>
              </>
            ) : null}
            {c.atSozialregion ? (
              <>
                <dt>{t('case.atSozialregion')}</dt>
                <dd data-testid="at-sozialregion">{regionName(c.atSozialregion)}</dd>
              </>
            ) : null}
            {c.dfpaStatus ? (
              <>
                <dt>{t('dfpa.coarse.label')}</dt>
                <dd data-testid="dfpa-status">{t(`dfpa.coarse.${c.dfpaStatus}`, { defaultValue: c.dfpaStatus })}</dd>
              </>
            ) : null}
            {c.reports?.length ? (
              <>
                <dt>{t('case.reports')}</dt>
                <dd>
                  {c.reports.map((r) => `${formatDate(r.reportedOn)} (${t(`reportStatus.${r.status}`)})`).join(', ')}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>
      {actions.length ? (
        <section aria-labelledby="h-actions">
          <h2 id="h-actions">{t('case.actions')}</h2>
          {GROUPS.filter((g) => actions.some((a) => a.group === g)).map((g) => (
            <>
              <h3>{t(`case.group.${g}`)}</h3>
              {actions
                .filter((a) => a.group === g)
                .map((a) => (
                  <ActionForm
                    ctx={ctx}
                    caseDetail={c}
                    action={a}
                    today={today}
                    {...(failed?.action === a.id ? { values: failed.values, errors: failed.errors } : {})}
                  />
                ))}
            </>
          ))}
        </section>
      ) : null}
      <HistoryTimeline
        ctx={ctx}
        history={c.history}
        label={(h) => t(`history.${h.action}`, { defaultValue: h.action })}
        hint={(h) => (
          <>
            {t(`historyRole.${h.role}`, { defaultValue: h.role })}
            {h.reason ? ` – ${h.reason}` : ''}
          </>
        )}
      />
    </>
  );
}
