import type { WebContext } from '../shell/web-context.js';
import { NoticeBox, type Notice } from './overview.view.js';
import { QUESTION_TYPES, type Question, type Questionnaire } from './self-declaration.api.js';

const limits = (ctx: WebContext, q: Question) =>
  [
    q.options?.map((o) => `${o.label} (${o.value})`).join(', '),
    q.min !== undefined ? `${ctx.t('selfDeclaration.min')} ${q.min}` : '',
    q.max !== undefined ? `${ctx.t('selfDeclaration.max')} ${q.max}` : '',
    q.maxLength !== undefined ? `${ctx.t('selfDeclaration.maxLength')} ${q.maxLength}` : '',
    q.prefill ? `${ctx.t('selfDeclaration.prefill')}: ${q.prefill}` : '',
  ]
    .filter(Boolean)
    .join(' · ');

/**
 * AGS's questionnaire editor: the sections and questions of one version; a draft takes new questions (of the types
 * the service knows) and loses others, and is published once; a published version is frozen (SD1): a change is a
 * new version, so the answers given to it stay readable.
 */
export function EditorView({
  ctx,
  questionnaire,
  notice,
  values = {},
  errors = {},
}: {
  ctx: WebContext;
  questionnaire: Questionnaire;
  notice?: Notice | undefined;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const { t } = ctx;
  const q = questionnaire;
  const draft = q.status === 'draft';
  const base = `/selbstdeklaration/frageboegen/${q.id}`;
  const err = (f: string) =>
    errors[f] ? (
      <p class="field-error" id={`e-${f}`}>
        {errors[f]}
      </p>
    ) : null;
  const inv = (f: string) => (errors[f] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `e-${f}` } : {});
  return (
    <>
      <h1>
        {q.definition.title}{' '}
        <span class="hint">{t('selfDeclaration.yearVersion', { year: q.year, version: q.version })}</span>
      </h1>
      <p>
        <a href="/selbstdeklaration">{t('selfDeclaration.back')}</a>
      </p>
      <p data-testid="questionnaire-status">
        {t('selfDeclaration.status')}: <strong>{t(`selfDeclaration.questionnaireStatus.${q.status}`)}</strong>
        {draft ? '' : ` · ${t('selfDeclaration.frozenHint')}`}
      </p>
      <NoticeBox notice={notice} />
      {q.definition.sections.map((s) => (
        <section aria-labelledby={`s-${s.key}`}>
          <h2 id={`s-${s.key}`}>{s.title}</h2>
          <div class="table-wrap">
            <table data-testid={`section-${s.key}`}>
              <caption>{t('selfDeclaration.questionsOf', { section: s.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('selfDeclaration.question')}</th>
                  <th scope="col">{t('selfDeclaration.type')}</th>
                  <th scope="col">{t('selfDeclaration.required')}</th>
                  <th scope="col">{t('selfDeclaration.choices')}</th>
                  {draft ? <th scope="col">{t('selfDeclaration.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {s.questions.map((question) => (
                  <tr>
                    <td>
                      {question.label} <span class="hint">{question.key}</span>
                    </td>
                    <td>{t(`selfDeclaration.types.${question.type}`)}</td>
                    <td>{question.required ? t('selfDeclaration.yes') : t('selfDeclaration.no')}</td>
                    <td>{limits(ctx, question)}</td>
                    {draft ? (
                      <td>
                        <form method="post" action={`${base}/fragen/${question.key}/entfernen`} class="inline-form">
                          <input type="hidden" name="_csrf" value={ctx.csrf} />
                          <button
                            type="submit"
                            class="button-secondary"
                            aria-label={t('selfDeclaration.removeQuestion', { label: question.label })}
                          >
                            {t('selfDeclaration.remove')}
                          </button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {draft ? (
        <>
          <h2>{t('selfDeclaration.addQuestion')}</h2>
          <form method="post" action={`${base}/fragen`} data-testid="add-question">
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <div class="grid-2">
              <div class="field">
                <label for="n-section">{t('selfDeclaration.section')}</label>
                <select id="n-section" name="section">
                  {q.definition.sections.map((s) => (
                    <option value={s.key} selected={values['section'] === s.key}>
                      {s.title}
                    </option>
                  ))}
                  <option value="" selected={values['section'] === ''}>
                    {t('selfDeclaration.newSection')}
                  </option>
                </select>
              </div>
              <div class="field">
                <label for="n-sectionTitle">{t('selfDeclaration.newSectionTitle')}</label>
                <input
                  type="text"
                  id="n-sectionTitle"
                  name="sectionTitle"
                  maxLength={200}
                  value={values['sectionTitle'] ?? ''}
                  {...inv('sectionTitle')}
                />
                {err('sectionTitle')}
              </div>
            </div>
            <div class="field">
              <label for="n-label">{t('selfDeclaration.questionText')}</label>
              <input
                type="text"
                id="n-label"
                name="label"
                required
                maxLength={500}
                value={values['label'] ?? ''}
                {...inv('label')}
              />
              {err('label')}
            </div>
            <div class="grid-2">
              <div class="field">
                <label for="n-type">{t('selfDeclaration.type')}</label>
                <select id="n-type" name="type">
                  {QUESTION_TYPES.map((type) => (
                    <option value={type} selected={values['type'] === type}>
                      {t(`selfDeclaration.types.${type}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label class="check" for="n-required">
                  <input
                    type="checkbox"
                    id="n-required"
                    name="required"
                    value="1"
                    checked={values['required'] === '1'}
                  />
                  {t('selfDeclaration.required')}
                </label>
              </div>
            </div>
            <div class="field">
              <label for="n-options">{t('selfDeclaration.options')}</label>
              <textarea
                id="n-options"
                name="options"
                aria-describedby={errors['options'] ? 'e-options n-options-hint' : 'n-options-hint'}
                aria-invalid={errors['options'] ? 'true' : undefined}
              >
                {values['options'] ?? ''}
              </textarea>
              <span class="hint" id="n-options-hint">
                {t('selfDeclaration.optionsHint')}
              </span>
              {err('options')}
            </div>
            <div class="grid-2">
              <div class="field">
                <label for="n-min">{t('selfDeclaration.min')}</label>
                <input type="number" id="n-min" name="min" value={values['min'] ?? ''} {...inv('min')} />
                {err('min')}
              </div>
              <div class="field">
                <label for="n-max">{t('selfDeclaration.max')}</label>
                <input type="number" id="n-max" name="max" value={values['max'] ?? ''} {...inv('max')} />
                {err('max')}
              </div>
              <div class="field">
                <label for="n-maxLength">{t('selfDeclaration.maxLength')}</label>
                <input
                  type="number"
                  id="n-maxLength"
                  name="maxLength"
                  min={1}
                  max={20000}
                  value={values['maxLength'] ?? ''}
                  {...inv('maxLength')}
                />
                {err('maxLength')}
              </div>
            </div>
            <button type="submit">{t('selfDeclaration.addQuestionButton')}</button>
          </form>
          <h2>{t('selfDeclaration.publish')}</h2>
          <p class="hint">{t('selfDeclaration.publishHint')}</p>
          <form method="post" action={`${base}/veroeffentlichung`}>
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <button type="submit">{t('selfDeclaration.publishButton')}</button>
          </form>
        </>
      ) : null}
    </>
  );
}
