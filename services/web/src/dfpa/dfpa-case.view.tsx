import { HistoryTimeline } from '../shell/history-timeline.js';
import type { WebContext } from '../shell/web-context.js';
import { ActionForm } from '../cases/action-form.js';
import type { FormError, FormInput } from '../cases/form-spec.js';
import { formatDate } from '../i18n/format.js';
import { countryOptions, languageName, municipalityName } from '../shared/reference-data.js';
import type { AssessmentVersion, DfpaCase, HistoryEntry, MeasureView } from './dfpa.api.js';
import { CASE_ACTIONS, CASE_GROUPS, type DfpaAction } from './dfpa-actions.js';
import { DIRECT_CASE, HANDOVER_ACTIONS } from './intake-actions.js';
import { cefr } from './inbox.view.js';
import { formatChf } from '../i18n/money.js';
import { PersonFacts, personName } from './person-facts.js';
import { regionName } from '../shared/regions.js';
import { SavedNotice } from '../shell/saved-notice.js';

export interface DfpaCasePageProps {
  ctx: WebContext;
  c: DfpaCase;
  actions: DfpaAction<DfpaCase>[];
  today: string;
  /** The action just saved (success message). */
  done?: string;
  /** The refused action, what was typed and why it was refused. */
  failed?: { action: string; values: FormInput; errors: FormError[] };
}

export function dfpaCaseTitle(ctx: WebContext, c: DfpaCase): string {
  return personName(c.person) ?? c.name ?? ctx.t('dfpa.case.noName', { ref: c.personRef });
}

const yesNo = (ctx: WebContext, v: boolean) => (v ? ctx.t('case.yes') : ctx.t('case.no'));

