import type { BruteForceProtector } from './brute-force.js';
import { secretsEqual } from './client-authentication.js';
import type { RealmModel } from './realm-model.js';
import type { UserRepresentation } from './realm-representation.js';

export type UserAuthentication =
  | { ok: true; user: UserRepresentation }
  /** `invalid` covers an unknown user, a wrong password and a locked user alike, so none can be told apart. */
  | { ok: false; reason: 'invalid' | 'disabled' | 'not-set-up' };

function passwordMatches(user: UserRepresentation, password: string): boolean {
  const credential = user.credentials?.find((c) => c.type === 'password' && c.value !== undefined);
  return credential?.value !== undefined && secretsEqual(password, credential.value);
}

/**
 * Checks a realm user's password for the login form and the password grant alike, under the realm's
 * brute-force detection: a locked user is refused without looking at the password, a wrong password
 * counts as a failure, a right one clears the count.
 */
export function authenticateUser(
  realm: RealmModel,
  bruteForce: BruteForceProtector,
  login: string,
  password: string,
): UserAuthentication {
  const user = realm.userByLogin(login);
  if (!user) {
    // The same work as for a known user, so the answer time does not tell whether the name exists.
    secretsEqual(password, login);
    return { ok: false, reason: 'invalid' };
  }
  const id = realm.subjectOf(user);
  if (bruteForce.isLocked(id)) return { ok: false, reason: 'invalid' };
  if (!passwordMatches(user, password)) {
    bruteForce.failure(id);
    return { ok: false, reason: 'invalid' };
  }
  bruteForce.success(id);
  if (user.enabled === false) return { ok: false, reason: 'disabled' };
  const temporary = user.credentials?.some((c) => c.type === 'password' && c.temporary);
  if ((user.requiredActions ?? []).length > 0 || temporary) return { ok: false, reason: 'not-set-up' };
  return { ok: true, user };
}
