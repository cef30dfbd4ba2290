import type { Principal } from './principal.js';
import { forbidden } from './problem.js';
import type { RealmRole } from './realm-role.js';

/** True if the principal holds the realm role. */
export function hasRole(principal: Principal, role: RealmRole): boolean {
  return principal.roles.includes(role);
}

/**
 * May this principal act for the municipality with BFS number `bfs`? Only an IB (role `gemeinde`) for a
 * number in their `gemeinden` claim; the claim without the role grants nothing, so a stray attribute
 * on a Sozialregion or AGS account does not open municipal cases.
 */
export function canActForMunicipality(principal: Principal, bfs: number): boolean {
  return Number.isInteger(bfs) && hasRole(principal, 'gemeinde') && principal.gemeinden.includes(bfs);
}

/** Throws 403 naming the BFS number unless `canActForMunicipality`. */
export function assertMunicipality(principal: Principal, bfs: number): void {
  if (!canActForMunicipality(principal, bfs)) throw forbidden(`not allowed to act for municipality BFS ${bfs}`);
}

/** Throws 403 naming the region unless the principal is that Sozialregion (role `sozialregion` and claim). */
export function assertSozialregion(principal: Principal, regionId: string): void {
  if (!hasRole(principal, 'sozialregion') || principal.sozialregion !== regionId) {
    throw forbidden(`not allowed to act for Sozialregion ${regionId}`);
  }
}
