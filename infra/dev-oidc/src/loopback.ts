import { isIP } from 'node:net';

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 and the name localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/** Thrown before listening on a non-loopback address without an explicit opt-in. */
export class NonLoopbackRefusedError extends Error {
  constructor(host: string) {
    super(
      `dev-oidc refuses to listen on ${host}: it hands out tokens for demo users whose passwords are public, ` +
        'so it must not be reachable from other machines. Listen on 127.0.0.1 (the default), or, if you really ' +
        'mean it (e.g. inside a container network), pass --allow-non-loopback or set DEV_OIDC_ALLOW_NON_LOOPBACK=true.',
    );
    this.name = 'NonLoopbackRefusedError';
  }
}
