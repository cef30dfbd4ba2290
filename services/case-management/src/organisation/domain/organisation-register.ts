import { addDays, isLocalDate, localDate } from '@si/kernel';
import {
  IN_HOUSE,
  type OrganisationModel,
  type OrganisationPeriod,
  type OrganisationPeriodView,
} from './organisation-model.js';
import { OrganisationModelError } from './organisation-model.errors.js';

/** The municipalities that exist (the Sozialregion directory implements it). */
export interface CantonalMunicipalities {
  isCantonal(bfs: number): boolean;
}

export interface ModelChange {
  readonly municipality: number;
  readonly model: OrganisationModel;
  readonly validFrom: string;
  readonly reason: string;
}

export interface ModelChangeContext {
  readonly actorId: string;
  readonly role: string;
  readonly at: string;
}

/**
 * The organisation model of every municipality over time, and what it means for access.
 *
 * Token claims and the model: the Keycloak claim `gemeinden` lists the BFS numbers an officer stands
 * for (usually just their own municipality; DESIGN.md allows a Leitgemeinde IB's token to list the
 * members too). The model, maintained by AGS here, says who works whose cases. An officer acts for
 * municipality M on day D exactly when the *responsible unit* of M on D (M itself if in-house, else
 * its Leitgemeinde) is among the claims. So:
 * - claims [2548] (Hubersdorf, Leitgemeinde) ⇒ 2548 and its members 2541, 2545, 2547, 2549, 2554;
 * - claims [2548, 2541, …] ⇒ the same set: listing members is harmless, never required;
 * - claims [2541] alone, while 2541 is a member of 2548 ⇒ nothing for 2541: the member delegated the
 *   task, so its own staff do not see integration cases (R22/R25 need-to-know); when 2541 goes back
 *   in-house the same token works again without a Keycloak change.
 * A model change takes effect on its `validFrom` for new and existing cases alike, because the case
 * keeps only its own BFS number and access is resolved on the day of the request.
 */
export class OrganisationRegister {
  private readonly periods = new Map<number, OrganisationPeriod[]>();

  constructor(
    periods: readonly OrganisationPeriod[] = [],
    private readonly canton?: CantonalMunicipalities,
  ) {
    const sorted = [...periods].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (const p of sorted) {
      const list = this.periods.get(p.municipality) ?? [];
      if (list.some((q) => q.validFrom === p.validFrom)) {
        throw new OrganisationModelError(
          'period-duplicate',
          {
            de: `Zwei Organisationsmodelle für ${p.municipality} ab ${p.validFrom}.`,
            en: `Two organisation models for ${p.municipality} from ${p.validFrom}.`,
          },
          'conflict',
        );
      }
      list.push(Object.freeze({ ...p }));
      this.periods.set(p.municipality, list);
    }
  }

  /** The model valid on `on` (YYYY-MM-DD); in-house when nothing is recorded. */
  modelAt(municipality: number, on: string): OrganisationModel {
    const list = this.periods.get(municipality) ?? [];
    let model: OrganisationModel = IN_HOUSE;
    for (const p of list) if (p.validFrom <= on) model = p.model;
    return model;
  }

  /** The BFS number whose officers work this municipality's cases on `on`. */
  responsibleUnit(municipality: number, on: string): number {
    const model = this.modelAt(municipality, on);
    return model.kind === 'leitgemeinde' ? model.leitgemeinde : municipality;
  }

  /** Member municipalities of a Leitgemeinde on `on` (without the Leitgemeinde itself). */
  membersOf(leitgemeinde: number, on: string): number[] {
    return [...this.periods.keys()]
      .filter((m) => m !== leitgemeinde && this.responsibleUnit(m, on) === leitgemeinde)
      .sort((a, b) => a - b);
  }

  /** Whether an officer with these `gemeinden` claims may work cases of `municipality` on `on`. */
  actsFor(claims: readonly number[], municipality: number, on: string): boolean {
    return claims.includes(this.responsibleUnit(municipality, on));
  }

  /** Every municipality an officer with these claims works on `on` (sorted BFS numbers). */
  responsibleMunicipalities(claims: readonly number[], on: string): number[] {
    const result = new Set<number>();
    for (const c of claims) {
      if (this.actsFor(claims, c, on)) result.add(c);
      for (const m of this.membersOf(c, on)) result.add(m);
    }
    return [...result].sort((a, b) => a - b);
  }

