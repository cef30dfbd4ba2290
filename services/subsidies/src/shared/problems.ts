import { BadRequestException } from '@nestjs/common';
import { ProblemError, problemType, type ProblemMapper } from '@si/http';
import { RULES } from './rules.js';

// Domain refusals (SubsidyError, a @si/kernel DomainError) need no mapping here: @si/http maps their kind.

/** Malformed input refused by the DTOs or a pipe: 400 naming S16 and each field's complaint. */
function validationProblem(error: unknown): ProblemError | undefined {
  if (!(error instanceof BadRequestException) || error instanceof ProblemError) return undefined;
  const body = error.getResponse() as { message?: unknown };
  const messages = Array.isArray(body?.message) ? body.message.map(String) : [String(body?.message ?? error.message)];
  return new ProblemError({
    type: problemType('invalid-request'),
    status: 400,
    title: 'Ungültige Anfrage',
    detail: messages.join('; '),
    rule: 'S16',
    errors: messages.map((message) => ({ message })),
    extensions: { ruleText: RULES.S16 },
  });
}

/** This service's mappers for the platform's one problem filter (`definition.problems`). */
export const subsidiesProblems: readonly ProblemMapper[] = [validationProblem];
