import { DomainError, type RefusalKind } from '@si/kernel';
import { ProblemError, problemType } from './problem.js';

/**
 * A service's own translation of what its code throws into a problem (e.g. case-management's validation failures
 * naming rule CM7); `undefined` leaves the error to the next mapper and then to the platform's defaults. Given once
 * per service in its `ServiceDefinition.problems`, used by the one global filter: controllers carry no filters.
 */
export type ProblemMapper = (error: unknown) => ProblemError | undefined;

/** The one place where a kind of refusal becomes an HTTP status; domains name the kind, never the status. */
export const REFUSAL_STATUS: Readonly<Record<RefusalKind, number>> = {
  conflict: 409,
  unprocessable: 422,
  forbidden: 403,
  'not-found': 404,
};

/**
 * A domain refusal as problem+json: `rule` names the rule (R…/CM…), `type` its stable code, `title` the German
 * message (what an officer reads), `detail` the English one, `ruleText` the rule's statement.
 */
export function domainRefusalProblem(error: DomainError): ProblemError {
  return new ProblemError({
    type: problemType(error.code),
    status: REFUSAL_STATUS[error.kind],
    title: error.messages.de,
    detail: error.messages.en,
    rule: error.ruleId,
    extensions: {
      code: error.code,
      ruleText: error.rule,
      ...(Object.keys(error.details).length ? { details: error.details } : {}),
    },
  });
}

/** Domain refusals first, then the service's mappers in order; anything else passes through unchanged. */
export function mapToProblem(error: unknown, mappers: readonly ProblemMapper[]): unknown {
  if (error instanceof DomainError) return domainRefusalProblem(error);
  for (const mapper of mappers) {
    const problem = mapper(error);
    if (problem) return problem;
  }
  return error;
}
