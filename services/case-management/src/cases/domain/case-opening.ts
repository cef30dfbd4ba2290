import type { CaseSubjectInput } from './case-subject.js';
import type { CaseState } from './case-state.js';
import type { LocalDate } from './local-date.js';

/** What person.arrived.v1 gives the case (the shell maps the event's data onto this). */
export interface OpenCaseInput extends CaseSubjectInput {
  /** New id from the shell (uuid). */
  readonly caseId: string;
  /** CloudEvents `id` of the person.arrived.v1 event. */
  readonly arrivalEventId: string;
  /** BFS number of the municipality of residence. */
  readonly municipality: number;
  /** Date of registration with the Einwohnerdienste: the first-information deadline counts from it (R13). */
  readonly registrationDate: LocalDate;
  readonly arrivalDate?: LocalDate | null;
}

export interface CaseConfig {
  /** Months from registration to first information (default 3). */
  readonly firstInformationMonths: number;
}

/**
 * The natural key of one arrival: the same person registering in the same municipality on the same
 * day is the same arrival, whichever message (or redelivery) reports it (CM3). The repository keeps a
 * unique index on it, so even two concurrent consumers cannot open two cases.
 */
export function arrivalKey(input: Pick<OpenCaseInput, 'personRef' | 'municipality' | 'registrationDate'>): string {
  return `${input.personRef}|${input.municipality}|${input.registrationDate}`;
}

export type OpeningDecision =
  | { readonly kind: 'open' }
  /** The same arrival again: acknowledge the message, change nothing. */
  | { readonly kind: 'duplicate'; readonly caseId: string }
  /** The person still has an open case: no second one (a move within the canton transfers instead). */
  | { readonly kind: 'already-open'; readonly caseId: string };

/** Decides, from the person's existing cases, whether an arrival opens a case (CM3). */
export function decideOpening(
  input: OpenCaseInput,
  personCases: readonly Pick<CaseState, 'caseId' | 'arrivalKey' | 'status'>[],
): OpeningDecision {
  const key = arrivalKey(input);
  const same = personCases.find((c) => c.arrivalKey === key);
  if (same) return { kind: 'duplicate', caseId: same.caseId };
  const open = personCases.find((c) => c.status !== 'closed');
  if (open) return { kind: 'already-open', caseId: open.caseId };
  return { kind: 'open' };
}
