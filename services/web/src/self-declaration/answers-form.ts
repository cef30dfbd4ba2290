import type { Problem } from '../api/service-client.js';
import { many, one, type FormInput } from '../cases/form-spec.js';
import type { Answer, Answers, Question, QuestionnaireDefinition } from './self-declaration.api.js';

/** The form field of a question: `a.<key>` (a question key is lower case, digits and hyphens). */
export const fieldName = (key: string) => `a.${key}`;

/**
 * The answers as the service wants them from the submitted form. Empty fields are null (a draft may leave them
 * open); a number that is not one is passed on as typed, so the service names it next to its question (SD2).
 */
export function formToAnswers(def: QuestionnaireDefinition, form: FormInput): Answers {
  const answers: Answers = {};
  for (const q of def.sections.flatMap((s) => s.questions)) answers[q.key] = answerOf(q, form);
  return answers;
}

function answerOf(q: Question, form: FormInput): Answer {
  const name = fieldName(q.key);
  if (q.type === 'multi') return many(form[name]);
  const raw = one(form[name]);
  if (raw === '') return null;
  switch (q.type) {
    case 'yesno':
      return raw === 'ja' ? true : raw === 'nein' ? false : raw;
    case 'number': {
      const n = Number(raw.replace(/['’\s]/g, '').replace(',', '.'));
      return Number.isFinite(n) ? n : raw;
    }
    default:
      return raw;
  }
}

/** Messages per question key from a refusal (SD2 lists `answers.<key>` violations); the rest go above the form. */
export function violationsByQuestion(problem: Problem): { byKey: Map<string, string[]>; general: string[] } {
  const byKey = new Map<string, string[]>();
  const general: string[] = [];
  const violations = problem.details?.['violations'];
  if (Array.isArray(violations)) {
    for (const v of violations as { path?: unknown; message?: unknown }[]) {
      const path = typeof v.path === 'string' ? v.path : '';
      const message = typeof v.message === 'string' ? v.message : '';
      const key = /^answers\.([a-z0-9-]+)$/.exec(path)?.[1];
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), message]);
      else general.push(`${path}: ${message}`);
    }
  }
  if (!byKey.size && !general.length) general.push(problem.title ?? problem.detail ?? '');
  return { byKey, general };
}

/** A question key from its label: lower case ASCII, digits and hyphens, unique in the questionnaire. */
export function keyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/^[^a-z]+/, '')
      .slice(0, 50) || 'frage';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return key;
}

/** Options as typed in the editor, one per line: `value = Label` (or just a label, its key made from it). */
export function parseOptions(text: string): { value: string; label: string }[] {
  const taken = new Set<string>();
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const eq = line.indexOf('=');
      const label = (eq >= 0 ? line.slice(eq + 1) : line).trim();
      const value = eq >= 0 ? line.slice(0, eq).trim() : keyFromLabel(label, taken);
      taken.add(value);
      return { value, label };
    });
}
