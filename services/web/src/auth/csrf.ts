import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * Two checks for every state-changing request: the browser says it comes from our own origin (Origin, or
 * Referer where a browser leaves Origin out), and it carries the session's synchronizer token, which a page
 * of another site cannot read. SameSite=Lax on the cookie is a third line, not relied on alone.
 */
export function sameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const expected = new URL(publicUrl).origin;
  const origin = request.headers['origin'];
  if (typeof origin === 'string' && origin !== 'null') return origin === expected;
  const referer = request.headers['referer'];
  if (typeof referer === 'string') {
    try {
      return new URL(referer).origin === expected;
    } catch {
      return false;
    }
  }
  return false;
}

export function tokenMatches(request: FastifyRequest, expected: string | undefined): boolean {
  if (!expected) return false;
  const body = request.body as Record<string, unknown> | undefined;
  const given = (typeof body?.['_csrf'] === 'string' ? body['_csrf'] : undefined) ?? request.headers['x-csrf-token'];
  if (typeof given !== 'string' || !given) return false;
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
