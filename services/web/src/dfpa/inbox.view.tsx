import type { WebContext } from '../shell/web-context.js';
import { ActionForm } from '../cases/action-form.js';
import type { FormError, FormInput } from '../cases/form-spec.js';
import { formatDate } from '../i18n/format.js';
import { languageName, municipalityName } from '../shared/reference-data.js';
import type { InboxItem, Page } from './dfpa.api.js';
import { HANDOVER_ACTIONS, type HandoverForForm } from './intake-actions.js';
import { PersonFacts, personName } from './person-facts.js';
import { regionName } from '../shared/regions.js';
import { SavedNotice } from '../shell/saved-notice.js';

function Overdue({ ctx, h }: { ctx: WebContext; h: InboxItem }) {
  return h.overdue ? (
    <span class="badge badge-overdue" data-testid="overdue">
      {ctx.t('dfpa.inbox.overdue')}
    </span>
  ) : null;
}

/** The region's open hand-overs, oldest first: who, from which municipality, since when, answer due by. */
export function InboxList({
  ctx,
  page,
  region,
  notice,
}: {
  ctx: WebContext;
  page: Page<InboxItem>;
  region: string | undefined;
  notice?: string;
}) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('menu.handovers')}</h1>
      <p>{t('dfpa.inbox.intro', { region: regionName(region) })}</p>
      {notice ? <SavedNotice>{notice}</SavedNotice> : null}
      {page.items.length === 0 ? (
        <p data-testid="empty">{t('dfpa.inbox.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="inbox">
            <caption>{t('dfpa.inbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dfpa.person.name')}</th>
                <th scope="col">{t('dfpa.person.dateOfBirth')}</th>
                <th scope="col">{t('case.municipality')}</th>
                <th scope="col">{t('dfpa.inbox.summary')}</th>
                <th scope="col">{t('dfpa.inbox.requestedOn')}</th>
                <th scope="col">{t('dfpa.inbox.answerDueOn')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((h) => (
                <tr>
                  <th scope="row">
                    <a href={`/dfpa/eingang/${h.handoverId}`}>{personName(h.person)}</a>
                  </th>
                  <td>{formatDate(h.person.dateOfBirth)}</td>
                  <td>{municipalityName(h.municipality)}</td>
                  <td>
                    {h.caseSummary ? t(`phase.${h.caseSummary.phase}`, { defaultValue: h.caseSummary.phase }) : '–'}
                    {h.reason ? <span class="hint">{h.reason}</span> : null}
                  </td>
                  <td>{formatDate(h.requestedOn)}</td>
                  <td>
                    {formatDate(h.answerDueOn)} <Overdue ctx={ctx} h={h} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.next ? (
        <nav class="paging" aria-label={t('dfpa.paging')}>
          <a href={`/dfpa/eingang?nach=${encodeURIComponent(page.next)}`}>{t('dfpa.more')}</a>
        </nav>
      ) : null}
    </>
  );
}

/** One hand-over: the person, the municipality's contact and reason, the case so far, and the two answers. */
export function HandoverPage({
  ctx,
  h,
  today,
  failed,
}: {
  ctx: WebContext;
  h: HandoverForForm;
  today: string;
  failed?: { action: string; values: FormInput; errors: FormError[] };
}) {
  const { t } = ctx;
  const s = h.caseSummary;
  const username = ctx.user?.username ?? '';
  return (
    <>
      <div class="case-head">
        <h1>{personName(h.person)}</h1>
        <span class="badge">{t('dfpa.inbox.handover')}</span>
        <Overdue ctx={ctx} h={h} />
      </div>
      <p>
        <a href="/dfpa/eingang">{t('dfpa.inbox.back')}</a>
      </p>
      <div class="panels">
        <section class="panel" aria-labelledby="h-person">
          <h2 id="h-person">{t('case.person')}</h2>
          <PersonFacts ctx={ctx} p={h.person} />
        </section>
        <section class="panel" aria-labelledby="h-handover">
          <h2 id="h-handover">{t('dfpa.inbox.handover')}</h2>
          <dl class="facts">
            <dt>{t('case.municipality')}</dt>
            <dd>{municipalityName(h.municipality)}</dd>
            <dt>{t('dfpa.inbox.requestedOn')}</dt>
            <dd>{formatDate(h.requestedOn)}</dd>
            <dt>{t('dfpa.inbox.answerDueOn')}</dt>
            <dd data-testid="answer-due">
              {formatDate(h.answerDueOn)} <Overdue ctx={ctx} h={h} />
            </dd>
            <dt>{t('form.handoverReason')}</dt>
            <dd>{h.reason ?? '–'}</dd>
            {h.contact ? (
              <>
                <dt>{t('form.contact')}</dt>
                <dd>{[h.contact.name, h.contact.email, h.contact.phone].filter(Boolean).join(', ')}</dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>
      {s ? (
        <section class="panel" aria-labelledby="h-summary" data-testid="case-summary">
          <h2 id="h-summary">{t('dfpa.inbox.caseSummary')}</h2>
          <dl class="facts">
            <dt>{t('case.phase')}</dt>
            <dd>{t(`phase.${s.phase}`, { defaultValue: s.phase })}</dd>
            <dt>{t('case.registered')}</dt>
            <dd>{formatDate(s.registrationDate)}</dd>
            <dt>{t('case.firstInformation')}</dt>
            <dd>
              {t(`firstInformation.${s.firstInformation.outcome}`, { defaultValue: s.firstInformation.outcome })}
              {s.firstInformation.completedOn ? ` (${formatDate(s.firstInformation.completedOn)})` : ''}
              {s.firstInformation.supportNeed
                ? `; ${t('form.supportNeed')}: ${t(`supportNeed.${s.firstInformation.supportNeed}`)}`
                : ''}
            </dd>
            {s.firstInformation.languageSkills.length ? (
              <>
                <dt>{t('form.languageSkills')}</dt>
                <dd>
                  {s.firstInformation.languageSkills
                    .map((l) => `${languageName(l.language)}: ${cefr(ctx, l.oral)} / ${cefr(ctx, l.written)}`)
                    .join('; ')}
                </dd>
              </>
            ) : null}
            {s.referrals.length ? (
              <>
                <dt>{t('dfpa.inbox.referrals')}</dt>
                <dd>
                  <ul>
                    {s.referrals.map((r) => (
                      <li>
                        {formatDate(r.madeOn)}: {r.measure ?? t(`category.${r.category}`)} (
                        {t(`referralStatus.${r.status}`, { defaultValue: r.status })})
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            <dt>{t('dfpa.inbox.talksAndAgreements')}</dt>
            <dd>{t('dfpa.inbox.talksCount', { talks: s.integrationTalks.length, agreements: s.agreements.length })}</dd>
            {s.reportToMigrationsamtOpen ? (
              <>
                <dt>{t('case.reports')}</dt>
                <dd>{t('dfpa.inbox.reportOpen')}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      {h.status === 'open' ? (
        <section aria-labelledby="h-answer">
          <h2 id="h-answer">{t('dfpa.inbox.answer')}</h2>
          {HANDOVER_ACTIONS.map((a) => (
            <ActionForm
              ctx={ctx}
              caseDetail={h}
              action={a}
              today={today}
              basePath="/dfpa/eingang"
              {...(failed?.action === a.id
                ? { values: failed.values, errors: failed.errors }
                : a.initial
                  ? { values: a.initial(h, username) }
                  : {})}
            />
          ))}
        </section>
      ) : (
        <p class="alert alert-warn">{t('dfpa.inbox.answered', { status: h.status })}</p>
      )}
    </>
  );
}

export const cefr = (ctx: WebContext, level: string): string =>
  level === 'none' ? ctx.t('cefr.none') : level === 'unknown' ? ctx.t('dfpa.cefrUnknown') : level;
