import { ReportingRefusal } from '../../shared/reporting-refusal.js';

export const QUESTION_TYPES = ['yesno', 'single', 'multi', 'number', 'text', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Where a draft's first answer comes from besides last year's: the platform's own knowledge of the municipality. */
export const PREFILL_SOURCES = [
  'organisation-model',
  'leitgemeinde',
  'figure:first-information',
  'figure:first-information-talks',
  'figure:integration-talks',
  'figure:agreements',
  'figure:migrationsamt-reports',
  'figure:interpreter-talks',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

export interface Option {
  readonly value: string;
  readonly label: string;
}

export interface Question {
  readonly key: string;
  readonly type: QuestionType;
  readonly label: string;
  readonly required: boolean;
  readonly options?: readonly Option[];
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  readonly prefill?: PrefillSource;
}

export interface Section {
  readonly key: string;
  readonly title: string;
  readonly questions: readonly Question[];
}

export interface QuestionnaireDefinition {
  readonly title: string;
  readonly sections: readonly Section[];
}

export type Answer = boolean | number | string | readonly string[] | null;
export type Answers = Readonly<Record<string, Answer>>;

/** One thing wrong with a questionnaire or an answer, and where. */
export interface Violation {
  readonly path: string;
  readonly message: string;
}

const KEY = /^[a-z][a-z0-9-]{0,59}$/;

/** Checks a questionnaire's structure (SD2): unique keys, choices where choices are asked, sane limits. */
export function questionnaireViolations(def: QuestionnaireDefinition): Violation[] {
  const out: Violation[] = [];
  const keys = new Set<string>();
  if (!def.sections.length) out.push({ path: 'sections', message: 'mindestens ein Abschnitt' });
  def.sections.forEach((s, si) => {
    if (!KEY.test(s.key))
      out.push({ path: `sections[${si}].key`, message: 'Schlüssel: Kleinbuchstaben, Ziffern, Bindestrich' });
    if (!s.questions.length) out.push({ path: `sections[${si}].questions`, message: 'mindestens eine Frage' });
    s.questions.forEach((q, qi) => {
      const path = `sections[${si}].questions[${qi}]`;
      if (!KEY.test(q.key))
        out.push({ path: `${path}.key`, message: 'Schlüssel: Kleinbuchstaben, Ziffern, Bindestrich' });
      if (keys.has(q.key)) out.push({ path: `${path}.key`, message: `Schlüssel «${q.key}» kommt zweimal vor` });
      keys.add(q.key);
      const choice = q.type === 'single' || q.type === 'multi';
      if (choice && (!q.options || q.options.length < 2))
        out.push({ path: `${path}.options`, message: 'Auswahlfragen brauchen mindestens zwei Optionen' });
      if (choice && q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length)
        out.push({ path: `${path}.options`, message: 'Optionswerte müssen eindeutig sein' });
      if (!choice && q.options?.length)
        out.push({ path: `${path}.options`, message: 'nur Auswahlfragen haben Optionen' });
      if (q.min !== undefined && q.max !== undefined && q.min > q.max)
        out.push({ path: `${path}.min`, message: 'min ist grösser als max' });
    });
  });
  return out;
}

export function questionsOf(def: QuestionnaireDefinition): Question[] {
  return def.sections.flatMap((s) => s.questions);
}

/**
 * Checks answers against the questionnaire (SD2). A draft may leave questions open; a submission (`complete`)
 * must answer every required one. Unknown question keys are refused, so a typo never vanishes silently.
 */
export function answerViolations(def: QuestionnaireDefinition, answers: Answers, complete: boolean): Violation[] {
  const out: Violation[] = [];
  const questions = new Map(questionsOf(def).map((q) => [q.key, q]));
  for (const key of Object.keys(answers))
    if (!questions.has(key)) out.push({ path: `answers.${key}`, message: 'keine Frage dieses Fragebogens' });
  for (const q of questions.values()) {
    const a = answers[q.key];
    const path = `answers.${q.key}`;
    const empty = a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0);
    if (empty) {
      if (complete && q.required) out.push({ path, message: 'Pflichtfrage ist nicht beantwortet' });
      continue;
    }
    const values = new Set((q.options ?? []).map((o) => o.value));
    switch (q.type) {
      case 'yesno':
        if (typeof a !== 'boolean') out.push({ path, message: 'ja oder nein (true/false) erwartet' });
        break;
      case 'single':
        if (typeof a !== 'string' || !values.has(a))
          out.push({ path, message: `eine der Optionen ${[...values].join(', ')} erwartet` });
        break;
      case 'multi':
        if (!Array.isArray(a) || a.some((v) => typeof v !== 'string' || !values.has(v)) || new Set(a).size !== a.length)
          out.push({ path, message: `Optionen aus ${[...values].join(', ')} (je einmal) erwartet` });
        break;
      case 'number':
        if (typeof a !== 'number' || !Number.isFinite(a)) out.push({ path, message: 'Zahl erwartet' });
        else if ((q.min !== undefined && a < q.min) || (q.max !== undefined && a > q.max))
          out.push({ path, message: `Zahl zwischen ${q.min ?? '−∞'} und ${q.max ?? '∞'} erwartet` });
        break;
      case 'text':
        if (typeof a !== 'string') out.push({ path, message: 'Text erwartet' });
        else if (a.length > (q.maxLength ?? 4000))
          out.push({ path, message: `höchstens ${q.maxLength ?? 4000} Zeichen` });
        break;
      case 'date':
        if (typeof a !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(a))
          out.push({ path, message: 'Datum (JJJJ-MM-TT) erwartet' });
        break;
    }
  }
  return out;
}

export function assertValid(violations: readonly Violation[], what: string): void {
  if (violations.length === 0) return;
  throw new ReportingRefusal(
    'SD2',
    'invalid-answers',
    {
      de: `${what}: ${violations.map((v) => `${v.path} – ${v.message}`).join('; ')}`,
      en: `${what} is invalid: ${violations.map((v) => v.path).join(', ')}`,
    },
    'unprocessable',
    { violations },
  );
}
