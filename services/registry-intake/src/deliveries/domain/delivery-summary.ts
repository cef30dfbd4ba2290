/**
 * Counts of a delivery's outcomes for the log: person events emitted per type, eCH events skipped per reason, and
 * per target-group decision of arrivals and registrations.
 */
export interface DeliverySummary {
  emitted: Record<string, number>;
  skipped: Record<string, number>;
  targetGroup: { opensCase: number; noCase: number };
}

export function emptySummary(): DeliverySummary {
  return { emitted: {}, skipped: {}, targetGroup: { opensCase: 0, noCase: 0 } };
}

export function countEmit(summary: DeliverySummary, type: string, opensCase: boolean | undefined): void {
  summary.emitted[type] = (summary.emitted[type] ?? 0) + 1;
  if (opensCase === true) summary.targetGroup.opensCase++;
  else if (opensCase === false) summary.targetGroup.noCase++;
}

export function countSkip(summary: DeliverySummary, reason: string): void {
  summary.skipped[reason] = (summary.skipped[reason] ?? 0) + 1;
}
