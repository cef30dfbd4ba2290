import type { Principal } from '@si/auth';
import { auditActorOf, type AuditActor } from '@si/audit';
import { refuse } from './subsidy-error.js';

/** What the use cases know of a caller: from the validated token only. */
export interface Caller {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  /** Null for AGS (every municipality); the BFS numbers of an IB otherwise. */
  readonly municipalities: readonly number[] | null;
  readonly audit: AuditActor;
}

export function callerOf(p: Principal): Caller {
  const ags = p.roles.includes('ags') || p.roles.includes('ags-finanzen');
  return {
    id: p.subject,
    name: p.username,
    roles: p.roles,
    municipalities: ags ? null : p.roles.includes('gemeinde') ? p.gemeinden : [],
    audit: auditActorOf(p),
  };
}

export function mayActFor(caller: Caller, municipality: number): boolean {
  return caller.municipalities === null || caller.municipalities.includes(municipality);
}

/** S8: out of scope answers as if the object did not exist (no existence leak). */
export function notFound(what: 'claim' | 'export', id: string) {
  return refuse(
    'S8',
    `${what}-not-found`,
    what === 'claim' ? 'Abrechnung nicht gefunden.' : 'Export nicht gefunden.',
    `No ${what} ${id} in your scope.`,
    'not-found',
  );
}
