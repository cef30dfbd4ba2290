import { Inject, Injectable } from '@nestjs/common';
import { canAccessCase, type Actor, type CaseState } from '../domain/index.js';
import { OrganisationRegisterProvider } from '../../organisation/infrastructure/organisation-register.provider.js';
import { Clock } from '../../shared/clock.js';
import type { ReferenceData } from '../../shared/reference-data.js';
import { REFERENCE_DATA } from './tokens.js';
import type { WorkListScope } from '../infrastructure/work-list.query.js';

/**
 * Per-object access (DESIGN.md, R25, R29), resolved on the day of the request with the current
 * organisation model: the domain's `canAccessCase` for one case, and the matching scope for lists.
 */
@Injectable()
export class CaseAccess {
  private readonly allMunicipalities: readonly number[];

  constructor(
    @Inject(OrganisationRegisterProvider) private readonly organisation: OrganisationRegisterProvider,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(REFERENCE_DATA) reference: ReferenceData,
  ) {
    this.allMunicipalities = reference.directory.municipalities;
  }

  async canAccess(actor: Actor, state: Pick<CaseState, 'municipality' | 'reports' | 'handover'>): Promise<boolean> {
    return canAccessCase(actor, state, await this.organisation.current(), this.clock.today());
  }

  /** The cases a caller may list: an IB the municipalities they work (a Leitgemeinde's members included). */
  async listScope(actor: Actor): Promise<WorkListScope> {
    switch (actor.role) {
      case 'gemeinde': {
        const register = await this.organisation.current();
        return {
          kind: 'municipalities',
          bfs: register.responsibleMunicipalities(actor.gemeinden ?? [], this.clock.today()),
        };
      }
      case 'migrationsamt':
        return { kind: 'reported' };
      case 'sozialregion':
        // Without a region claim the token grants no cases: an id nobody has.
        return { kind: 'sozialregion', id: actor.sozialregion ?? '' };
      case 'ags':
      case 'system':
        return { kind: 'municipalities', bfs: this.allMunicipalities };
    }
  }
}
