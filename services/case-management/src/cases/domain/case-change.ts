import type { CaseEvent } from './case.events.js';
import type { HistoryAction } from './case-history.js';
import type { CaseState } from './case-state.js';

/**
 * What a command function decides: the next state, the history entry's what/why/details, and the
 * events to publish. `Case` applies it atomically (state, version, history) or not at all.
 */
export interface Change {
  readonly state: CaseState;
  readonly action: HistoryAction;
  readonly reason?: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly events: readonly CaseEvent[];
}
