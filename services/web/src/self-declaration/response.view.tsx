import type { WebContext } from '../shell/web-context.js';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format.js';
import { fieldName } from './answers-form.js';
import { NoticeBox, StateBadge, type Notice } from './overview.view.js';
import {
  EDITABLE,
  type Answer,
  type Answers,
  type Question,
  type Questionnaire,
  type ResponseView,
} from './self-declaration.api.js';

function answerText(ctx: WebContext, q: Question, a: Answer | undefined): string {
  if (a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0)) return '–';
  if (q.type === 'yesno')
    return a === true ? ctx.t('selfDeclaration.yes') : a === false ? ctx.t('selfDeclaration.no') : String(a);
  const label = (v: string) => q.options?.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(a)) return a.map(label).join(', ');
  if (q.type === 'single') return label(String(a));
  if (q.type === 'number' && typeof a === 'number') return formatNumber(a);
  if (q.type === 'date') return formatDate(String(a));
  return String(a);
}

/** One question as a form field, with its error (from the service) right beside it. */
function QuestionField({
  ctx,
  q,
  value,
  errors,
  from,
}: {
  ctx: WebContext;
  q: Question;
  value: Answer | undefined;
  errors: string[];
  from?: 'previous-year' | 'platform' | undefined;
}) {
  const { t } = ctx;
  const name = fieldName(q.key);
  const id = `q-${q.key}`;
  const described =
    [errors.length ? `${id}-error` : '', from ? `${id}-from` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = errors.length ? 'true' : undefined;
  const label = (
    <>
      {q.label}
      {q.required ? <span class="hint">{t('selfDeclaration.requiredMark')}</span> : null}
    </>
  );
  const after = (
    <>
      {from ? (
        <span class="hint" id={`${id}-from`}>
          {t(`selfDeclaration.prefilled.${from}`)}
        </span>
      ) : null}
      {errors.length ? (
        <p class="field-error" id={`${id}-error`} data-testid={`error-${q.key}`}>
          {errors.join('; ')}
        </p>
      ) : null}
    </>
  );
  const str = value === undefined || value === null ? '' : String(value);
  if (q.type === 'single' || q.type === 'multi' || q.type === 'yesno') {
    const options =
      q.type === 'yesno'
        ? [
            { value: 'ja', label: t('selfDeclaration.yes') },
            { value: 'nein', label: t('selfDeclaration.no') },
          ]
        : (q.options ?? []);
    const checked = (v: string) =>
      q.type === 'yesno'
        ? (v === 'ja' && value === true) || (v === 'nein' && value === false) || str === v
        : Array.isArray(value)
          ? value.includes(v)
          : str === v;
    return (
      <fieldset class={errors.length ? 'field-invalid' : undefined} aria-describedby={described} data-question={q.key}>
        <legend>{label}</legend>
        {options.map((o, i) => (
          <label class="check" for={`${id}-${i}`}>
            <input
              type={q.type === 'multi' ? 'checkbox' : 'radio'}
              id={`${id}-${i}`}
              name={name}
              value={o.value}
              checked={checked(o.value)}
              aria-invalid={invalid}
            />
            {o.label}
          </label>
        ))}
        {after}
      </fieldset>
    );
  }
  return (
    <div class={`field${errors.length ? ' field-invalid' : ''}`} data-question={q.key}>
      <label for={id}>{label}</label>
      {q.type === 'text' ? (
        <textarea id={id} name={name} maxLength={q.maxLength} aria-describedby={described} aria-invalid={invalid}>
          {str}
        </textarea>
      ) : q.type === 'date' ? (
        <input type="date" id={id} name={name} value={str} aria-describedby={described} aria-invalid={invalid} />
      ) : (
        <input
          type="text"
          inputMode={q.type === 'number' ? 'decimal' : undefined}
          id={id}
          name={name}
          value={str}
          aria-describedby={described}
          aria-invalid={invalid}
        />
      )}
      {q.type === 'number' && (q.min !== undefined || q.max !== undefined) ? (
        <span class="hint">{t('selfDeclaration.range', { min: q.min ?? '–', max: q.max ?? '–' })}</span>
      ) : null}
      {after}
    </div>
  );
}

function History({ ctx, response }: { ctx: WebContext; response: ResponseView }) {
  const { t } = ctx;
  if (!response.history.length) return null;
  return (
    <>
      <h2>{t('selfDeclaration.history')}</h2>
      <ol class="timeline" data-testid="history">
        {[...response.history].reverse().map((h) => (
          <li>
            <time dateTime={h.at}>{formatDateTime(h.at)}</time>
            {t(`selfDeclaration.action.${h.action}`)} ({h.actor}) → {t(`selfDeclaration.state.${h.state}`)}
            {h.comment ? <p class="description">{h.comment}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function Head({ ctx, response }: { ctx: WebContext; response: ResponseView }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('selfDeclaration.responseTitle', { name: response.name, year: response.year })}</h1>
      <p>
        <a href={`/selbstdeklaration${ctx.user?.roles.includes('ags') ? `/runden/${response.roundId}` : ''}`}>
          {t('selfDeclaration.back')}
        </a>
      </p>
      <p>
        {t('selfDeclaration.status')}: <StateBadge ctx={ctx} state={response.state} /> ·{' '}
        {t('selfDeclaration.deadlineOn', { date: formatDate(response.deadline) })}
        {response.answeredByLeitgemeinde ? ` · ${t('selfDeclaration.byLeitgemeinde')}` : ''}
      </p>
      {response.state === 'returned' && response.comment ? (
        <div class="alert alert-warn" data-testid="return-comment">
          <strong>{t('selfDeclaration.returnedWith')}</strong>
          <p class="description">{response.comment}</p>
        </div>
      ) : null}
    </>
  );
}

/** The municipality's form: a draft prefilled, saved or submitted; refusals next to their question. */
export function ResponseFormView({
  ctx,
  response,
  questionnaire,
  answers,
  errors = new Map(),
  notice,
}: {
  ctx: WebContext;
  response: ResponseView;
  questionnaire: Questionnaire;
  answers?: Answers;
  errors?: Map<string, string[]>;
  notice?: Notice | undefined;
}) {
  const { t } = ctx;
  const editable = EDITABLE.includes(response.state);
  const shown = answers ?? response.answers;
  const questions = questionnaire.definition.sections.flatMap((s) => s.questions);
  return (
    <>
      <Head ctx={ctx} response={response} />
      <NoticeBox notice={notice} />
      {errors.size ? (
        <div class="alert alert-error" role="alert" data-testid="form-errors">
          <p>
            <strong>{t('selfDeclaration.fixErrors')}</strong>
          </p>
          <ul>
            {questions
              .filter((q) => errors.has(q.key))
              .map((q) => (
                <li>
                  <a href={`#q-${q.key}${q.type === 'single' || q.type === 'multi' || q.type === 'yesno' ? '-0' : ''}`}>
                    {q.label}
                  </a>
                  : {(errors.get(q.key) ?? []).join('; ')}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      {editable ? (
        <form
          method="post"
          action={`/selbstdeklaration/runden/${response.roundId}/${response.municipality}`}
          data-testid="response-form"
          novalidate
        >
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          {questionnaire.definition.sections.map((s) => (
            <section aria-labelledby={`s-${s.key}`}>
              <h2 id={`s-${s.key}`}>{s.title}</h2>
              {s.questions.map((q) => (
                <QuestionField
                  ctx={ctx}
                  q={q}
                  value={shown[q.key]}
                  errors={errors.get(q.key) ?? []}
                  from={answers ? undefined : response.prefilledFrom[q.key]}
                />
              ))}
            </section>
          ))}
          <div class="actions">
            <button type="submit" name="aktion" value="einreichen">
              {t('selfDeclaration.submit')}
            </button>
            <button type="submit" name="aktion" value="speichern" class="button-secondary">
              {t('selfDeclaration.saveDraft')}
            </button>
          </div>
        </form>
      ) : (
        <AnswerList ctx={ctx} response={response} questionnaire={questionnaire} />
      )}
      <History ctx={ctx} response={response} />
    </>
  );
}

function AnswerList({
  ctx,
  response,
  questionnaire,
}: {
  ctx: WebContext;
  response: ResponseView;
  questionnaire: Questionnaire;
}) {
  return (
    <div data-testid="answers">
      {questionnaire.definition.sections.map((s) => (
        <section aria-labelledby={`s-${s.key}`}>
          <h2 id={`s-${s.key}`}>{s.title}</h2>
          <dl class="facts">
            {s.questions.map((q) => (
              <>
                <dt>{q.label}</dt>
                <dd data-answer={q.key}>{answerText(ctx, q, response.answers[q.key])}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

/** AGS reads a response and, once submitted, returns it with a comment or accepts it. */
export function ResponseReviewView({
  ctx,
  response,
  questionnaire,
  notice,
  comment = '',
  commentError,
}: {
  ctx: WebContext;
  response: ResponseView;
  questionnaire: Questionnaire;
  notice?: Notice | undefined;
  comment?: string;
  commentError?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <Head ctx={ctx} response={response} />
      <NoticeBox notice={notice} />
      <AnswerList ctx={ctx} response={response} questionnaire={questionnaire} />
      {response.state === 'submitted' ? (
        <>
          <h2>{t('selfDeclaration.decision')}</h2>
          <form
            method="post"
            action={`/selbstdeklaration/runden/${response.roundId}/${response.municipality}/entscheid`}
            data-testid="decision-form"
          >
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <div class={`field${commentError ? ' field-invalid' : ''}`}>
              <label for="d-comment">{t('selfDeclaration.comment')}</label>
              <textarea
                id="d-comment"
                name="comment"
                maxLength={4000}
                aria-describedby={commentError ? 'd-comment-error d-comment-hint' : 'd-comment-hint'}
                aria-invalid={commentError ? 'true' : undefined}
              >
                {comment}
              </textarea>
              <span class="hint" id="d-comment-hint">
                {t('selfDeclaration.commentHint')}
              </span>
              {commentError ? (
                <p class="field-error" id="d-comment-error">
                  {commentError}
                </p>
              ) : null}
            </div>
            <div class="actions">
              <button type="submit" name="aktion" value="annehmen">
                {t('selfDeclaration.accept')}
              </button>
              <button type="submit" name="aktion" value="zurueckweisen" class="button-secondary">
                {t('selfDeclaration.return')}
              </button>
            </div>
          </form>
        </>
      ) : null}
      <History ctx={ctx} response={response} />
    </>
  );
}