/** The DFPA case: person, status, caseworkers, the assessment (every version), the plan, the history, the forms. */
export function DfpaCasePage({ ctx, c, actions, today, done, failed }: DfpaCasePageProps) {
  const { t } = ctx;
  // The action just saved may no longer be offered (a closed case), or was not on this page (accepted, opened).
  const doneTitle = done
    ? [...CASE_ACTIONS, ...HANDOVER_ACTIONS, DIRECT_CASE].find((a) => a.id === done)?.title
    : undefined;
  const [current, ...earlier] = c.assessments;
  const username = ctx.user?.username ?? '';
  return (
    <>
      <div class="case-head">
        <h1>{dfpaCaseTitle(ctx, c)}</h1>
        <span class="badge" data-testid="status">
          {t(`dfpa.status.${c.status}`)}
        </span>
        <span class="badge" data-testid="progress">
          {t(`dfpa.progress.${c.progress}`)}
        </span>
      </div>
      <p>
        <a href="/dfpa/faelle">{t('dfpa.cases.back')}</a>
      </p>
      {done ? <SavedNotice>{t('case.saved', { action: doneTitle ? t(doneTitle) : '' })}</SavedNotice> : null}
      <div class="panels">
        <section class="panel" aria-labelledby="h-person">
          <h2 id="h-person">{t('case.person')}</h2>
          {c.person ? <PersonFacts ctx={ctx} p={c.person} /> : <p>{t('dfpa.case.personGone')}</p>}
        </section>
        <section class="panel" aria-labelledby="h-case">
          <h2 id="h-case">{t('dfpa.case.case')}</h2>
          <dl class="facts" data-testid="case-facts">
            <dt>{t('dfpa.case.region')}</dt>
            <dd>{regionName(c.sozialregionId)}</dd>
            <dt>{t('dfpa.case.origin')}</dt>
            <dd>{t(`dfpa.origin.${c.origin}`)}</dd>
            {c.municipality ? (
              <>
                <dt>{t('case.municipality')}</dt>
                <dd>{municipalityName(c.municipality)}</dd>
              </>
            ) : null}
            <dt>{t('dfpa.case.status')}</dt>
            <dd>{t(`dfpa.status.${c.status}`)}</dd>
            <dt>{t('dfpa.case.progress')}</dt>
            <dd>{t(`dfpa.progress.${c.progress}`)}</dd>
            <dt>{t('dfpa.case.caseworkers')}</dt>
            <dd data-testid="caseworkers">{c.caseworkers.join(', ')}</dd>
            <dt>{t('dfpa.case.openedOn')}</dt>
            <dd>{formatDate(c.openedOn)}</dd>
            {c.exit ? (
              <>
                <dt>{t('dfpa.case.exit')}</dt>
                <dd>
                  {formatDate(c.exit.on)}: {t(`dfpa.exitKind.${c.exit.kind}`)} (
                  {t(`dfpa.exitReason.${c.exit.reason}`, {
                    defaultValue: t(`dfpa.returnReason.${c.exit.reason}`, { defaultValue: c.exit.reason }),
                  })}
                  ){c.exit.toSozialregion ? `, ${regionName(c.exit.toSozialregion)}` : ''}
                </dd>
              </>
            ) : null}
            {c.deadlines.length ? (
              <>
                <dt>{t('dfpa.case.deadlines')}</dt>
                <dd>
                  <ul>
                    {c.deadlines.map((d) => (
                      <li>
                        {formatDate(d.dueOn)}: {t(`dfpa.deadline.${d.kind}`, { defaultValue: d.kind })}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {c.ravReports.length ? (
              <>
                <dt>{t('dfpa.case.ravReports')}</dt>
                <dd>{c.ravReports.map((r) => formatDate(r.reportedOn)).join(', ')}</dd>
              </>
            ) : null}
            {c.placements.length ? (
              <>
                <dt>{t('dfpa.case.placements')}</dt>
                <dd>
                  {c.placements
                    .map((p) => `${formatDate(p.placedOn)} (${t(`dfpa.placementKind.${p.kind}`)})`)
                    .join(', ')}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>

      <section aria-labelledby="h-assessment" data-testid="assessment">
        <h2 id="h-assessment">{t('dfpa.assessment.title')}</h2>
        {current ? (
          <>
            <AssessmentFacts ctx={ctx} a={current} headingLevel={3} />
            {earlier.length ? (
              <>
                <h3>{t('dfpa.assessment.earlier')}</h3>
                {earlier.map((a) => (
                  <details class="action" data-testid="assessment-version">
                    <summary>
                      {t('dfpa.assessment.versionOf', { version: a.version, date: formatDate(a.assessedOn) })}
                    </summary>
                    <AssessmentFacts ctx={ctx} a={a} headingLevel={4} />
                  </details>
                ))}
              </>
            ) : null}
          </>
        ) : (
          <p>{t('dfpa.assessment.none')}</p>
        )}
      </section>

      <section aria-labelledby="h-plan" data-testid="plan">
        <h2 id="h-plan">{t('dfpa.plan.title')}</h2>
        {c.plan ? (
          <>
            <p>
              {t('dfpa.plan.agreed', {
                version: c.plan.version,
                agreedOn: formatDate(c.plan.agreedOn),
                reviewOn: formatDate(c.plan.reviewOn),
              })}
            </p>
            <div class="table-wrap">
              <table data-testid="goals">
                <caption>{t('dfpa.plan.goals')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dfpa.form.goalArea')}</th>
                    <th scope="col">{t('dfpa.form.target')}</th>
                    <th scope="col">{t('dfpa.form.dueOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.plan.goals.map((g) => (
                    <tr>
                      <td>{t(`dfpa.goalArea.${g.area}`)}</td>
                      <td>{g.target}</td>
                      <td>{formatDate(g.dueOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p>{t('dfpa.plan.none')}</p>
        )}
        <h3>{t('dfpa.plan.measures')}</h3>
        {c.measures.length ? <Measures ctx={ctx} measures={c.measures} /> : <p>{t('dfpa.plan.noMeasures')}</p>}
        <h3>{t('dfpa.plan.reviews')}</h3>
        {c.reviews.length ? (
          <div class="table-wrap">
            <table data-testid="reviews">
              <caption class="visually-hidden">{t('dfpa.plan.reviews')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dfpa.form.reviewedOn')}</th>
                  <th scope="col">{t('dfpa.form.reviewOutcome')}</th>
                  <th scope="col">{t('dfpa.form.reasons')}</th>
                  <th scope="col">{t('dfpa.form.nextReviewOn')}</th>
                </tr>
              </thead>
              <tbody>
                {c.reviews.map((r) => (
                  <tr>
                    <td>{formatDate(r.reviewedOn)}</td>
                    <td>{t(`dfpa.reviewOutcome.${r.outcome}`)}</td>
                    <td>{r.reasons}</td>
                    <td>{formatDate(r.nextReviewOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('dfpa.plan.noReviews')}</p>
        )}
      </section>

      {actions.length ? (
        <section aria-labelledby="h-actions">
          <h2 id="h-actions">{t('case.actions')}</h2>
          {CASE_GROUPS.filter((g) => actions.some((a) => a.group === g)).map((g) => (
            <>
              <h3>{t(`dfpa.group.${g}`)}</h3>
              {actions
                .filter((a) => a.group === g)
                .map((a) => (
                  <ActionForm
                    ctx={ctx}
                    caseDetail={c}
                    action={a}
                    today={today}
                    basePath="/dfpa/faelle"
                    {...(failed?.action === a.id
                      ? { values: failed.values, errors: failed.errors }
                      : a.initial
                        ? { values: a.initial(c, username) }
                        : {})}
                  />
                ))}
            </>
          ))}
        </section>
      ) : null}

      <HistoryTimeline
        ctx={ctx}
        history={c.history}
        label={(h) => t(`dfpa.history.${h.action}`, { defaultValue: h.action })}
        hint={(h) => (
          <>
            {h.actor}
            {historyDetail(ctx, h, c.measures)}
          </>
        )}
      />
    </>
  );
}

/** The few details a history line names, in words (codes translated, dates Swiss, a measure by its title). */
function historyDetail(ctx: WebContext, h: HistoryEntry, measures: readonly MeasureView[]): string {
  const { t } = ctx;
  const d = h.details ?? {};
  const str = (k: string): string | undefined => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  const parts: string[] = [];
  if (typeof d['version'] === 'number') parts.push(t('dfpa.historyDetail.version', { version: d['version'] }));
  if (typeof d['planVersion'] === 'number') parts.push(t('dfpa.historyDetail.version', { version: d['planVersion'] }));
  if (h.action === 'assessment-recorded' && str('kind')) parts.push(t(`dfpa.assessmentKind.${str('kind')}`));
  if (h.action === 'placement-recorded' && str('kind')) parts.push(t(`dfpa.placementKind.${str('kind')}`));
  const measure = str('measureId') ? measures.find((m) => m.measureId === d['measureId']) : undefined;
  if (measure) parts.push(measure.title);
  if (str('caseworker')) parts.push(str('caseworker') as string);
  if (str('reasonCode')) parts.push(t(`dfpa.returnReason.${str('reasonCode')}`, { defaultValue: str('reasonCode') }));
  if (str('exitReason')) parts.push(t(`dfpa.exitReason.${str('exitReason')}`, { defaultValue: str('exitReason') }));
  if (str('outcome')) parts.push(t(`dfpa.reviewOutcome.${str('outcome')}`, { defaultValue: str('outcome') }));
  if (Array.isArray(d['to'])) parts.push((d['to'] as unknown[]).join(', '));
  if (str('toSozialregion')) parts.push(regionName(str('toSozialregion')));
  return parts.length ? ` – ${parts.join('; ')}` : '';
}

function Measures({ ctx, measures }: { ctx: WebContext; measures: MeasureView[] }) {
  const { t } = ctx;
  return (
    <div class="table-wrap">
      <table data-testid="measures">
        <caption class="visually-hidden">{t('dfpa.plan.measures')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dfpa.form.measureTitle')}</th>
            <th scope="col">{t('dfpa.plan.type')}</th>
            <th scope="col">{t('dfpa.form.provider')}</th>
            <th scope="col">{t('dfpa.plan.period')}</th>
            <th scope="col">{t('dfpa.form.measureStatus')}</th>
            <th scope="col" class="num">
              {t('dfpa.plan.cost')}
            </th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr>
              <td>
                {m.title}
                <span class="hint">{t(`dfpa.goalArea.${m.goalArea}`)}</span>
              </td>
              <td>
                {m.structure ? t(`dfpa.structure.${m.structure}`) : t('dfpa.plan.offer', { offer: m.offerId ?? '' })}
                <span class="hint">{t(`dfpa.kipArea.${m.kipArea}`)}</span>
              </td>
              <td>{m.provider}</td>
              <td>
                {formatDate(m.from)} – {formatDate(m.to)}
              </td>
              <td>
                {t(`dfpa.measureStatus.${m.status}`)}
                {m.endedOn ? ` (${formatDate(m.endedOn)})` : ''}
              </td>
              <td class="num" data-testid="cost">
                {formatChf(m.costRappen)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AssessmentFacts({ ctx, a, headingLevel }: { ctx: WebContext; a: AssessmentVersion; headingLevel: 3 | 4 }) {
  const { t } = ctx;
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const shown = 'health' in a && a.health !== undefined;
  return (
    <div data-testid={headingLevel === 3 ? 'assessment-current' : undefined}>
      <p>
        {t('dfpa.assessment.versionLine', {
          version: a.version,
          kind: t(`dfpa.assessmentKind.${a.kind}`),
          date: formatDate(a.assessedOn),
          by: a.recordedBy,
        })}
      </p>
      <H>{t('dfpa.form.languages')}</H>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('dfpa.form.languages')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('form.skillLanguage')}</th>
              <th scope="col">{t('form.oral')}</th>
              <th scope="col">{t('form.written')}</th>
              <th scope="col">{t('dfpa.form.evidence')}</th>
              <th scope="col">{t('dfpa.form.languageAssessedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {a.languages.map((l) => (
              <tr>
                <td>{languageName(l.language)}</td>
                <td>{cefr(ctx, l.oral)}</td>
                <td>{cefr(ctx, l.written)}</td>
                <td>{t(`dfpa.evidence.${l.evidence}`)}</td>
                <td>{formatDate(l.assessedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="facts">
        <dt>{t('dfpa.form.yearsOfSchooling')}</dt>
        <dd>{a.yearsOfSchooling}</dd>
        <dt>{t('dfpa.form.literacy')}</dt>
        <dd>
          {t('dfpa.form.anyScript')}: {yesNo(ctx, a.literacy.anyScript)}; {t('dfpa.form.latinScript')}:{' '}
          {yesNo(ctx, a.literacy.latinScript)}
        </dd>
        <dt>{t('dfpa.form.qualifications')}</dt>
        <dd>
          {a.qualifications.length
            ? a.qualifications
                .map(
                  (q) =>
                    `${q.title} (${countryByIso(q.country)}, ${t('dfpa.assessment.years', { years: q.years })}, ${t(`dfpa.recognition.${q.recognition}`)})`,
                )
                .join('; ')
            : '–'}
        </dd>
        <dt>{t('dfpa.form.workExperience')}</dt>
        <dd>
          {a.workExperience.length
            ? a.workExperience.map((w) => `${w.field} (${t('dfpa.assessment.years', { years: w.years })})`).join('; ')
            : '–'}
        </dd>
        <dt>{t('dfpa.form.family')}</dt>
        <dd>
          {a.family.childrenAges.length
            ? t('dfpa.assessment.children', { ages: a.family.childrenAges.join(', ') })
            : t('dfpa.assessment.noChildren')}
          ; {t('dfpa.form.childcareNeeded')}: {yesNo(ctx, a.family.childcareNeeded)}; {t('dfpa.form.childcareArranged')}
          : {yesNo(ctx, a.family.childcareArranged)}
        </dd>
        <dt>{t('dfpa.form.employability')}</dt>
        <dd data-testid="employability">
          {t(`dfpa.employability.${a.employability.status}`)}
          {a.employability.assessedOn ? ` (${formatDate(a.employability.assessedOn)})` : ''}
        </dd>
        <dt>{t('dfpa.form.personGoals')}</dt>
        <dd>{a.goals.length ? a.goals.join('; ') : '–'}</dd>
        {shown ? (
          <>
            <dt>{t('dfpa.form.health')}</dt>
            <dd data-testid="health">
              {a.health
                ? [
                    t(`dfpa.healthRestriction.${a.health.restriction}`),
                    a.health.workCapacityPercent !== null
                      ? t('dfpa.assessment.workCapacity', { percent: a.health.workCapacityPercent })
                      : null,
                    a.health.note,
                  ]
                    .filter(Boolean)
                    .join('; ')
                : t('dfpa.assessment.noHealth')}
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

let countryNames: Map<string, string> | undefined;
/** A qualification's country (ISO alpha-2) by its German name. */
const countryByIso = (iso: string): string =>
  (countryNames ??= new Map(countryOptions().map((c) => [c.code, c.name]))).get(iso) ?? iso;
