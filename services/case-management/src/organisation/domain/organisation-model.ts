/**
 * How a municipality runs start.integration (DOMAIN.md, R29, seeds 002 Schwerpunkt 2):
 * `in-house` (gemeindeinternes Modell: its own IB) or `leitgemeinde` (it contracted lead municipality
 * X, whose IB works its cases). The case keeps the member's BFS number either way: subsidies and
 * reports count per residence municipality.
 */
export type OrganisationModel =
  { readonly kind: 'in-house' } | { readonly kind: 'leitgemeinde'; readonly leitgemeinde: number };

/** A municipality with no recorded period runs start.integration itself (the legal default, R27). */
export const IN_HOUSE: OrganisationModel = Object.freeze({ kind: 'in-house' });

/**
 * One period of a municipality's model. Periods are never edited: a change is a new period from its
 * `validFrom`; the previous one ends the day before (`validTo` is derived, not stored).
 */
export interface OrganisationPeriod {
  readonly municipality: number;
  readonly model: OrganisationModel;
  readonly validFrom: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly reason: string;
}

/** A period as shown in the history view, with its derived end. */
export interface OrganisationPeriodView extends OrganisationPeriod {
  /** Last day of validity, or null while current. */
  readonly validTo: string | null;
}
