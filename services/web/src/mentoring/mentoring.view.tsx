import type { ComponentChildren } from 'preact';
import { formatDate } from '../i18n/format.js';
import { languageName, municipalityName } from '../shared/reference-data.js';
import type { WebContext } from '../shell/web-context.js';
import { ErrorSummary, Select, TextInput, type FormState } from '../provider-offers/editor-fields.js';
import { regionName } from '../shared/regions.js';
import {
  END_REASONS,
  OUTCOMES,
  type Assignment,
  type LanguageSkill,
  type Mentor,
  type MentoringRequest,
  type Suggestion,
  type Tandem,
} from './mentoring.api.js';
import { SavedNotice } from '../shell/saved-notice.js';

/** A tandem form refused by the service: which tandem, which step, what was typed, the complaints. */
export interface FailedStep {
  tandemId: string;
  step: string;
  values: FormState['values'];
  errors: FormState['errors'];
}

const skills = (list: LanguageSkill[]) => list.map((l) => `${languageName(l.code)} (${l.level})`).join(', ');
const slot = (ctx: WebContext, s: string) => {
  const [day, part] = s.split('-');
  return `${ctx.t(`providerOffers.weekday.${day}`)} ${ctx.t(`mentoring.part.${part}`)}`;
};
const slots = (ctx: WebContext, list: string[]) => list.map((s) => slot(ctx, s)).join(', ');

export const poolTitle = (ctx: WebContext, pool: string) => ctx.t('mentoring.title', { pool: regionName(pool) });

