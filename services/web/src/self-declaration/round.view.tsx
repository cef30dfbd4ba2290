import type { WebContext } from '../shell/web-context.js';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format.js';
import { StateBadge } from './overview.view.js';
import type { QuestionResult, ResponseSummary, Round, RoundResults } from './self-declaration.api.js';

const ORDER = ['submitted', 'returned', 'draft', 'accepted', 'not-started'];

function OptionRows({ ctx, result }: { ctx: WebContext; result: QuestionResult }) {
  const prev = new Map((result.previousYear?.options ?? []).map((o) => [o.value, o]));
  const previous = (value: string) => {
    const o = prev.get(value);
    return o ? `${formatNumber(o.sharePercent)} %` : '–';
  };
  const numbers = result.numbers;
  return (
    <>
      {(result.options ?? []).map((o) => (
        <tr>
          <th scope="row">{o.label}</th>
          <td class="num">{formatNumber(o.count)}</td>
          <td class="num">{formatNumber(o.sharePercent)} %</td>
          {result.previousYear ? <td class="num">{previous(o.value)}</td> : null}
        </tr>
      ))}
      {numbers ? (
        <>
          {(['sum', 'mean', 'median'] as const).map((k) => (
            <tr>
              <th scope="row">{ctx.t(`selfDeclaration.numbers.${k}`)}</th>
              <td class="num" colSpan={2}>
                {formatNumber(numbers[k])}
              </td>
              {result.previousYear ? (
                <td class="num">{result.previousYear.numbers ? formatNumber(result.previousYear.numbers[k]) : '–'}</td>
              ) : null}
            </tr>
          ))}
        </>
      ) : null}
    </>
  );
}

/** AGS: a round's responses per municipality, the share submitted, and the answers per question across municipalities. */
export function RoundView({
  ctx,
  round,
  results,
  responses,
}: {
  ctx: WebContext;
  round: Round;
  results: RoundResults;
  responses: ResponseSummary[];
}) {
  const { t } = ctx;
  const sorted = [...responses].sort(
    (a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.name.localeCompare(b.name, 'de-CH'),
  );
  return (
    <>
      <h1>{t('selfDeclaration.roundOf', { year: round.year })}</h1>
      <p>
        <a href="/selbstdeklaration">{t('selfDeclaration.back')}</a>
      </p>
      <p>
        {t('selfDeclaration.deadlineOn', { date: formatDate(round.deadline) })} ·{' '}
        {t('selfDeclaration.yearVersion', { year: round.year, version: round.questionnaireVersion })}
      </p>
      <ul class="counters" data-testid="round-counters">
        <li class="counter" data-testid="share-submitted">
          <strong>{formatNumber(results.shareSubmittedPercent)} %</strong>
          {t('selfDeclaration.shareSubmitted', { count: results.municipalities })}
        </li>
        {ORDER.map((s) => (
          <li class="counter">
            <strong>{formatNumber(results.byState[s as keyof RoundResults['byState']] ?? 0)}</strong>
            {t(`selfDeclaration.state.${s}`)}
          </li>
        ))}
      </ul>
      <h2>{t('selfDeclaration.responses')}</h2>
      <div class="table-wrap">
        <table data-testid="responses">
          <caption>{t('selfDeclaration.responsesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('selfDeclaration.municipality')}</th>
              <th scope="col">{t('selfDeclaration.status')}</th>
              <th scope="col">{t('selfDeclaration.submittedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr data-bfs={r.municipality}>
                <td>
                  <a href={`/selbstdeklaration/runden/${round.id}/${r.municipality}`}>{r.name}</a>
                </td>
                <td>
                  <StateBadge ctx={ctx} state={r.state} />
                  {r.late ? <span class="badge badge-overdue">{t('selfDeclaration.late')}</span> : null}
                </td>
                <td>{formatDateTime(r.submittedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('selfDeclaration.results')}</h2>
      <p class="hint">{t('selfDeclaration.resultsHint')}</p>
      {results.questions.map((q) => (
        <div class="table-wrap">
          <table data-testid={`result-${q.key}`}>
            <caption>
              {q.label} <span class="hint">{t('selfDeclaration.answeredBy', { count: q.answered })}</span>
            </caption>
            {q.options || q.numbers ? (
              <>
                <thead>
                  <tr>
                    <th scope="col">{t('selfDeclaration.answer')}</th>
                    <th scope="col" class="num">
                      {t('selfDeclaration.count')}
                    </th>
                    <th scope="col" class="num">
                      {t('selfDeclaration.share')}
                    </th>
                    {q.previousYear ? (
                      <th scope="col" class="num">
                        {t('selfDeclaration.previousYear', { year: q.previousYear.year })}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  <OptionRows ctx={ctx} result={q} />
                </tbody>
              </>
            ) : (
              <tbody>
                <tr>
                  <td>{t('selfDeclaration.textAnswers')}</td>
                </tr>
              </tbody>
            )}
          </table>
        </div>
      ))}
    </>
  );
}
