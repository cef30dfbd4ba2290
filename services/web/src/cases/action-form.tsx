import type { WebContext } from '../shell/web-context.js';
import { languageOptions } from '../shared/reference-data.js';
import type { CaseDetail } from './case.api.js';
import { many, one, type Field, type FormError, type FormInput } from './form-spec.js';

/** What the form needs of an action: the officer's CaseAction, and the DFPA screens' actions on their own objects. */
export interface FormAction<C> {
  id: string;
  title: string;
  fields: (c: C) => readonly Field[];
  warning?: (c: C) => string | null;
}

export interface ActionFormProps<C extends { id: string } = CaseDetail> {
  ctx: WebContext;
  caseDetail: C;
  action: FormAction<C>;
  /** What the user typed (after a refusal): shown again, nothing lost. */
  values?: FormInput;
  errors?: FormError[];
  today: string;
  /** The form posts to `${basePath}/${id}/aktion/${action}`: the officer's case unless another screen says so. */
  basePath?: string;
}

const idOf = (action: string, name: string) => `f-${action}-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/**
 * One action as a form. After a refusal it is open, shows the service's message with its rule next to the
 * field it concerns (or above the form), announces the summary (role=alert) and keeps every value typed.
 */
export function ActionForm<C extends { id: string } = CaseDetail>({
  ctx,
  caseDetail,
  action,
  values,
  errors = [],
  today,
  basePath = '/faelle',
}: ActionFormProps<C>) {
  const { t } = ctx;
  const fields = action.fields(caseDetail);
  const warning = action.warning?.(caseDetail);
  const summaryId = `f-${action.id}-errors`;
  return (
    <details class="action" open={errors.length > 0} id={`aktion-${action.id}`}>
      <summary>{t(action.title)}</summary>
      <form
        method="post"
        action={`${basePath}/${caseDetail.id}/aktion/${action.id}`}
        novalidate={false}
        aria-describedby={errors.length ? summaryId : undefined}
      >
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        {errors.length ? (
          <div class="alert alert-error" role="alert" id={summaryId} tabIndex={-1} data-testid="form-errors">
            <p>
              <strong>{t('form.refused')}</strong>
            </p>
            <ul>
              {errors.map((e) => (
                <li>
                  {e.field ? <a href={`#${idOf(action.id, e.field)}`}>{e.message}</a> : e.message}
                  {e.rule ? (
                    <span class="rule" data-testid="rule">
                      {t('form.rule', { rule: e.rule })}
                      {e.ruleText ? `: ${e.ruleText}` : ''}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {warning ? (
          <p class="alert alert-warn" data-testid="form-warning">
            {t(warning)}
          </p>
        ) : null}
        {fields.map((f) => (
          <FieldView ctx={ctx} action={action.id} field={f} prefix="" values={values} errors={errors} today={today} />
        ))}
        <button type="submit">{t('form.save')}</button>
      </form>
    </details>
  );
}

interface FieldProps {
  ctx: WebContext;
  action: string;
  field: Field;
  prefix: string;
  values: FormInput | undefined;
  errors: FormError[];
  today: string;
}

