import type { FastifyReply, FastifyRequest } from 'fastify';
import { isHttps, type WebConfig } from '../config/web.config.js';

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Path=/,
 * no Domain. Over https it is `__Host-si-session` and Secure, which browsers then pin to this exact origin.
 * A developer's http://localhost cannot set Secure cookies everywhere (and `__Host-` demands Secure), so
 * there it is plain `si-session` without Secure: acceptable on loopback only, which is where the platform
 * listens unless told otherwise.
 */
export function sessionCookieName(config: WebConfig): string {
  return isHttps(config) ? '__Host-si-session' : 'si-session';
}

/** The browser binding of a login in progress (state is only accepted back from the same browser). */
export function loginCookieName(config: WebConfig): string {
  return isHttps(config) ? '__Host-si-login' : 'si-login';
}

export function setCookie(
  reply: FastifyReply,
  config: WebConfig,
  name: string,
  value: string,
  maxAgeSeconds?: number,
): void {
  void reply.setCookie(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: isHttps(config),
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  });
}

export function clearCookie(reply: FastifyReply, config: WebConfig, name: string): void {
  void reply.clearCookie(name, { httpOnly: true, sameSite: 'lax', path: '/', secure: isHttps(config) });
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  return (request.cookies as Record<string, string | undefined> | undefined)?.[name];
}
