import { BadRequestException } from '@nestjs/common';
import { ProblemError, problemType, type ProblemMapper } from '@si/http';
import { RULES } from '../dfpa/domain/rules.js';

/** The one answer for a case or hand-over that does not exist and one outside the caller's region (R25: no existence leak). */
export function notFound(what: 'case' | 'handover'): ProblemError {
  return new ProblemError({
    type: problemType(`${what}-not-found`),
    status: 404,
    title: what === 'case' ? 'DFPA-Fall nicht gefunden' : 'Übergabe nicht gefunden',
    detail: `No ${what === 'case' ? 'DFPA case' : 'hand-over'} with this id exists in your Sozialregion.`,
    rule: 'R25',
    extensions: { ruleText: RULES.R25 },
  });
}

/** Malformed input refused by the DTOs or a pipe: 400 naming DF4 and each field's complaint. */
function validationProblem(error: unknown): ProblemError | undefined {
  if (!(error instanceof BadRequestException)) return undefined;
  const body = error.getResponse() as { message?: unknown };
  const messages = Array.isArray(body?.message) ? body.message.map(String) : [String(body?.message ?? error.message)];
  return new ProblemError({
    type: problemType('invalid-request'),
    status: 400,
    title: 'Ungültige Anfrage',
    detail: messages.join('; '),
    rule: 'DF4',
    errors: messages.map((message) => ({ message })),
    extensions: { ruleText: RULES.DF4 },
  });
}

/** This service's mappers for the platform's problem filter (domain refusals are mapped by @si/http itself). */
export const dfpaProblems: readonly ProblemMapper[] = [validationProblem];
