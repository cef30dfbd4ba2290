import type { WebContext } from '../shell/web-context.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import type { Questionnaire, ResponseSummary, Round } from './self-declaration.api.js';

export interface Notice {
  ok: boolean;
  text: string;
}

export function NoticeBox({ notice }: { notice?: Notice | undefined }) {
  if (!notice) return null;
  return (
    <div
      class={`alert ${notice.ok ? 'alert-ok' : 'alert-error'}`}
      role={notice.ok ? 'status' : 'alert'}
      data-testid="notice"
    >
      {notice.text}
    </div>
  );
}

export function StateBadge({ ctx, state }: { ctx: WebContext; state: string }) {
  return (
    <span class={`badge badge-sd-${state}`} data-testid="state">
      {ctx.t(`selfDeclaration.state.${state}`)}
    </span>
  );
}

/** AGS: the questionnaire versions, the rounds, and the forms to start a version and open a round. */
export function AgsOverview({
  ctx,
  questionnaires,
  rounds,
  notice,
  values = {},
}: {
  ctx: WebContext;
  questionnaires: Questionnaire[];
  rounds: Round[];
  notice?: Notice | undefined;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  const published = questionnaires.filter((q) => q.status === 'published');
  const nextYear = new Date().getFullYear();
  return (
    <>
      <h1>{t('selfDeclaration.title')}</h1>
      <p>{t('selfDeclaration.agsIntro')}</p>
      <NoticeBox notice={notice} />
      <h2>{t('selfDeclaration.rounds')}</h2>
      {rounds.length ? (
        <div class="table-wrap">
          <table data-testid="rounds">
            <caption>{t('selfDeclaration.rounds')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('selfDeclaration.year')}</th>
                <th scope="col">{t('selfDeclaration.questionnaireVersion')}</th>
                <th scope="col">{t('selfDeclaration.deadline')}</th>
                <th scope="col">{t('selfDeclaration.opened')}</th>
              </tr>
            </thead>
            <tbody>
              {[...rounds].reverse().map((r) => (
                <tr>
                  <td>
                    <a href={`/selbstdeklaration/runden/${r.id}`}>{t('selfDeclaration.roundOf', { year: r.year })}</a>
                  </td>
                  <td>{r.questionnaireVersion}</td>
                  <td>{formatDate(r.deadline)}</td>
                  <td>
                    {r.openedBy} <span class="hint">{formatDateTime(r.openedAt)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('selfDeclaration.noRounds')}</p>
      )}
      <h3>{t('selfDeclaration.openRound')}</h3>
      {published.length ? (
        <form method="post" action="/selbstdeklaration/runden" class="filters">
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <div>
            <label for="r-questionnaire">{t('selfDeclaration.questionnaire')}</label>
            <select id="r-questionnaire" name="questionnaireId" required>
              {[...published].reverse().map((q) => (
                <option value={q.id} selected={values['questionnaireId'] === q.id}>
                  {q.year}, {t('selfDeclaration.version', { version: q.version })}: {q.definition.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="r-year">{t('selfDeclaration.year')}</label>
            <input
              type="number"
              id="r-year"
              name="year"
              min={2000}
              max={2100}
              required
              value={values['year'] ?? String(nextYear)}
            />
          </div>
          <div>
            <label for="r-deadline">{t('selfDeclaration.deadline')}</label>
            <input type="date" id="r-deadline" name="deadline" required value={values['deadline'] ?? ''} />
          </div>
          <div>
            <button type="submit">{t('selfDeclaration.openRoundButton')}</button>
          </div>
        </form>
      ) : (
        <p class="hint">{t('selfDeclaration.publishFirst')}</p>
      )}
      <h2>{t('selfDeclaration.questionnaires')}</h2>
      {questionnaires.length ? (
        <div class="table-wrap">
          <table data-testid="questionnaires">
            <caption>{t('selfDeclaration.questionnaires')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('selfDeclaration.year')}</th>
                <th scope="col">{t('selfDeclaration.versionTitle')}</th>
                <th scope="col">{t('selfDeclaration.questionnaireTitle')}</th>
                <th scope="col">{t('selfDeclaration.status')}</th>
              </tr>
            </thead>
            <tbody>
              {[...questionnaires].reverse().map((q) => (
                <tr>
                  <td>{q.year}</td>
                  <td>
                    <a href={`/selbstdeklaration/frageboegen/${q.id}`}>
                      {t('selfDeclaration.version', { version: q.version })}
                    </a>
                  </td>
                  <td>{q.definition.title}</td>
                  <td>
                    {t(`selfDeclaration.questionnaireStatus.${q.status}`)}
                    {q.publishedAt ? <span class="hint">{formatDateTime(q.publishedAt)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('selfDeclaration.noQuestionnaires')}</p>
      )}
      <h3>{t('selfDeclaration.newVersion')}</h3>
      <p class="hint">{t('selfDeclaration.newVersionHint')}</p>
      <form method="post" action="/selbstdeklaration/frageboegen" class="filters">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <div>
          <label for="q-year">{t('selfDeclaration.year')}</label>
          <input
            type="number"
            id="q-year"
            name="year"
            min={2000}
            max={2100}
            required
            value={values['qyear'] ?? String(nextYear)}
          />
        </div>
        <div>
          <label for="q-basis">{t('selfDeclaration.basis')}</label>
          <select id="q-basis" name="basis">
            {[...questionnaires].reverse().map((q) => (
              <option value={q.id}>
                {q.year}, {t('selfDeclaration.version', { version: q.version })}: {q.definition.title}
              </option>
            ))}
            <option value="">{t('selfDeclaration.basisEmpty')}</option>
          </select>
        </div>
        <div>
          <label for="q-title">{t('selfDeclaration.questionnaireTitle')}</label>
          <input type="text" id="q-title" name="title" maxLength={200} value={values['title'] ?? ''} />
          <span class="hint">{t('selfDeclaration.titleHint')}</span>
        </div>
        <div>
          <button type="submit">{t('selfDeclaration.createVersion')}</button>
        </div>
      </form>
    </>
  );
}

/** The municipality: its rounds, and per round the state of its own municipalities' responses. */
export function OfficerOverview({
  ctx,
  rounds,
}: {
  ctx: WebContext;
  rounds: { round: Round; responses: ResponseSummary[] }[];
}) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('selfDeclaration.title')}</h1>
      <p>{t('selfDeclaration.officerIntro')}</p>
      {rounds.length === 0 ? <p>{t('selfDeclaration.noRounds')}</p> : null}
      {[...rounds].reverse().map(({ round, responses }) => (
        <section aria-labelledby={`round-${round.id}`}>
          <h2 id={`round-${round.id}`}>
            {t('selfDeclaration.roundOf', { year: round.year })}{' '}
            <span class="hint">{t('selfDeclaration.deadlineOn', { date: formatDate(round.deadline) })}</span>
          </h2>
          <ul class="responses" data-testid="own-responses">
            {responses.map((r) => (
              <li>
                <a href={`/selbstdeklaration/runden/${round.id}/${r.municipality}`}>{r.name}</a>{' '}
                <StateBadge ctx={ctx} state={r.state} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