function FieldView({ ctx, action, field, prefix, values, errors, today }: FieldProps) {
  const { t } = ctx;
  const name = `${prefix}${field.name}`;
  const id = idOf(action, name);
  const own = errors.filter((e) => e.field === name);
  const errorId = `${id}-error`;
  const hint = 'hint' in field && field.hint ? `${id}-hint` : undefined;
  const describedBy = [hint, own.length ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const invalid: 'true' | undefined = own.length ? 'true' : undefined;
  const errorText = own.length ? (
    <p class="field-error" id={errorId}>
      {own.map((e) => (
        <span>
          {e.message}
          {e.rule ? (
            <span class="rule">
              {t('form.rule', { rule: e.rule })}
              {e.ruleText ? `: ${e.ruleText}` : ''}
            </span>
          ) : null}
        </span>
      ))}
    </p>
  ) : null;
  const hintText =
    hint && 'hint' in field && field.hint ? (
      <span class="hint" id={hint}>
        {t(field.hint)}
      </span>
    ) : null;
  const given = values?.[name];
  const value = values ? one(given) : '';

  switch (field.kind) {
    case 'fieldset':
    case 'rows': {
      const inner =
        field.kind === 'fieldset'
          ? field.fields.map((f) => (
              <FieldView
                ctx={ctx}
                action={action}
                field={f}
                prefix={`${name}.`}
                values={values}
                errors={errors}
                today={today}
              />
            ))
          : Array.from({ length: field.count }, (_, i) => (
              <div class="grid-2" role="group" aria-label={`${t(field.label)} ${i + 1}`}>
                {field.fields.map((f) => (
                  <FieldView
                    ctx={ctx}
                    action={action}
                    field={f}
                    prefix={`${name}.${i}.`}
                    values={values}
                    errors={errors}
                    today={today}
                  />
                ))}
              </div>
            ));
      return (
        <fieldset
          id={id}
          class={own.length ? 'field-invalid' : undefined}
          aria-describedby={describedBy}
          tabIndex={own.length ? -1 : undefined}
        >
          <legend>{t(field.label)}</legend>
          {hintText}
          {errorText}
          {inner}
        </fieldset>
      );
    }
    case 'checkbox': {
      const checked = values ? one(given) !== '' : false;
      return (
        <div class="field">
          <label class="check" for={id}>
            <input
              type="checkbox"
              id={id}
              name={name}
              value="true"
              checked={checked}
              aria-invalid={invalid}
              aria-describedby={describedBy}
            />
            {t(field.label)}
          </label>
          {errorText}
        </div>
      );
    }
    case 'offer': {
      return (
        <div class="field">
          <label for={`${id}-q`}>{t('form.offerSearch')}</label>
          <span class="hint" id={`${id}-q-hint`}>
            {t('form.offerSearchHint')}
          </span>
          <input
            type="search"
            id={`${id}-q`}
            name="offerQuery"
            value={values ? one(values['offerQuery']) : ''}
            autocomplete="off"
            aria-describedby={`${id}-q-hint`}
            hx-get="/faelle/angebotsauswahl"
            hx-trigger="input changed delay:300ms, search"
            hx-target={`#${id}-wrap`}
            hx-swap="innerHTML"
          />
          <div id={`${id}-wrap`} aria-live="polite">
            <OfferSelect
              id={id}
              name={name}
              label={t(field.label)}
              none={t('form.none')}
              options={value ? [{ id: value, title: one(values?.[`${name}.title`]) || value }] : []}
              selected={value}
            />
          </div>
          {errorText}
        </div>
      );
    }
    case 'checks':
    case 'radio': {
      const chosen = many(given);
      return (
        <fieldset
          id={id}
          class={own.length ? 'field-invalid' : undefined}
          aria-describedby={describedBy}
          tabIndex={own.length ? -1 : undefined}
        >
          <legend>{t(field.label)}</legend>
          {hintText}
          {errorText}
          {field.options.map((o, i) => (
            <label class="check" for={`${id}-${i}`}>
              <input
                type={field.kind === 'radio' ? 'radio' : 'checkbox'}
                id={`${id}-${i}`}
                name={name}
                value={o.value}
                checked={chosen.includes(o.value)}
                required={field.kind === 'radio' ? true : undefined}
              />
              {o.text ?? t(o.label)}
            </label>
          ))}
        </fieldset>
      );
    }
    default: {
      const label = (
        <label for={id}>
          {t(field.label)}
          {'required' in field && field.required ? <span aria-hidden="true"> *</span> : null}
        </label>
      );
      const common = {
        id,
        name,
        'aria-invalid': invalid,
        'aria-describedby': describedBy,
        required: 'required' in field && field.required ? true : undefined,
      };
      let control;
      if (field.kind === 'textarea') control = <textarea {...common}>{value}</textarea>;
      else if (field.kind === 'number')
        control = <input type="number" {...common} min={field.min} max={field.max} value={value} />;
      else if (field.kind === 'date')
        control = <input type="date" {...common} value={values ? value : field.today ? today : ''} />;
      else if (field.kind === 'text') control = <input type="text" {...common} value={value} />;
      else if (field.kind === 'language') {
        control = (
          <select {...common}>
            <option value="">{t('form.choose')}</option>
            {languageOptions().map((l) => (
              <option value={l.code} selected={value === l.code}>
                {l.name}
              </option>
            ))}
          </select>
        );
      } else if (field.kind === 'select') {
        control = (
          <select {...common}>
            {field.empty ? <option value="">{t(field.empty)}</option> : null}
            {field.options.map((o) => (
              <option value={o.value} selected={value === o.value}>
                {o.label === 'cefr.level' || !o.label ? o.text : o.text ? `${t(o.label)} ${o.text}` : t(o.label)}
              </option>
            ))}
          </select>
        );
      } else {
        control = null;
      }
      return (
        <div class={own.length ? 'field field-invalid' : 'field'}>
          {label}
          {hintText}
          {control}
          {errorText}
        </div>
      );
    }
  }
}

/** The offer choice; the search above swaps it with the offers found (GET /faelle/angebotsauswahl). */
export function OfferSelect({
  id,
  name,
  label,
  none,
  options,
  selected,
}: {
  id: string;
  name: string;
  label: string;
  none: string;
  options: { id: string; title: string }[];
  selected?: string;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        <option value="">{none}</option>
        {options.map((o) => (
          <option value={o.id} selected={o.id === selected}>
            {o.title}
          </option>
        ))}
      </select>
    </>
  );
}
