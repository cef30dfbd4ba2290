import type { FormError } from '../cases/form-spec.js';
import type { WebContext } from '../shell/web-context.js';

/** The rule a refusal names, as the officer reads it: "Regel S6: Vier Augen: …". */
function RuleText({ ctx, error }: { ctx: WebContext; error: FormError }) {
  return error.rule ? (
    <span class="rule" data-testid="rule">
      {ctx.t('form.rule', { rule: error.rule })}
      {error.ruleText ? `: ${error.ruleText}` : ''}
    </span>
  ) : null;
}

/** The announced summary above a form: every complaint, each with its rule. */
export function ErrorSummary({ ctx, errors }: { ctx: WebContext; errors: readonly FormError[] }) {
  if (!errors.length) return null;
  return (
    <div class="alert alert-error" role="alert" data-testid="form-errors">
      <p>
        <strong>{ctx.t('form.refused')}</strong>
      </p>
      <ul>
        {errors.map((e) => (
          <li>
            {e.message} <RuleText ctx={ctx} error={e} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Field helpers for one form: the complaint next to its field, linked by aria-describedby, and a one-line input with
 * its label, hint and complaint (id `<formId>-<name>`).
 */
export function fieldErrors(ctx: WebContext, formId: string, errors: readonly FormError[]) {
  const of = (field: string) => errors.filter((e) => e.field === field);
  const invalid = (field: string) => (of(field).length ? 'true' : undefined);
  const describedBy = (field: string) => (of(field).length ? `${formId}-${field}-error` : undefined);
  const FieldError = ({ field }: { field: string }) =>
    of(field).length ? (
      <p class="field-error" id={`${formId}-${field}-error`}>
        {of(field).map((e) => (
          <span>
            {e.message} <RuleText ctx={ctx} error={e} />
          </span>
        ))}
      </p>
    ) : null;
  const Input = ({
    name,
    label,
    value,
    type = 'text',
    inputMode,
    required,
    hint,
  }: {
    name: string;
    label: string;
    value: string;
    type?: 'text' | 'date';
    inputMode?: 'decimal';
    required?: boolean;
    hint?: string;
  }) => {
    const id = `${formId}-${name}`;
    const hintId = hint ? `${id}-hint` : undefined;
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {hint ? (
          <p class="hint" id={hintId}>
            {hint}
          </p>
        ) : null}
        <input
          // Preact types each input type apart; the attributes given here are valid for both.
          type={type as 'text'}
          inputmode={inputMode}
          id={id}
          name={name}
          required={required}
          value={value}
          aria-invalid={invalid(name)}
          aria-describedby={[hintId, describedBy(name)].filter(Boolean).join(' ') || undefined}
        />
        <FieldError field={name} />
      </div>
    );
  };
  return { invalid, describedBy, FieldError, Input };
}

/** A one-line message after a step (role=status for success, an alert for a refusal). */
export function Notice({ notice }: { notice?: { ok: boolean; text: string } | undefined }) {
  if (!notice) return null;
  return notice.ok ? (
    <p class="alert alert-ok" role="status" data-testid="notice">
      {notice.text}
    </p>
  ) : (
    <p class="alert alert-error" role="alert" data-testid="notice">
      {notice.text}
    </p>
  );
}
