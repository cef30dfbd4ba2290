import type { FormAction } from '../cases/action-form.js';
import type { Field, FormInput } from '../cases/form-spec.js';
import type { DfpaCase } from './dfpa.api.js';

/**
 * Every action the dfpa service offers, as a form of the shared action form (cases/action-form.tsx): its route
 * (`{param}` taken from a form field), its fields named by the JSON path the service expects, and where a field does
 * not map 1:1 (francs typed, Rappen sent; lists of words) a `finish`. The service decides; these forms only collect.
 */
export interface DfpaAction<C extends { id: string }> extends FormAction<C> {
  /** Relative to the object's route (`/api/v1/cases/{id}` or `/api/v1/handovers/{id}`). */
  path: string;
  method?: 'post' | 'put';
  group?: 'abklaerung' | 'plan' | 'fallfuehrung' | 'ende';
  available?: (c: C) => boolean;
  finish?: (body: Record<string, unknown>, form: FormInput, c: C) => Record<string, unknown>;
  /** What the form shows before anything is typed (e.g. the user as caseworker). */
  initial?: (c: C, username: string) => FormInput;
}

export const date = (name: string, label: string): Field => ({
  kind: 'date',
  name,
  label,
  required: true,
  today: true,
});

export const active = (c: DfpaCase) => c.status === 'active';
/** Lists of single words the forms offer as rows (`goals.0.text`) the service takes as strings. */
export const words = (rows: unknown): string[] =>
  Array.isArray(rows) ? rows.map((r) => String((r as { text?: unknown }).text ?? '')).filter(Boolean) : [];
