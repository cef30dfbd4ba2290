import 'reflect-metadata';
import { ValidationPipe, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, type Logger } from '@si/observability';
import { ProblemDetailsFilter } from './problem.filter.js';
import type { ProblemMapper } from './problem-mapping.js';
import { registerRequestHooks } from './request-hooks.js';
import { JsonDepthPipe } from './json-depth.pipe.js';
import { NestPinoLogger } from './nest-logger.js';
import { buildOpenApi, serveOpenApi, type OpenApiInfo } from './openapi.js';

export interface ServiceHttpOptions {
  name: string;
  openApi: OpenApiInfo;
  /** Largest request body in bytes (default 1 MiB); services that take files raise it on their route. */
  bodyLimit?: number;
  logger?: Logger;
  /** The service's own error mappings (see `ProblemMapper`), used by the one global problem filter. */
  problems?: readonly ProblemMapper[];
}

/**
 * The HTTP shape every service shares: Fastify, JSON logs with correlation ids, problem+json errors,
 * strict input validation (unknown properties are refused, not silently dropped), OpenAPI at /api/docs.
 * Returns the configured app without listening, so tests can `inject()` into it.
 */
export async function createServiceApp(
  module: Type<unknown>,
  options: ServiceHttpOptions,
): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(options.name);
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  registerRequestHooks(adapter.getInstance(), logger);
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new NestPinoLogger(logger),
    bufferLogs: false,
  });
  configureHttp(app, logger, options.problems);
  serveOpenApi(app, buildOpenApi(app, options.openApi));
  app.enableShutdownHooks();
  return app;
}

/** Separated so test apps built with `Test.createTestingModule` get exactly the same behaviour. */
export function configureHttp(app: INestApplication, logger: Logger, problems: readonly ProblemMapper[] = []): void {
  app.useGlobalFilters(new ProblemDetailsFilter(logger, problems));
  // Depth first: the validation's class-transformer recurses and overflows on deep nesting (security probe F7).
  app.useGlobalPipes(
    new JsonDepthPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
    }),
  );
}

/** Listens where the platform configuration says (loopback by default: a developer's machine must not expose personal data). */
export async function listen(app: NestFastifyApplication, at: { port: number; host: string }): Promise<void> {
  await app.listen({ port: at.port, host: at.host });
}
