import type { TargetGroupDecision } from '../../rules/target-group-rule.js';

/** One line of a delivery's log: what became of one eCH event (or one person of a base delivery). */
export interface OutcomeEntry {
  /** Position in the delivery (0-based), in document order. */
  seq: number;
  echEvent: string;
  line: number;
  action: 'emit' | 'skip';
  eventType: string | null;
  /** The CloudEvent id of the emitted event. */
  eventId: string | null;
  personRef: string | null;
  /** Why it was skipped (SKIP_REASONS key). */
  reason: string | null;
  detail: string | null;
  notes: string[];
  /** Arrivals and registrations: the target-group rule version and its decision. */
  targetGroup: TargetGroupDecision | null;
}
