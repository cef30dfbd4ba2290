import { createHash } from 'node:crypto';
import type { Principal } from './principal.js';

interface Entry {
  principal: Principal;
  expiresAtMs: number;
}

/**
 * Principals of already validated tokens, keyed by the SHA-256 of the token so the cache holds no
 * usable token, and so a tampered token (another hash) is never found and gets validated afresh. An
 * entry lives until the token's `exp`; beyond `maxEntries` the least recently used entry goes.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error('TokenCache needs maxEntries ≥ 1');
  }

  get size(): number {
    return this.entries.size;
  }

  get(token: string): Principal | undefined {
    const key = TokenCache.key(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    // keycloak-connect treats exp*1000 < now as expired; the cache must not outlive that.
    if (entry.expiresAtMs < this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.principal;
  }

  set(token: string, principal: Principal, expSeconds: number): void {
    const expiresAtMs = expSeconds * 1000;
    if (expiresAtMs < this.now()) return;
    const key = TokenCache.key(token);
    this.entries.delete(key);
    this.entries.set(key, { principal, expiresAtMs });
    // A Map iterates in insertion order and get() re-inserts, so the first key is the least recently used.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  private static key(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
