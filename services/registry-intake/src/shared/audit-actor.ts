import { auditActorOf, type AuditActor } from '@si/audit';
import { systemActor as platformSystemActor } from '@si/kernel';

/** The audit actor of a caller: see @si/audit. */
export const auditActor = auditActorOf;

/** The actor of work the service does by itself (the sedex inbox, the lease sweeper). */
export function systemActor(what: string): AuditActor {
  return platformSystemActor('registry-intake', what);
}
