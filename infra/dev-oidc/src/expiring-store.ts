import { randomBytes } from 'node:crypto';

/**
 * Entries under unguessable keys that vanish after a fixed time, bounded in number so that a flood of
 * started logins cannot exhaust memory (the oldest go first). Used for pending logins and codes.
 */
export class ExpiringStore<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  /** Stores `value` under a fresh random key and returns the key. */
  add(value: T): string {
    const key = randomBytes(32).toString('base64url');
    this.sweep();
    this.entries.set(key, { value, expiresAt: this.now() + this.lifetimeMs });
    return key;
  }

  get(key: string | undefined | null): T | undefined {
    if (!key) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      // Insertion order is expiry order (one lifetime for all), so the first live entry ends the sweep.
      if (now < entry.expiresAt && this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
