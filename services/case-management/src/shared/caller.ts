import type { Principal } from '@si/auth';
import { auditActorOf, type AuditActor } from '@si/audit';
import { systemActor } from '@si/kernel';
import type { Actor, Role } from '../cases/domain/index.js';

/** The realm roles a person can act with here, strongest scope first. */
const HUMAN_ROLES = ['gemeinde', 'migrationsamt', 'sozialregion', 'ags'] as const satisfies readonly Role[];
export type HumanRole = (typeof HUMAN_ROLES)[number];

/**
 * The domain actor for a caller on a route that admits `allowed` roles: the first of the caller's realm
 * roles the route admits (the guard already checked there is one). Scope claims come from the token only.
 */
export function actorFor(
  principal: Principal,
  allowed: readonly HumanRole[] = HUMAN_ROLES,
): Actor & { role: HumanRole } {
  const role = HUMAN_ROLES.find((r) => allowed.includes(r) && principal.roles.includes(r));
  if (!role) throw new Error(`principal ${principal.subject} holds none of ${allowed.join(', ')}`);
  return {
    id: principal.subject,
    role,
    ...(role === 'gemeinde' ? { gemeinden: principal.gemeinden } : {}),
    ...(role === 'sozialregion' && principal.sozialregion ? { sozialregion: principal.sozialregion } : {}),
  };
}

/** The audit actor of a caller: see @si/audit. */
export const auditActor = auditActorOf;

/** The audit actor for a change made by a message (registry-intake, dfpa): the platform's system actor (@si/kernel). */
export function systemAuditActor(source: string): AuditActor {
  return systemActor(source);
}
