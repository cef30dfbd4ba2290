import { createHash, timingSafeEqual } from 'node:crypto';

/** What a one-time authorization code stands for; it lives about 60 s (Keycloak's accessCodeLifespan). */
export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  /** S256 challenge, when the request carried one. */
  codeChallenge?: string;
  nonce?: string;
  sessionId: string;
  subject: string;
  /** Requested scope names, `openid` included when asked. */
  scopes: string[];
  /** Set on the first exchange: a second one is refused and revokes what the first issued. */
  used: boolean;
}

export const CODE_LIFETIME_MS = 60_000;

// RFC 7636 §4.1: 43–128 characters of the unreserved set.
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
// An S256 challenge is a base64url SHA-256: 43 characters.
export const S256_CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

export const isWellFormedVerifier = (verifier: string): boolean => VERIFIER.test(verifier);

/** RFC 7636 §4.6: BASE64URL(SHA256(verifier)) equals the challenge, compared in constant time. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
