import { type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import { NestPinoLogger, registerRequestHooks } from '@si/http';
import type { Logger } from '@si/observability';
import { isHttps, loadWebConfig } from './config/web.config.js';
import { WebErrorFilter } from './shell/error.filter.js';
import { registerSecurityHeaders } from './shell/security-headers.js';

/**
 * The web app: Fastify with the platform's request hooks (correlation id, access log without query strings),
 * cookies, urlencoded forms (Nest's own parser: names like `topics.a` stay flat keys, the forms map them), security
 * headers on every answer and errors as pages. Not listening yet, so tests can choose the port.
 */
export async function createWebApp(module: Type<unknown>, logger: Logger): Promise<NestFastifyApplication> {
  const config = loadWebConfig();
  const adapter = new FastifyAdapter({ bodyLimit: 256 * 1024, genReqId: () => crypto.randomUUID(), trustProxy: false });
  registerRequestHooks(adapter.getInstance(), logger);
  registerSecurityHeaders(adapter.getInstance(), {
    identityOrigin: new URL(config.identityUrl).origin,
    https: isHttps(config),
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new NestPinoLogger(logger),
    bufferLogs: false,
  });
  await app.register(fastifyCookie);
  app.useGlobalFilters(new WebErrorFilter(logger));
  app.enableShutdownHooks();
  return app;
}
