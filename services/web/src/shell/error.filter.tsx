import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '@si/observability';
import { correlation } from '@si/observability';
import { sendPage } from './page.js';
import { webContext } from './web-context.js';
import { LoginRequired, WebError } from './web-errors.js';

const BY_STATUS: Record<number, [string, string]> = {
  400: ['error.badRequest.title', 'error.badRequest.text'],
  403: ['error.forbidden.title', 'error.forbidden.text'],
  404: ['error.notFound.title', 'error.notFound.text'],
  413: ['error.badRequest.title', 'error.badRequest.text'],
  429: ['error.tooMany.title', 'error.tooMany.text'],
};

/** Every error as an HTML page in the user's language; a missing session as a redirect to the login. */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof LoginRequired) {
      const target = `/auth/login?returnTo=${encodeURIComponent(error.returnTo)}`;
      // htmx follows redirects inside its XHR, which cannot cross to the identity server: tell it to navigate.
      if (request.headers['hx-request']) void reply.status(200).header('hx-redirect', target).send();
      else void reply.status(303).header('location', target).send();
      return;
    }
    // Operations endpoints (health, metrics) answer machines: their errors stay JSON.
    if (/^\/(health|metrics)\b/.test(request.url) && error instanceof HttpException) {
      void reply
        .status(error.getStatus())
        .header('content-type', 'application/json; charset=utf-8')
        .send(error.getResponse());
      return;
    }
    let status = 500;
    let keys: [string, string] = ['error.internal.title', 'error.internal.text'];
    if (error instanceof WebError) {
      status = error.status;
      keys = [error.titleKey, error.textKey];
    } else if (error instanceof HttpException) {
      status = error.getStatus();
      keys = BY_STATUS[status] ?? (status < 500 ? ['error.badRequest.title', 'error.badRequest.text'] : keys);
    } else {
      const fastifyStatus = (error as { statusCode?: number })?.statusCode;
      if (typeof fastifyStatus === 'number' && fastifyStatus < 500) {
        status = fastifyStatus;
        keys = BY_STATUS[status] ?? ['error.badRequest.title', 'error.badRequest.text'];
      }
    }
    if (status >= 500) this.logger.error({ err: error, route: request.routeOptions?.url }, 'page failed');
    const { t } = webContext(request);
    sendPage(
      request,
      reply,
      { title: t(keys[0]), status },
      <section aria-labelledby="error-title">
        <h1 id="error-title">{t(keys[0])}</h1>
        <p>{t(keys[1])}</p>
        {status >= 500 ? <p class="hint">{t('error.correlation', { id: correlation.id() ?? request.id })}</p> : null}
        <p>
          <a href="/">{t('error.home')}</a>
        </p>
      </section>,
    );
  }
}
