import { ProblemError, problemType } from '@si/http';
import type { z } from 'zod';

/** A JSON pointer for a zod issue path (`/locations/0/municipality`). */
export const pointerOf = (path: readonly PropertyKey[]) =>
  `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/**
 * Parses input with a zod schema; a failure is a 400 problem naming every wrong field by JSON pointer (`errors`),
 * and the rule OF1 (or the given one), so a form can put each message beside its field.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' = 'body',
  rule = 'OF1',
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ pointer: pointerOf(i.path), message: i.message }));
  throw new ProblemError({
    type: problemType('invalid-request'),
    status: 400,
    title: where === 'body' ? 'Ungültige Angaben' : 'Ungültige Suchanfrage',
    detail: errors.map((e) => `${e.pointer}: ${e.message}`).join('; '),
    rule,
    errors,
  });
}
