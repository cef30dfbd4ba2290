import type { ComponentChildren } from 'preact';
import { many, one, type FormError, type FormInput } from '../cases/form-spec.js';
import type { WebContext } from '../shell/web-context.js';

/** What every field of a form of the offers screens needs: values typed so far and the complaints to place. */
export interface FormState {
  ctx: WebContext;
  /** Prefix of element ids, unique per form on the page. */
  form: string;
  values: FormInput;
  errors: (FormError & { detail?: string })[];
}

export const fieldId = (form: string, name: string) => `${form}-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** The complaints about one field, with the rule they name, linked to the field by aria-describedby. */
function FieldErrors({ s, name }: { s: FormState; name: string }) {
  const own = s.errors.filter((e) => e.field === name);
  if (!own.length) return null;
  return (
    <p class="field-error" id={`${fieldId(s.form, name)}-error`}>
      {own.map((e) => (
        <span>
          {e.message}
          {e.rule ? <span class="rule">{s.ctx.t('form.rule', { rule: e.rule })}</span> : null}
          {e.detail ? (
            <span class="hint" lang="en">
              {' '}
              ({e.detail})
            </span>
          ) : null}
        </span>
      ))}
    </p>
  );
}

function describedBy(s: FormState, name: string, hint?: string): string | undefined {
  const id = fieldId(s.form, name);
  const parts = [hint ? `${id}-hint` : undefined, s.errors.some((e) => e.field === name) ? `${id}-error` : undefined];
  return parts.filter(Boolean).join(' ') || undefined;
}

const invalid = (s: FormState, name: string): 'true' | undefined =>
  s.errors.some((e) => e.field === name) ? 'true' : undefined;

interface InputProps {
  s: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  lang?: string;
}

function Wrap({ s, name, label, hint, required, children }: InputProps & { children: ComponentChildren }) {
  const id = fieldId(s.form, name);
  return (
    <div class={invalid(s, name) ? 'field field-invalid' : 'field'}>
      <label for={id}>
        {s.ctx.t(label)}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {s.ctx.t(hint)}
        </span>
      ) : null}
      {children}
      <FieldErrors s={s} name={name} />
    </div>
  );
}

export function TextInput(
  p: InputProps & {
    type?: 'text' | 'date' | 'number' | 'email' | 'url' | 'tel';
    min?: number;
    max?: number;
    step?: string;
  },
) {
  const { s, name } = p;
  return (
    <Wrap {...p}>
      <input
        type={(p.type ?? 'text') as 'text'}
        id={fieldId(s.form, name)}
        name={name}
        value={one(s.values[name])}
        required={p.required}
        min={p.min}
        max={p.max}
        step={p.step}
        lang={p.lang}
        aria-invalid={invalid(s, name)}
        aria-describedby={describedBy(s, name, p.hint)}
      />
    </Wrap>
  );
}

export function TextArea(p: InputProps & { rows?: number }) {
  const { s, name } = p;
  return (
    <Wrap {...p}>
      <textarea
        id={fieldId(s.form, name)}
        name={name}
        rows={p.rows ?? 4}
        required={p.required}
        lang={p.lang}
        aria-invalid={invalid(s, name)}
        aria-describedby={describedBy(s, name, p.hint)}
      >
        {one(s.values[name])}
      </textarea>
    </Wrap>
  );
}

/** `options`: value and the text shown (already translated). */
export function Select(p: InputProps & { options: readonly { value: string; text: string }[]; empty?: string }) {
  const { s, name } = p;
  const value = one(s.values[name]);
  return (
    <Wrap {...p}>
      <select
        id={fieldId(s.form, name)}
        name={name}
        required={p.required}
        aria-invalid={invalid(s, name)}
        aria-describedby={describedBy(s, name, p.hint)}
      >
        {p.empty !== undefined ? <option value="">{s.ctx.t(p.empty)}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.text}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function Checkbox({ s, name, label }: { s: FormState; name: string; label: string }) {
  const id = fieldId(s.form, name);
  return (
    <div class="field">
      <label class="check" for={id}>
        <input
          type="checkbox"
          id={id}
          name={name}
          value="true"
          checked={one(s.values[name]) !== ''}
          aria-invalid={invalid(s, name)}
          aria-describedby={describedBy(s, name)}
        />
        {s.ctx.t(label)}
      </label>
      <FieldErrors s={s} name={name} />
    </div>
  );
}

/** A group of checkboxes sending one name repeatedly (`options` already translated). */
export function Checks({
  s,
  name,
  legend,
  hint,
  options,
}: {
  s: FormState;
  name: string;
  legend: string;
  hint?: string;
  options: readonly { value: string; text: string }[];
}) {
  const id = fieldId(s.form, name);
  const chosen = many(s.values[name]);
  return (
    <Group s={s} name={name} legend={legend} {...(hint ? { hint } : {})}>
      <div class="checks">
        {options.map((o, i) => (
          <label class="check" for={`${id}-${i}`}>
            <input type="checkbox" id={`${id}-${i}`} name={name} value={o.value} checked={chosen.includes(o.value)} />
            {o.text}
          </label>
        ))}
      </div>
    </Group>
  );
}

/** A fieldset that can itself carry complaints (`/registration`, `/locations`, `/texts/fr`). */
export function Group({
  s,
  name,
  legend,
  hint,
  lang,
  children,
}: {
  s: FormState;
  name: string;
  legend: string;
  hint?: string;
  lang?: string;
  children: ComponentChildren;
}) {
  const id = fieldId(s.form, name);
  const bad = invalid(s, name);
  return (
    <fieldset
      id={id}
      class={bad ? 'field-invalid' : undefined}
      aria-describedby={describedBy(s, name, hint)}
      tabIndex={bad ? -1 : undefined}
      lang={lang}
    >
      <legend>{s.ctx.t(legend)}</legend>
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {s.ctx.t(hint)}
        </span>
      ) : null}
      <FieldErrors s={s} name={name} />
      {children}
    </fieldset>
  );
}

/** The announced summary above a refused form: each complaint links to its field. */
export function ErrorSummary({ s, id }: { s: FormState; id: string }) {
  if (!s.errors.length) return null;
  const { t } = s.ctx;
  return (
    <div class="alert alert-error" role="alert" id={id} tabIndex={-1} data-testid="form-errors">
      <p>
        <strong>{t('form.refused')}</strong>
      </p>
      <ul>
        {s.errors.map((e) => (
          <li>
            {e.field ? <a href={`#${fieldId(s.form, e.field)}`}>{e.message}</a> : e.message}
            {e.rule ? (
              <span class="rule" data-testid="rule">
                {t('form.rule', { rule: e.rule })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
