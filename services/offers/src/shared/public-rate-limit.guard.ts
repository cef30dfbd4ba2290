import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ProblemError, problemType } from '@si/http';
import { REDIS } from '@si/service';
import { OFFERS_CONFIG, type OffersConfig } from '../config/offers.config.js';

/**
 * Limits public requests per client address and minute with one counter in Redis (INCR, expiring with its window),
 * so that the limit holds across instances. @fastify/rate-limit would need registering before Nest adds its routes,
 * which the platform's bootstrap does not offer; this is the same fixed-window count. 429 as problem+json with
 * Retry-After.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(OFFERS_CONFIG) private readonly config: OffersConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<{ ip?: string; headers: Record<string, string | string[] | undefined> }>();
    const reply = http.getResponse<{ header(name: string, value: string): unknown }>();
    const window = Math.floor(Date.now() / 60_000);
    const key = `${this.config.jobsPrefix}:offers:rl:${this.clientOf(request)}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 61).exec()) as [[null, number], [null, number]];
    const limit = this.config.publicRateLimit;
    reply.header('RateLimit-Limit', String(limit));
    reply.header('RateLimit-Remaining', String(Math.max(0, limit - count)));
    if (count <= limit) return true;
    const retry = String(60 - Math.floor((Date.now() % 60_000) / 1000));
    reply.header('Retry-After', retry);
    throw new ProblemError({
      type: problemType('rate-limited'),
      status: 429,
      title: 'Zu viele Anfragen',
      detail: `More than ${limit} requests a minute from your address; retry after ${retry} s.`,
      rule: 'OF12',
    });
  }

  /**
   * The client a request counts for: its address, or, when it comes from a trusted proxy (the web server rendering the
   * public page for its visitors), the last address that proxy added to X-Forwarded-For. Untrusted senders cannot
   * choose their key by sending the header.
   */
  private clientOf(request: { ip?: string; headers: Record<string, string | string[] | undefined> }): string {
    const ip = request.ip ?? 'unknown';
    const trusted = (this.config.trustedProxies ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const forwarded = request.headers['x-forwarded-for'];
    const header = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
    if (!header || !trusted.includes(ip)) return ip;
    return (
      header
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean)
        .at(-1) ?? ip
    );
  }
}
