import { BadRequestException, Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ProblemDetailsFilter, ProblemError, problemType } from '@si/http';
import { createLogger } from '@si/observability';
import { RULES } from './rules.js';
import { SubsidyError, type RefusalKind } from './subsidy-error.js';

const STATUS: Record<RefusalKind, number> = { conflict: 409, unprocessable: 422, forbidden: 403, 'not-found': 404 };

export function toProblem(error: unknown): unknown {
  if (error instanceof SubsidyError) {
    return new ProblemError({
      type: problemType(error.code),
      status: STATUS[error.kind],
      title: error.messages.de,
      detail: error.messages.en,
      rule: error.rule,
      extensions: {
        code: error.code,
        ruleText: RULES[error.rule],
        ...(Object.keys(error.details).length ? { details: error.details } : {}),
      },
    });
  }
  if (error instanceof BadRequestException && !(error instanceof ProblemError)) {
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
  if (error instanceof HttpException) return error;
  return error;
}

const platformFilter = new ProblemDetailsFilter(createLogger('subsidies'));

/** Domain refusals and validation failures as problem+json naming their rule, then the platform's filter. */
@Catch()
export class SubsidyProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    platformFilter.catch(toProblem(error), host);
  }
}
