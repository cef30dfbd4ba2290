import { z } from 'zod';
import { ReportingRefusal } from '../../shared/reporting-refusal.js';
import {
  PREFILL_SOURCES,
  QUESTION_TYPES,
  type Answers,
  type QuestionnaireDefinition,
} from '../domain/questionnaire.js';

const text = (max: number) => z.string().trim().min(1).max(max);

const question = z
  .object({
    key: z.string(),
    type: z.enum(QUESTION_TYPES),
    label: text(500),
    required: z.boolean(),
    options: z
      .array(z.object({ value: text(60), label: text(200) }).strict())
      .max(50)
      .optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    maxLength: z.number().int().min(1).max(20_000).optional(),
    prefill: z.enum(PREFILL_SOURCES).optional(),
  })
  .strict();

export const questionnaireBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: text(200),
    sections: z
      .array(z.object({ key: z.string(), title: text(200), questions: z.array(question).max(100) }).strict())
      .max(30),
  })
  .strict();

export const questionnaireUpdateBody = questionnaireBody.omit({ year: true });

export const answersBody = z
  .object({
    answers: z.record(
      z.string().max(60),
      z.union([
        z.boolean(),
        z.number().finite(),
        z.string().max(20_000),
        z.array(z.string().max(60)).max(50),
        z.null(),
      ]),
    ),
  })
  .strict();

export const roundBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    questionnaireId: z.string().uuid(),
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict();

export const decisionBody = z.object({ comment: z.string().max(4000).optional() }).strict();

/** Parses a body or refuses it (SD2) naming every wrong field and where. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const violations = result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  throw new ReportingRefusal(
    'SD2',
    'invalid-body',
    {
      de: `Ungültige Angaben: ${violations.map((v) => `${v.path} – ${v.message}`).join('; ')}`,
      en: `Invalid body: ${violations.map((v) => v.path).join(', ')}`,
    },
    'unprocessable',
    { violations },
  );
}

export type QuestionnaireBody = z.infer<typeof questionnaireBody>;
export const toDefinition = (b: {
  title: string;
  sections: QuestionnaireDefinition['sections'];
}): QuestionnaireDefinition => ({ title: b.title, sections: b.sections });
export const toAnswers = (b: z.infer<typeof answersBody>): Answers => b.answers;
