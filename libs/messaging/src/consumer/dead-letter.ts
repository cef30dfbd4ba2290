/** Why a message was parked in `<queue>.dlq` (header `x-si-death-reason`). */
export type DeathReason = 'invalid-event' | 'no-handler' | 'permanent-error' | 'max-attempts';

/** Headers a consumer sets on retried and dead-lettered messages; the broker adds `x-death` on its own dead-letters. */
export const Headers = {
  attempts: 'x-si-attempts',
  lastError: 'x-si-last-error',
  deathReason: 'x-si-death-reason',
  error: 'x-si-error',
  failedAt: 'x-si-failed-at',
  queue: 'x-si-queue',
  consumer: 'x-si-consumer',
  /** On a message sent into a retry queue behind an earlier message of its subject (subject-holds.ts). */
  heldFor: 'x-si-held-for',
} as const;

/**
 * Error texts go into headers and logs: bounded, single line. Validation errors name schema paths, not
 * values; handlers must not put personal data into their error messages either.
 */
export function errorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.replace(/\s+/g, ' ').slice(0, 1000);
}
