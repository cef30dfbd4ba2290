import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { SessionStore } from './session.store.js';
import type { Session } from './session.js';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `websess${randomBytes(3).toString('hex')}:`;
const IDLE = 30 * 60_000;
const MAX = 10 * 3_600_000;
const store = new SessionStore(redis, prefix, IDLE, MAX);

const session = (at: number): Session => ({
  user: { subject: 's', username: 'ib.solothurn', name: 'Anna Brunner', roles: ['gemeinde'], gemeinden: [2601] },
  accessToken: 'a',
  accessExpiresAt: at + 300_000,
  csrf: 'c',
  createdAt: at,
  lastSeenAt: at,
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('sessions in Redis', () => {
  it('end after the idle time without a request, and every request restarts the idle clock', async () => {
    const t0 = Date.now();
    const id = await store.create(session(t0));
    expect(await store.get(id, t0 + IDLE - 1000)).toBeDefined();
    // Touched at t0 + IDLE - 1 s: still alive almost a whole idle time later.
    expect(await store.get(id, t0 + 2 * IDLE - 2000)).toBeDefined();
    expect(await store.get(id, t0 + 3 * IDLE)).toBeUndefined();
    // and it is gone for good
    expect(await store.get(id, t0 + 2 * IDLE - 1000)).toBeUndefined();
  });

  it('end after the maximum lifetime even when used all along', async () => {
    const t0 = Date.now();
    const id = await store.create(session(t0));
    let now = t0;
    while (now < t0 + MAX - IDLE) {
      now += IDLE / 2;
      expect(await store.get(id, now)).toBeDefined();
    }
    expect(await store.get(id, t0 + MAX + 1)).toBeUndefined();
  });

  it('keep the Redis key TTL at the idle time, under the hash of the id', async () => {
    const id = await store.create(session(Date.now()));
    const keys = await redis.keys(`${prefix}session:*`);
    expect(keys.some((k) => k.includes(id))).toBe(false);
    const ttl = Math.max(...(await Promise.all(keys.map((k) => redis.pttl(k)))));
    expect(ttl).toBeGreaterThan(IDLE - 60_000);
    expect(ttl).toBeLessThanOrEqual(IDLE);
  });

  it('give a pending login (PKCE verifier, state) once only', async () => {
    await store.putLogin('state-1', { codeVerifier: 'v', nonce: 'n', returnTo: '/faelle', browser: 'b' });
    expect(await store.takeLogin('state-1')).toEqual({
      codeVerifier: 'v',
      nonce: 'n',
      returnTo: '/faelle',
      browser: 'b',
    });
    expect(await store.takeLogin('state-1')).toBeUndefined();
  });
});
