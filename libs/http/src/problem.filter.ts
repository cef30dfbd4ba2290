import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { correlation, type Logger } from '@si/observability';
import { ProblemError, problemType, type ProblemDetails } from './problem.js';
import { mapToProblem, type ProblemMapper } from './problem-mapping.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

/**
 * Every error leaves as application/problem+json; internals (stack, SQL) never reach the client. The one filter of a
 * service (global): domain refusals (@si/kernel `DomainError`) and the service's own `ProblemMapper`s are mapped
 * here, so that no controller carries a filter of its own.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly mappers: readonly ProblemMapper[] = [],
  ) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const error = mapToProblem(thrown, this.mappers);
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = { ...this.toProblem(error), instance: request.url.split('?')[0], correlationId: correlation.id() };
    if (problem.status >= 500) {
      this.logger.error({ err: error, route: request.routeOptions?.url }, 'request failed');
    }
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(error: unknown): ProblemDetails {
    if (error instanceof ProblemError) {
      const { extensions, ...problem } = error.problem;
      return {
        type: problemType(slug(problem.status)),
        ...problem,
        title: problem.title ?? TITLES[problem.status],
        ...extensions,
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse() as
        string | { message?: unknown; detail?: unknown; title?: unknown; rule?: unknown };
      const text = typeof body === 'string' ? body : (body.detail ?? body.message ?? error.message);
      const list = Array.isArray(text) ? text.map(String) : undefined;
      return {
        type: problemType(slug(status)),
        title: typeof body === 'object' && typeof body.title === 'string' ? body.title : (TITLES[status] ?? error.name),
        status,
        detail: list ? list.join('; ') : String(text),
        ...(typeof body === 'object' && typeof body.rule === 'string' ? { rule: body.rule } : {}),
        ...(list ? { errors: list.map((message) => ({ message })) } : {}),
      };
    }
    const fastifyError = error as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
      // Fastify's own refusals (body too large, bad JSON, unsupported media type) are client errors.
      return {
        type: problemType(slug(fastifyError.statusCode)),
        title: TITLES[fastifyError.statusCode] ?? 'Bad Request',
        status: fastifyError.statusCode,
        detail: fastifyError.message,
      };
    }
    return {
      type: problemType('internal'),
      title: TITLES[500],
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'The request could not be completed. Quote the correlation id when reporting this.',
    };
  }
}

function slug(status: number): string {
  return (TITLES[status] ?? `status-${status}`).toLowerCase().replaceAll(' ', '-');
}
