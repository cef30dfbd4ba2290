import type { IncomingMessage, ServerResponse } from 'node:http';
import { oauthErrors } from './oauth-error.js';

const MAX_BODY_BYTES = 64 * 1024;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

// Keycloak's answers for paths and realms it does not know.
export const notFound = (res: ServerResponse, error = 'Unable to find matching target resource method'): void =>
  sendJson(res, 404, { error, error_description: 'For more on this error consult the server log.' });

/**
 * The headers of every page: no script and no inline style may run (CSP), no framing (clickjacking on
 * the login form), no caching and no referrer (the query carries state and codes). `formTargets` are
 * the origins a form of the page may lead to: Chromium applies form-action to the redirect after a
 * POST too, so the login form needs the client's origin.
 */
export function pageHeaders(formTargets: string[] = []): Record<string, string> {
  const formAction = ["'self'", ...new Set(formTargets)].join(' ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store, must-revalidate',
    pragma: 'no-cache',
    'content-security-policy': `default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action ${formAction}`,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, { ...pageHeaders(), 'content-length': Buffer.byteLength(html), ...headers });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(302, {
    location,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'content-length': 0,
    ...headers,
  });
  res.end();
}

/**
 * Reads an application/x-www-form-urlencoded body. An oversized body is read to its end and then
 * refused, so the answer still reaches the client (breaking off the read would reset the connection).
 */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded')
    throw oauthErrors.invalidRequest('Content-Type must be application/x-www-form-urlencoded');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) throw oauthErrors.invalidRequest('Request body too large');
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function readCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

export interface CookieOptions {
  path: string;
  secure: boolean;
  /** Seconds; 0 deletes the cookie; absent makes it a browser-session cookie. */
  maxAge?: number;
}

/** An httpOnly, SameSite=Lax cookie: never readable by script, not sent on cross-site POSTs. */
export function cookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    ...(options.maxAge !== undefined ? [`Max-Age=${options.maxAge}`] : []),
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
