import { BadRequestException, HttpException } from '@nestjs/common';
import { ProblemError, problemType } from '@si/http';
import { CaseDomainError, RULES, type RefusalKind } from '../cases/domain/index.js';

const STATUS: Record<RefusalKind, number> = { conflict: 409, unprocessable: 422, forbidden: 403, 'not-found': 404 };

/**
 * A domain refusal as problem+json: `rule` names the rule (R…/CM…), `type` its stable code, `title` the
 * German message (what an officer reads), `detail` the English one, `ruleText` the rule's statement.
 */
export function domainProblem(error: CaseDomainError): ProblemError {
  return new ProblemError({
    type: problemType(error.code),
    status: STATUS[error.kind],
    title: error.messages.de,
    detail: error.messages.en,
    rule: error.ruleId,
    extensions: { code: error.code, ruleText: RULES[error.ruleId], ...(Object.keys(error.details).length ? { details: error.details } : {}) },
  });
}

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

/** Maps what the shell throws to problems; anything else passes through unchanged. */
export function toProblem(error: unknown): unknown {
  if (error instanceof CaseDomainError) return domainProblem(error);
  if (error instanceof BadRequestException) return validationProblem(error);
  if (error instanceof HttpException || error instanceof ProblemError) return error;
  return error;
}
