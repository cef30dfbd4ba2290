import type { Principal } from '@si/auth';
import { auditActorOf, type AuditActor } from '@si/audit';
import type { Actor, ServedRegions } from '../domain/index.js';

/** A caller of the region's routes: a caseworker (role `sozialregion`) or the region's own system (`sozialregion-connector`). */
export interface DfpaCaller {
  readonly principal: Principal;
  readonly region: string;
  readonly actor: Actor;
  readonly audit: AuditActor;
}

/**
 * The region comes from the token's `sozialregion` claim only, and must be one this instance serves (R25); the
 * route's roles were checked by the guard. A caller holding both roles acts as the person (caseworker).
 */
export function callerOf(principal: Principal, regions: ServedRegions): DfpaCaller {
  const region = regions.assertServed(principal.sozialregion);
  const kind = principal.roles.includes('sozialregion') ? 'caseworker' : 'connector';
  return { principal, region, actor: { username: principal.username, kind }, audit: auditActorOf(principal) };
}

/** Health constraints (R22): only a caseworker named on the case, never the region's system or a colleague. */
export function seesHealth(caller: DfpaCaller, caseworkers: readonly string[]): boolean {
  return caller.actor.kind === 'caseworker' && caseworkers.includes(caller.principal.username);
}
