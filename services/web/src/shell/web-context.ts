import type { FastifyRequest } from 'fastify';
import { translator, type Lang, type T } from '../i18n/i18n.js';
import type { Session, WebUser } from '../auth/session.js';

/** What every view of one request needs: language, translator, the user and the CSRF token of their session. */
export interface WebContext {
  lang: Lang;
  t: T;
  path: string;
  user?: WebUser;
  csrf?: string;
  sessionId?: string;
  session?: Session;
}

type WithContext = FastifyRequest & { web?: WebContext };

export function webContext(request: FastifyRequest): WebContext {
  const r = request as WithContext;
  if (!r.web) r.web = { lang: 'de', t: translator('de'), path: request.url.split('?')[0] ?? '/' };
  return r.web;
}

export function setLanguage(request: FastifyRequest, lang: Lang): WebContext {
  const c = webContext(request);
  c.lang = lang;
  c.t = translator(lang);
  return c;
}
