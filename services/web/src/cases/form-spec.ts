import type { Problem } from '../api/service-client.js';

/** A form field; `name` is the JSON path the service expects (`interpreter.language`, `goals.0.text`). */
export type Field =
  | {
      kind: 'date' | 'text' | 'textarea' | 'language';
      name: string;
      label: string;
      required?: boolean;
      today?: boolean;
      hint?: string;
      keep?: boolean;
    }
  | { kind: 'number'; name: string; label: string; min: number; max: number; required?: boolean }
  | {
      kind: 'select';
      name: string;
      label: string;
      options: readonly Option[];
      required?: boolean;
      empty?: string;
      hint?: string;
    }
  | { kind: 'radio'; name: string; label: string; options: readonly Option[]; hint?: string }
  | { kind: 'checkbox'; name: string; label: string }
  /** An offer picked from the offers service's public search (htmx), sent as its id. */
  | { kind: 'offer'; name: string; label: string }
  | { kind: 'checks'; name: string; label: string; options: readonly Option[] }
  | { kind: 'fieldset'; name: string; label: string; fields: readonly Field[]; hint?: string }
  | { kind: 'rows'; name: string; label: string; count: number; fields: readonly Field[]; hint?: string };

/**
 * `label` is a catalogue key put before `text` when both are given (names from the case, e.g. household members);
 * an empty `label` shows `text` alone (names from reference data: countries, regions).
 */
export interface Option {
  value: string;
  label: string;
  text?: string;
}

/** The submitted form: urlencoded fields, a repeated name as an array. */
export type FormInput = Record<string, string | string[] | undefined>;

export const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
export const many = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1) as string] = value;
}

/** The value of one field as the service's JSON wants it; undefined = leave out. */
function valueOf(field: Field, name: string, form: FormInput): unknown {
  switch (field.kind) {
    case 'checkbox':
      return one(form[name]) !== '';
    case 'checks':
      return many(form[name]);
    case 'number': {
      const raw = one(form[name]);
      return raw === '' ? undefined : Number(raw);
    }
    case 'fieldset':
    case 'rows':
      return undefined;
    default: {
      const raw = one(form[name]);
      const required = 'required' in field && field.required;
      return raw === '' && !required && !('keep' in field && field.keep) ? undefined : raw;
    }
  }
}

/**
 * The JSON body for the service from the submitted form. Rows that were left empty are dropped, so a form
 * can offer three goal lines and the person fills one.
 */
export function formToBody(fields: readonly Field[], form: FormInput, prefix = ''): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const name = `${prefix}${field.name}`;
    if (field.kind === 'fieldset') {
      const inner = formToBody(field.fields, form, `${name}.`);
      setPath(body, field.name, inner);
    } else if (field.kind === 'rows') {
      const rows: Record<string, unknown>[] = [];
      for (let i = 0; i < field.count; i++) {
        const rowPrefix = `${name}.${i}.`;
        const filled = field.fields.some((f) => f.kind !== 'checkbox' && one(form[`${rowPrefix}${f.name}`]) !== '');
        if (filled) rows.push(formToBody(field.fields, form, rowPrefix));
      }
      setPath(body, field.name, rows);
    } else {
      const v = valueOf(field, name, form);
      if (v !== undefined) setPath(body, field.name, v);
    }
  }
  return body;
}

/** Every field name of a form (rows expanded), for error placement. */
export function fieldNames(fields: readonly Field[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const name = `${prefix}${f.name}`;
    if (f.kind === 'fieldset') return [name, ...fieldNames(f.fields, `${name}.`)];
    if (f.kind === 'rows')
      return [name, ...Array.from({ length: f.count }, (_, i) => fieldNames(f.fields, `${name}.${i}.`)).flat()];
    return [name];
  });
}

/** One complaint, placed at a field when the service named one the form has, else above the form. */
export interface FormError {
  field: string | null;
  message: string;
  rule?: string;
  ruleText?: string;
}

const normalise = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/** The nearest field of the form for a path the service named (`topics.legalOrderAndNorms` → `topics`). */
export function placeField(path: string | undefined, names: readonly string[]): string | null {
  if (!path) return null;
  let p = normalise(path);
  for (;;) {
    if (names.includes(p)) return p;
    const cut = p.lastIndexOf('.');
    if (cut < 0) return null;
    p = p.slice(0, cut);
  }
}

/**
 * What the service refused, in words, with its rule. A domain refusal (409/422) carries the German message
 * as `title` and the field in `details.field`; a validation refusal (400, CM7) lists `<path> <complaint>`.
 */
export function problemToErrors(problem: Problem, names: readonly string[], invalidText: string): FormError[] {
  const rule = problem.rule ? { rule: problem.rule, ...(problem.ruleText ? { ruleText: problem.ruleText } : {}) } : {};
  if (problem.status === 400 && problem.errors?.length) {
    return problem.errors.map((e) => {
      const path = e.message.split(' ')[0];
      const field = placeField(path, names);
      return { field, message: field ? invalidText : `${invalidText} (${e.message})`, ...rule };
    });
  }
  const detailField = typeof problem.details?.['field'] === 'string' ? (problem.details['field'] as string) : undefined;
  return [{ field: placeField(detailField, names), message: problem.title ?? problem.detail ?? invalidText, ...rule }];
}

/**
 * An action form the service refused, to render again: what was typed (without the CSRF token: the page carries a
 * fresh one), the complaints next to the fields, and the page's status (a conflict stays 409, any other refusal 422).
 */
export function refusedForm(
  problem: Problem,
  fields: readonly Field[],
  form: FormInput | undefined,
  invalidText: string,
): { values: FormInput; errors: FormError[]; status: 409 | 422 } {
  const values = { ...(form ?? {}) };
  delete values['_csrf'];
  return {
    values,
    errors: problemToErrors(problem, fieldNames(fields), invalidText),
    status: problem.status === 409 ? 409 : 422,
  };
}
