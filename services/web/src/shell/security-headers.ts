import type { FastifyInstance } from 'fastify';

/**
 * Headers on every answer. The CSP allows scripts and styles from this origin only (no inline code, no
 * eval: htmx is told so through its meta config), forms to post here and to the identity server (logout
 * redirects there), and no framing. Pages with personal data are never stored by browsers or proxies.
 */
export function contentSecurityPolicy(identityOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action 'self' ${identityOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function registerSecurityHeaders(
  fastify: FastifyInstance,
  options: { identityOrigin: string; https: boolean },
): void {
  const csp = contentSecurityPolicy(options.identityOrigin);
  fastify.addHook('onSend', async (request, reply, payload) => {
    reply.header('content-security-policy', csp);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (options.https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
