import type { ComponentChildren } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Layout } from './layout.js';
import { renderDocument } from './render.js';
import { webContext, type WebContext } from './web-context.js';
import type { Lang } from '../i18n/i18n.js';

export interface PageOptions {
  title: string;
  status?: number;
  languageLinks?: Partial<Record<Lang, string>>;
}

/** Renders `body` inside the layout and sends it as the answer. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: PageOptions,
  body: ComponentChildren,
): FastifyReply {
  const ctx = webContext(request);
  const html = pageHtml(ctx, options, body);
  return reply
    .status(options.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .send(html);
}

export function pageHtml(ctx: WebContext, options: PageOptions, body: ComponentChildren): string {
  return renderDocument(
    <Layout
      ctx={ctx}
      title={options.title}
      {...(options.languageLinks ? { languageLinks: options.languageLinks } : {})}
    >
      {body}
    </Layout>,
  );
}

/** After a successful POST: see-other to the page that shows the result (a reload does not post again). */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.status(303).header('location', location).send();
}
