import type { Actor } from './actor.js';
import type { CaseState } from './case-state.js';
import type { LocalDate } from './local-date.js';

/** The part of the organisation register access needs (OrganisationRegister implements it). */
export interface ResponsibilityResolver {
  actsFor(claims: readonly number[], municipality: number, on: string): boolean;
}

/**
 * Who may see a case (DESIGN.md "per object", R25 purpose-bound):
 * - `gemeinde`: officers whose claims cover the case municipality's responsible unit on `on` (R29);
 * - `migrationsamt`: only cases reported to it, and nothing else (R8);
 * - `sozialregion`: only while a hand-over to its own region is requested or accepted (R16);
 * - `ags`: coordination (hand-over, organisation model) needs the case;
 * - `system`: internal consumers.
 * The shell answers 404 (not 403) when this is false, so a case's existence does not leak.
 */
export function canAccessCase(
  actor: Actor,
  c: Pick<CaseState, 'municipality' | 'reports' | 'handover'>,
  org: ResponsibilityResolver,
  on: LocalDate,
): boolean {
  switch (actor.role) {
    case 'gemeinde':
      return org.actsFor(actor.gemeinden ?? [], c.municipality, on);
    case 'migrationsamt':
      return c.reports.length > 0;
    case 'sozialregion':
      return !!actor.sozialregion && c.handover?.sozialregionId === actor.sozialregion;
    case 'ags':
    case 'system':
      return true;
  }
}
