import { describe, expect, it } from '@jest/globals';
import type { Principal } from './principal.js';
import { TokenCache } from './token-cache.js';

const principal = (subject: string): Principal => ({
  subject,
  username: subject,
  roles: [],
  gemeinden: [],
  clientId: 'si-cli',
  isServiceAccount: false,
});

describe('TokenCache', () => {
  it('returns the principal of a cached token until its exp, then forgets it', () => {
    let now = 1_000_000;
    const cache = new TokenCache(10, () => now);
    cache.set('token-a', principal('a'), now / 1000 + 60);
    expect(cache.get('token-a')?.subject).toBe('a');
    now += 60_000;
    expect(cache.get('token-a')?.subject).toBe('a');
    now += 1;
    expect(cache.get('token-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not store an already expired token', () => {
    const cache = new TokenCache(10, () => 1_000_000);
    cache.set('old', principal('old'), 999);
    expect(cache.get('old')).toBeUndefined();
  });

  it('finds nothing for a token that differs in one character', () => {
    const cache = new TokenCache();
    cache.set('header.payload.signature', principal('a'), Date.now() / 1000 + 60);
    expect(cache.get('header.payload.signaturf')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its bound', () => {
    const cache = new TokenCache(2);
    const exp = Date.now() / 1000 + 60;
    cache.set('a', principal('a'), exp);
    cache.set('b', principal('b'), exp);
    cache.get('a');
    cache.set('c', principal('c'), exp);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.subject).toBe('a');
    expect(cache.get('c')?.subject).toBe('c');
  });

  it('refuses a nonsensical bound', () => {
    expect(() => new TokenCache(0)).toThrow();
  });
});
