import type { FastifyInstance } from 'fastify';
import { correlation, httpRequestDuration, type Logger } from '@si/observability';

const HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Runs each request inside its correlation context (taken from `X-Correlation-Id` when a caller
 * sends a well-formed one), echoes it, and logs one access line per request. The line names the
 * route pattern, not the URL: query strings may hold names (`?q=`), and logs carry no personal data.
 */
export function registerRequestHooks(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const given = request.headers[HEADER];
    const id = typeof given === 'string' && SAFE_ID.test(given) ? given : undefined;
    correlation.run({ correlationId: id, causationId: request.id }, () => {
      void reply.header(HEADER, correlation.id());
      done();
    });
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    httpRequestDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
    if (!route.startsWith('/health') && route !== '/metrics') {
      logger.info(
        { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
    }
    done();
  });
}
