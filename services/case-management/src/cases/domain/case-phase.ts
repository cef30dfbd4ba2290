/**
 * Where a case stands, in two independent dimensions:
 *
 * - `CaseStatus`: who holds the case. `open` (the municipality's IB), `dfpa-handover-requested`
 *   (offered to the Sozialregion, IB still holds it until it is accepted), `at-sozialregion` (DFPA: the
 *   Sozialregion leads it, R16), `closed` (read-only, CM1).
 * - `CasePhase`: how far start.integration has gone (DOMAIN.md): Informieren → Fördern → Fordern →
 *   Sanktionieren. Phases only advance; a Migrationsamt decision leaves the case in `sanktionieren`,
 *   where the IB keeps supporting and demanding.
 */
export const CASE_STATUSES = ['open', 'dfpa-handover-requested', 'at-sozialregion', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_PHASES = ['informieren', 'foerdern', 'fordern', 'sanktionieren'] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

/** The later of two phases: a step never moves a case back (a talk in `sanktionieren` stays there). */
export function advancePhase(current: CasePhase, to: CasePhase): CasePhase {
  return CASE_PHASES.indexOf(to) > CASE_PHASES.indexOf(current) ? to : current;
}

/** Why a case ended (case.closed.v1 `reason`). */
export const CLOSE_REASONS = [
  'departed-abroad',
  'departed-other-canton',
  'naturalised',
  'died',
  'closed-by-officer',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Close reasons that come from the population register (facts, idempotent). */
export type RegistryCloseReason = Exclude<CloseReason, 'closed-by-officer'>;