  /** The municipality's periods, oldest first, with derived ends. */
  history(municipality: number): OrganisationPeriodView[] {
    const list = this.periods.get(municipality) ?? [];
    return list.map((p, i) => {
      const next = list[i + 1];
      return { ...p, validTo: next ? addDays(localDate(next.validFrom), -1) : null };
    });
  }

  /**
   * AGS records a new model from `validFrom` (R29). Append-only: `validFrom` must lie after the
   * municipality's last recorded period. Refused: a Leitgemeinde that is itself a member (no chains),
   * a municipality joining a Leitgemeinde while it still leads members, unknown BFS numbers.
   */
  change(change: ModelChange, ctx: ModelChangeContext): OrganisationPeriod {
    if (ctx.role !== 'ags') {
      throw new OrganisationModelError(
        'role-not-allowed',
        {
          de: 'Nur das AGS pflegt das Organisationsmodell der Gemeinden.',
          en: "Only AGS maintains the municipalities' organisation model.",
        },
        'forbidden',
      );
    }
    const { municipality, model, validFrom } = change;
    if (!isLocalDate(validFrom))
      this.refuse(
        'invalid-date',
        `validFrom «${validFrom}» ist kein Datum.`,
        `validFrom "${validFrom}" is not a date.`,
      );
    if (!change.reason?.trim()) this.refuse('reason-missing', 'Begründung fehlt.', 'Reason missing.');
    this.assertCantonal(municipality);
    const last = this.periods.get(municipality)?.at(-1);
    if (last && validFrom <= last.validFrom) {
      this.refuse(
        'not-append-only',
        `Neue Periode muss nach dem ${last.validFrom} beginnen.`,
        `A new period must start after ${last.validFrom}.`,
      );
    }
    if (model.kind === 'leitgemeinde') {
      const lead = model.leitgemeinde;
      this.assertCantonal(lead);
      if (lead === municipality)
        this.refuse(
          'self-lead',
          'Eine Gemeinde kann nicht ihre eigene Leitgemeinde sein.',
          'A municipality cannot be its own Leitgemeinde.',
        );
      if (this.isMemberOnOrAfter(lead, validFrom)) {
        this.refuse(
          'lead-is-member',
          `${lead} ist selbst einer Leitgemeinde angeschlossen.`,
          `${lead} is itself a member of a Leitgemeinde.`,
        );
      }
      if (this.hasMembersOnOrAfter(municipality, validFrom)) {
        this.refuse(
          'lead-cannot-join',
          `${municipality} ist Leitgemeinde anderer Gemeinden.`,
          `${municipality} leads other municipalities.`,
        );
      }
    }
    const period: OrganisationPeriod = Object.freeze({
      municipality,
      model,
      validFrom,
      recordedBy: ctx.actorId,
      recordedAt: ctx.at,
      reason: change.reason.trim(),
    });
    this.periods.set(municipality, [...(this.periods.get(municipality) ?? []), period]);
    return period;
  }

  private isMemberOnOrAfter(municipality: number, from: string): boolean {
    if (this.modelAt(municipality, from).kind === 'leitgemeinde') return true;
    return (this.periods.get(municipality) ?? []).some((p) => p.validFrom > from && p.model.kind === 'leitgemeinde');
  }

  private hasMembersOnOrAfter(lead: number, from: string): boolean {
    for (const [m, list] of this.periods) {
      if (m === lead) continue;
      if (this.responsibleUnit(m, from) === lead) return true;
      if (list.some((p) => p.validFrom > from && p.model.kind === 'leitgemeinde' && p.model.leitgemeinde === lead))
        return true;
    }
    return false;
  }

  private assertCantonal(bfs: number): void {
    if (this.canton && !this.canton.isCantonal(bfs)) {
      this.refuse(
        'unknown-municipality',
        `${bfs} ist keine Solothurner Gemeinde.`,
        `${bfs} is not a Solothurn municipality.`,
      );
    }
  }

  private refuse(code: string, de: string, en: string): never {
    throw new OrganisationModelError(code, { de, en });
  }
}