/** The coordinator's pool: open requests, tandems with their steps, the mentors. */
export function PoolPage({
  ctx,
  pool,
  pools,
  mentors,
  requests,
  tandems,
  today,
  failed,
  done,
}: {
  ctx: WebContext;
  pool: string;
  pools: string[];
  mentors: Mentor[];
  requests: MentoringRequest[];
  tandems: Tandem[];
  today: string;
  failed?: FailedStep;
  done?: string;
}) {
  const { t } = ctx;
  const names = new Map(mentors.map((m) => [m.id, m.name]));
  return (
    <>
      <h1>{poolTitle(ctx, pool)}</h1>
      {pools.length > 1 ? (
        <nav aria-label={t('mentoring.otherPools')}>
          <ul class="inline-list">
            {pools.map((p) => (
              <li>
                <a href={`/mentoring/${p}`} aria-current={p === pool ? 'page' : undefined}>
                  {regionName(p)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {done ? <SavedNotice>{t(`mentoring.done.${done}`)}</SavedNotice> : null}
      <h2>{t('mentoring.requests')}</h2>
      {requests.length === 0 ? (
        <p data-testid="requests-empty">{t('mentoring.requestsEmpty')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table data-testid="requests">
              <caption>{t('mentoring.requestsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mentoring.mentee')}</th>
                  <th scope="col">{t('mentoring.municipality')}</th>
                  <th scope="col">{t('mentoring.languages')}</th>
                  <th scope="col">{t('mentoring.availability')}</th>
                  <th scope="col">{t('mentoring.goals')}</th>
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => (
                  <tr>
                    <td>
                      <a href={`/mentoring/${pool}/anfragen/${r.id}`}>
                        {t('mentoring.requestLink', { ref: r.menteeRef })}
                      </a>
                    </td>
                    <td>{municipalityName(r.municipality)}</td>
                    <td>{skills(r.languages)}</td>
                    <td>{slots(ctx, r.availability)}</td>
                    <td>{[...r.goals, ...r.interests].join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a href={`/mentoring/${pool}/zuteilung`}>{t('mentoring.assignmentLink')}</a>
          </p>
        </>
      )}

      <h2>{t('mentoring.tandems')}</h2>
      {tandems.length === 0 ? (
        <p>{t('mentoring.tandemsEmpty')}</p>
      ) : (
        <ul class="tandems" data-testid="tandems">
          {tandems.map((tandem) => (
            <TandemItem
              ctx={ctx}
              pool={pool}
              tandem={tandem}
              mentor={names.get(tandem.mentorId) ?? '–'}
              today={today}
              {...(failed?.tandemId === tandem.id ? { failed } : {})}
            />
          ))}
        </ul>
      )}

      <h2>{t('mentoring.mentors')}</h2>
      {mentors.length === 0 ? (
        <p>{t('mentoring.mentorsEmpty')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="mentors">
            <caption>{t('mentoring.mentorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mentoring.name')}</th>
                <th scope="col">{t('mentoring.languages')}</th>
                <th scope="col">{t('mentoring.municipality')}</th>
                <th scope="col">{t('mentoring.availability')}</th>
                <th scope="col">{t('mentoring.interests')}</th>
                <th scope="col">{t('mentoring.capacity')}</th>
                <th scope="col">{t('mentoring.consentOn')}</th>
              </tr>
            </thead>
            <tbody>
              {mentors.map((m) => (
                <tr>
                  <td>{m.name}</td>
                  <td>{skills(m.languages)}</td>
                  <td>{municipalityName(m.municipality)}</td>
                  <td>{slots(ctx, m.availability)}</td>
                  <td>{m.interests.join(', ') || '–'}</td>
                  <td>{t('mentoring.load', { load: m.load, capacity: m.capacity })}</td>
                  <td>{formatDate(m.consentOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** One tandem with the steps its status allows (proposed: activate or decline; active: check-in or end). */
function TandemItem({
  ctx,
  pool,
  tandem,
  mentor,
  today,
  failed,
}: {
  ctx: WebContext;
  pool: string;
  tandem: Tandem;
  mentor: string;
  today: string;
  failed?: FailedStep;
}) {
  const { t } = ctx;
  const heading = `tandem-${tandem.id.slice(0, 8)}`;
  const state = (step: string): FormState => ({
    ctx,
    form: `${heading}-${step}`,
    values: failed?.step === step ? failed.values : { on: today },
    errors: failed?.step === step ? failed.errors : [],
  });
  const stepForm = (step: string, label: string, fields: (s: FormState) => ComponentChildren) => {
    const s = state(step);
    return (
      <details class="action" open={s.errors.length > 0}>
        <summary>{t(label)}</summary>
        <form method="post" action={`/mentoring/${pool}/tandems/${tandem.id}/${step}`}>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <ErrorSummary s={s} id={`${s.form}-errors`} />
          {fields(s)}
          <button type="submit">{t(label)}</button>
        </form>
      </details>
    );
  };
  return (
    <li class="panel" aria-labelledby={heading} data-testid="tandem">
      <h3 id={heading}>{t('mentoring.tandemOf', { mentor })}</h3>
      <dl class="facts">
        <dt>{t('mentoring.status')}</dt>
        <dd data-testid="tandem-status">{t(`mentoring.tandemStatus.${tandem.status}`)}</dd>
        <dt>{t('mentoring.proposedOn')}</dt>
        <dd>{formatDate(tandem.proposedOn)}</dd>
        {tandem.startedOn ? (
          <>
            <dt>{t('mentoring.startedOn')}</dt>
            <dd>{formatDate(tandem.startedOn)}</dd>
          </>
        ) : null}
        {tandem.endedOn ? (
          <>
            <dt>{t('mentoring.endedOn')}</dt>
            <dd>
              {formatDate(tandem.endedOn)} ({t(`mentoring.endReason.${tandem.endReason}`)},{' '}
              {t(`mentoring.outcome.${tandem.outcome}`)})
            </dd>
          </>
        ) : null}
        {tandem.checkIns.length ? (
          <>
            <dt>{t('mentoring.checkIns')}</dt>
            <dd>{tandem.checkIns.map((c) => `${formatDate(c.on)}${c.note ? `: ${c.note}` : ''}`).join('; ')}</dd>
          </>
        ) : null}
      </dl>
      {tandem.status === 'proposed' ? (
        <>
          {stepForm('aktivieren', 'mentoring.activate', (s) => (
            <TextInput s={s} name="on" label="mentoring.activatedOn" type="date" required />
          ))}
          {stepForm('ablehnen', 'mentoring.decline', (s) => (
            <TextInput s={s} name="on" label="mentoring.declinedOn" type="date" required />
          ))}
        </>
      ) : null}
      {tandem.status === 'active' ? (
        <>
          {stepForm('check-in', 'mentoring.checkIn', (s) => (
            <>
              <TextInput s={s} name="on" label="mentoring.checkInOn" type="date" required />
              <TextInput s={s} name="note" label="mentoring.note" />
            </>
          ))}
          {stepForm('beenden', 'mentoring.end', (s) => (
            <div class="grid-2">
              <TextInput s={s} name="on" label="mentoring.endedOn" type="date" required />
              <Select
                s={s}
                name="reason"
                label="mentoring.reasonLabel"
                required
                empty="form.choose"
                options={END_REASONS.map((r) => ({ value: r, text: t(`mentoring.endReason.${r}`) }))}
              />
              <Select
                s={s}
                name="outcome"
                label="mentoring.outcomeLabel"
                required
                empty="form.choose"
                options={OUTCOMES.map((o) => ({ value: o, text: t(`mentoring.outcome.${o}`) }))}
              />
            </div>
          ))}
        </>
      ) : null}
    </li>
  );
}

/** One request with its ranked suggestions (score and reasons) and a button to propose each as a tandem. */
export function RequestPage({
  ctx,
  pool,
  request,
  suggestions,
  errors = [],
}: {
  ctx: WebContext;
  pool: string;
  request: MentoringRequest;
  suggestions: Suggestion[];
  errors?: FormState['errors'];
}) {
  const { t } = ctx;
  const s: FormState = { ctx, form: 'propose', values: {}, errors };
  return (
    <>
      <p>
        <a href={`/mentoring/${pool}`}>{t('mentoring.backToPool')}</a>
      </p>
      <h1>{t('mentoring.requestTitle', { ref: request.menteeRef })}</h1>
      <dl class="facts" data-testid="request">
        <dt>{t('mentoring.municipality')}</dt>
        <dd>{municipalityName(request.municipality)}</dd>
        <dt>{t('mentoring.languages')}</dt>
        <dd>{skills(request.languages)}</dd>
        <dt>{t('mentoring.availability')}</dt>
        <dd>{slots(ctx, request.availability)}</dd>
        <dt>{t('mentoring.goals')}</dt>
        <dd>{request.goals.join(', ') || '–'}</dd>
        <dt>{t('mentoring.interests')}</dt>
        <dd>{request.interests.join(', ') || '–'}</dd>
        <dt>{t('mentoring.hard')}</dt>
        <dd>
          {[
            request.hard.mentorGender ? t(`mentoring.gender.${request.hard.mentorGender}`) : null,
            request.hard.maxDistanceKm ? t('mentoring.maxDistance', { km: request.hard.maxDistanceKm }) : null,
          ]
            .filter(Boolean)
            .join(', ') || '–'}
        </dd>
        <dt>{t('mentoring.soft')}</dt>
        <dd>{request.soft.mentorGender ? t(`mentoring.gender.${request.soft.mentorGender}`) : '–'}</dd>
      </dl>
      <h2>{t('mentoring.suggestions')}</h2>
      <p>{t('mentoring.suggestionsIntro')}</p>
      <ErrorSummary s={s} id="propose-errors" />
      {suggestions.length === 0 ? (
        <p data-testid="suggestions-empty">{t('mentoring.suggestionsEmpty')}</p>
      ) : (
        <ol class="suggestions" data-testid="suggestions">
          {suggestions.map((sug) => (
            <li class="panel" aria-labelledby={`sug-${sug.mentorId.slice(0, 8)}`}>
              <h3 id={`sug-${sug.mentorId.slice(0, 8)}`}>
                {sug.name} – {t('mentoring.score', { score: sug.score })}
              </h3>
              <ul>
                {sug.reasons.map((r) => (
                  <li>
                    {t(`mentoring.reason.${r.kind}`)}: {r.detail} ({t('mentoring.points', { count: r.points })})
                  </li>
                ))}
              </ul>
              {request.status === 'open' ? (
                <form method="post" action={`/mentoring/${pool}/tandems`}>
                  <input type="hidden" name="_csrf" value={ctx.csrf} />
                  <input type="hidden" name="requestId" value={request.id} />
                  <input type="hidden" name="mentorId" value={sug.mentorId} />
                  <button type="submit">{t('mentoring.propose', { name: sug.name })}</button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** The pool-wide optimal assignment (a proposal): each open request with the mentor it would get, to propose. */
export function AssignmentPage({
  ctx,
  pool,
  assignment,
  requests,
  mentors,
}: {
  ctx: WebContext;
  pool: string;
  assignment: Assignment;
  requests: MentoringRequest[];
  mentors: Mentor[];
}) {
  const { t } = ctx;
  const req = new Map(requests.map((r) => [r.id, r]));
  const names = new Map(mentors.map((m) => [m.id, m.name]));
  return (
    <>
      <p>
        <a href={`/mentoring/${pool}`}>{t('mentoring.backToPool')}</a>
      </p>
      <h1>{t('mentoring.assignmentTitle')}</h1>
      <p>{t('mentoring.assignmentIntro')}</p>
      <p data-testid="unassigned">{t('mentoring.unassigned', { count: assignment.unassigned })}</p>
      <div class="table-wrap">
        <table data-testid="assignment">
          <caption>{t('mentoring.assignmentCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mentoring.mentee')}</th>
              <th scope="col">{t('mentoring.mentor')}</th>
              <th scope="col">{t('mentoring.scoreLabel')}</th>
              <th scope="col">{t('mentoring.action')}</th>
            </tr>
          </thead>
          <tbody>
            {assignment.assignments.map((a) => {
              const r = req.get(a.requestId);
              return (
                <tr>
                  <td>
                    <a href={`/mentoring/${pool}/anfragen/${a.requestId}`}>
                      {t('mentoring.requestLink', { ref: r?.menteeRef ?? a.requestId })}
                    </a>
                  </td>
                  <td>{a.mentorId ? (names.get(a.mentorId) ?? a.mentorId) : t('mentoring.noMentor')}</td>
                  <td>{a.score ?? '–'}</td>
                  <td>
                    {a.mentorId ? (
                      <form method="post" action={`/mentoring/${pool}/tandems`}>
                        <input type="hidden" name="_csrf" value={ctx.csrf} />
                        <input type="hidden" name="requestId" value={a.requestId} />
                        <input type="hidden" name="mentorId" value={a.mentorId} />
                        <button type="submit">{t('mentoring.propose', { name: names.get(a.mentorId) ?? '' })}</button>
                      </form>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
