import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Session } from './session.js';

/**
 * Sessions in Redis under the hash of their id (a copy of Redis does not give anyone a usable cookie).
 * A session ends after `idleMs` without a request (the key's TTL, renewed on every use) or `maxMs`
 * after login, whichever comes first.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly idleMs: number,
    private readonly maxMs: number,
  ) {}

  static newId(): string {
    return randomBytes(32).toString('base64url');
  }

  private key(id: string): string {
    return `${this.prefix}session:${createHash('sha256').update(id).digest('base64url')}`;
  }

  async create(session: Session): Promise<string> {
    const id = SessionStore.newId();
    await this.redis.set(this.key(id), JSON.stringify(session), 'PX', this.idleMs);
    return id;
  }

  /** The live session of this id, touched (its idle clock restarts); undefined when unknown, idle or too old. */
  async get(id: string | undefined, now = Date.now()): Promise<Session | undefined> {
    if (!id || id.length > 100) return undefined;
    const raw = await this.redis.get(this.key(id));
    if (!raw) return undefined;
    const session = JSON.parse(raw) as Session;
    if (now - session.lastSeenAt > this.idleMs || now - session.createdAt > this.maxMs) {
      await this.destroy(id);
      return undefined;
    }
    session.lastSeenAt = now;
    await this.redis.set(this.key(id), JSON.stringify(session), 'PX', this.idleMs);
    return session;
  }

  async save(id: string, session: Session): Promise<void> {
    await this.redis.set(this.key(id), JSON.stringify(session), 'PX', this.idleMs, 'XX');
  }

  async destroy(id: string): Promise<void> {
    await this.redis.del(this.key(id));
  }

  /** A pending login (PKCE verifier, state, nonce, where to return), one use, ten minutes. */
  async putLogin(state: string, login: PendingLogin): Promise<void> {
    await this.redis.set(`${this.prefix}login:${state}`, JSON.stringify(login), 'EX', 600);
  }

  async takeLogin(state: string): Promise<PendingLogin | undefined> {
    const raw = await this.redis.getdel(`${this.prefix}login:${state}`);
    return raw ? (JSON.parse(raw) as PendingLogin) : undefined;
  }
}

export interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  /** The browser that started the login (a cookie value): a callback from another browser is refused. */
  browser: string;
}
