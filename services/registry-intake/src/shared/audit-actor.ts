import type { AuditActor } from '@si/audit';
import type { Principal } from '@si/auth';

export function auditActor(principal: Principal): AuditActor {
  return {
    subject: principal.subject,
    username: principal.username,
    roles: [...principal.roles],
    scope: { gemeinden: [...principal.gemeinden], ...(principal.sozialregion ? { sozialregion: principal.sozialregion } : {}) },
  };
}

/** The actor of work the service does by itself (the sedex inbox, the lease sweeper). */
export function systemActor(what: string): AuditActor {
  return { subject: `system:registry-intake:${what}`, username: `registry-intake/${what}`, roles: ['system'], scope: {} };
}
