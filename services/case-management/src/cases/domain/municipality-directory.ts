/**
 * The port the case domain needs from the organisation model: which municipalities are Solothurn's and which
 * Sozialregion serves each (R16, CM5). Declared here, by its user, so that the case domain imports nothing of
 * organisation/; `organisation/domain/SozialregionDirectory` implements it.
 */
export interface Sozialregion {
  /** Stable id; the value of the Keycloak claim `sozialregion`. */
  readonly id: string;
  readonly name: string;
  readonly municipalities: readonly number[];
}

export interface MunicipalityDirectory {
  /** True for a current Solothurn municipality (BFS number). */
  isCantonal(bfs: number): boolean;
  sozialregionOf(bfs: number): Sozialregion | undefined;
}
