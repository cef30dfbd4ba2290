/** Who acted: taken from the validated token, never from the request body. */
export interface AuditActor {
  subject: string;
  username?: string;
  roles: string[];
  /** The scope the actor acted under: BFS numbers or the Sozialregion id from the token. */
  scope: { gemeinden?: number[]; sozialregion?: string };
}

export type AuditOutcome = 'granted' | 'denied';

/**
 * One access to personal data or one change of it (DSV Art. 4: read, store, change, disclose, delete).
 * `detail` says what, never the personal data itself: field names and ids, not values.
 */
export interface AuditEntry {
  actor: AuditActor;
  /** A verb in the service's vocabulary: `case.read`, `case.list`, `case.report-to-migrationsamt`, `delivery.create`. */
  action: string;
  objectType: string;
  /** The object's id; for list reads the filter that was applied. */
  objectId?: string;
  /** The municipality (BFS number) the object belongs to, for controls per tenant. */
  municipality?: number;
  outcome: AuditOutcome;
  /** Recipient of a disclosure (e.g. `migrationsamt`, a Sozialregion id). */
  recipient?: string;
  detail?: Record<string, unknown>;
}

export const AUDIT_TABLE = 'audit_record';

/** What a validated token says about its holder (the shape of @si/auth's Principal). */
export interface TokenHolder {
  subject: string;
  username?: string;
  roles: readonly string[];
  gemeinden: readonly number[];
  sozialregion?: string;
}

/** The audit actor of a caller, with the scope their token gave them at the time. */
export function auditActorOf(holder: TokenHolder): AuditActor {
  return {
    subject: holder.subject,
    username: holder.username,
    roles: [...holder.roles],
    scope: { gemeinden: [...holder.gemeinden], ...(holder.sozialregion ? { sozialregion: holder.sozialregion } : {}) },
  };
}
