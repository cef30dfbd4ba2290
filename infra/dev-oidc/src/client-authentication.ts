import { createHash, timingSafeEqual } from 'node:crypto';
import { oauthErrors } from './oauth-error.js';
import type { RealmModel } from './realm-model.js';
import type { ClientRepresentation } from './realm-representation.js';

/** Compares secrets in constant time; hashing first makes the lengths equal. */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

// RFC 6749 §2.3.1: client id and secret are form-encoded before they go into the Basic header.
const formDecode = (value: string): string => decodeURIComponent(value.replace(/\+/g, ' '));

function basicCredentials(authorization: string | undefined): { id: string; secret: string } | undefined {
  const encoded = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/**
 * Identifies and authenticates the client of a token request the way Keycloak's default client
 * authenticator does: HTTP Basic or `client_id`/`client_secret` in the form; public clients send only
 * their id; bearer-only clients may not obtain tokens at all.
 */
export function authenticateClient(
  realm: RealmModel,
  form: URLSearchParams,
  authorization: string | undefined,
): ClientRepresentation {
  const basic = basicCredentials(authorization);
  const clientId = basic?.id ?? form.get('client_id');
  if (!clientId) throw oauthErrors.invalidClient('Missing parameter: client_id');
  const client = realm.client(clientId);
  if (!client || client.enabled === false) throw oauthErrors.invalidClient();
  if (client.bearerOnly) throw oauthErrors.bearerOnly();
  if (client.publicClient) return client;
  const secret = basic?.secret ?? form.get('client_secret');
  if (!secret) throw oauthErrors.invalidClient('Client secret not provided in request');
  if (!client.secret || !secretsEqual(secret, client.secret)) throw oauthErrors.invalidClient();
  return client;
}
