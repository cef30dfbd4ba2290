import { BadRequestException } from '@nestjs/common';
import { ProblemError, problemType, type ProblemMapper } from '@si/http';
import { RULES } from '../cases/domain/index.js';

// Domain refusals (CaseDomainError, a @si/kernel DomainError) need no mapping here: @si/http maps their kind.

/** Malformed input refused by validation: 400 naming CM7 (well-formed input) and each field's complaint. */
export function validationProblem(error: BadRequestException): ProblemError {
  const body = error.getResponse() as { message?: unknown };
  const messages = Array.isArray(body?.message) ? body.message.map(String) : [String(body?.message ?? error.message)];
  return new ProblemError({
    type: problemType('invalid-request'),
    status: 400,
    title: 'Ungültige Anfrage',
    detail: messages.join('; '),
    rule: 'CM7',
    errors: messages.map((message) => ({ message })),
    extensions: { ruleText: RULES.CM7 },
  });
}

/** The one answer for a case that does not exist and a case the caller may not see (R25: no existence leak). */
export function caseNotFound(): ProblemError {
  return new ProblemError({
    type: problemType('case-not-found'),
    status: 404,
    title: 'Fall nicht gefunden',
    detail: 'No case with this id exists in your scope.',
    rule: 'R25',
    extensions: { ruleText: RULES.R25 },
  });
}

/** This service's error mapping for the global problem filter (`definition.problems`): validation failures name CM7. */
export const caseManagementProblems: readonly ProblemMapper[] = [
  (error) => (error instanceof BadRequestException ? validationProblem(error) : undefined),
];
