import { Redis, type RedisOptions } from 'ioredis';

export function redisUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/**
 * A Redis connection for BullMQ. Workers block on Redis, so they need `maxRetriesPerRequest: null`
 * (BullMQ refuses otherwise); RESP2 keeps the wire protocol BullMQ is tested with.
 */
export function createRedisConnection(url = redisUrl(), options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    protocol: 2,
    lazyConnect: false,
    ...options,
  });
}
