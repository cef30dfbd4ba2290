import type { Principal } from '@si/auth';
import { auditActorOf, type AuditActor } from '@si/audit';
import type { OffersActor } from '../offers/domain/offer-keepers.js';

/**
 * The offers actor of a caller: AGS first (it curates everything), then provider staff with their provider claim,
 * then an officer with their municipalities. Undefined for roles that keep no offers (the route's @Roles decides
 * whether they get this far). Scope comes from the token only.
 */
export function offersActorOf(p: Principal): OffersActor | undefined {
  if (p.roles.includes('ags')) return { kind: 'ags', id: p.subject };
  if (p.roles.includes('anbieter') && p.anbieter) return { kind: 'provider', id: p.subject, providerId: p.anbieter };
  if (p.roles.includes('gemeinde')) return { kind: 'officer', id: p.subject, gemeinden: p.gemeinden };
  return undefined;
}

/** The audit actor, with the provider and pool claims beside the platform's scope. */
export function auditActor(p: Principal): AuditActor {
  const actor = auditActorOf(p);
  return {
    ...actor,
    scope: {
      ...actor.scope,
      ...(p.anbieter ? { anbieter: p.anbieter } : {}),
      ...(p.mentoringPools ? { mentoringPools: [...p.mentoringPools] } : {}),
    } as AuditActor['scope'],
  };
}

export function systemAuditActor(source: string): AuditActor {
  return { subject: `system:${source}`, username: source, roles: ['system'], scope: {} };
}
