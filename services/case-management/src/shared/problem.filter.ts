import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ProblemDetailsFilter } from '@si/http';
import { createLogger } from '@si/observability';
import { toProblem } from './domain-problem.js';

const platformFilter = new ProblemDetailsFilter(createLogger('case-management'));

/**
 * Turns domain refusals and validation failures into problem+json naming their rule, then answers through
 * the platform's problem filter. A filter (not an interceptor) so that it costs nothing on the success path;
 * filters also see what the pipes throw, so the global ValidationPipe's 400 gets its rule (CM7) here too.
 */
@Catch()
export class CaseProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    platformFilter.catch(toProblem(error), host);
  }
}
