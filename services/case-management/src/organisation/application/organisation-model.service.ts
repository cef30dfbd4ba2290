import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '@si/auth';
import { AuditLog } from '@si/audit';
import {
  OrganisationRegister,
  type OrganisationModel,
  type OrganisationPeriod,
  type OrganisationPeriodView,
} from '../domain/index.js';
import { actorFor, auditActor } from '../../shared/caller.js';
import { Clock } from '../../shared/clock.js';
import { REFERENCE_DATA } from '../../cases/application/tokens.js';
import type { ReferenceData } from '../../shared/reference-data.js';
import { OrganisationPeriodRepository } from '../infrastructure/organisation-period.repository.js';
import { OrganisationRegisterProvider } from '../infrastructure/organisation-register.provider.js';

export interface MunicipalityModel {
  municipality: number;
  model: OrganisationModel;
  /** Whose officers work its cases today. */
  responsibleUnit: number;
  /** The municipalities it leads today (Leitgemeinde). */
  members: number[];
  sozialregion: string | null;
}

/**
 * The organisation model per municipality (R29), maintained by AGS through the API: reads of the current
 * model and of a municipality's history, and changes as new periods (append-only), audited. A change
 * takes effect on its `validFrom` for every case of the municipality, because cases keep their own BFS
 * number and access is resolved per request.
 */
@Injectable()
export class OrganisationModelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OrganisationPeriodRepository) private readonly periods: OrganisationPeriodRepository,
    @Inject(OrganisationRegisterProvider) private readonly provider: OrganisationRegisterProvider,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async current(on = this.clock.today()): Promise<MunicipalityModel[]> {
    const register = await this.provider.current();
    return this.reference.directory.municipalities.map((m) => ({
      municipality: m,
      model: register.modelAt(m, on),
      responsibleUnit: register.responsibleUnit(m, on),
      members: register.membersOf(m, on),
      sozialregion: this.reference.directory.sozialregionOf(m)?.id ?? null,
    }));
  }

  async history(municipality: number): Promise<OrganisationPeriodView[]> {
    return (await this.provider.current()).history(municipality);
  }

  async change(
    principal: Principal,
    change: { municipality: number; model: OrganisationModel; validFrom: string; reason: string },
  ): Promise<OrganisationPeriodView[]> {
    const actor = actorFor(principal, ['ags']);
    const period = await this.dataSource.transaction(async (em) => {
      await this.periods.lock(em);
      // Checked against the periods as stored now, not the cache: another instance may have changed them.
      const register = new OrganisationRegister(await this.periods.all(em), this.reference.directory);
      const period: OrganisationPeriod = register.change(change, {
        actorId: actor.id,
        role: actor.role,
        at: this.clock.instant(),
      });
      await this.periods.append(em, period);
      await this.audit.record(em, {
        actor: auditActor(principal),
        action: 'organisation.change-model',
        objectType: 'organisation-model',
        objectId: String(change.municipality),
        municipality: change.municipality,
        outcome: 'granted',
        detail: { validFrom: period.validFrom, model: period.model },
      });
      return period;
    });
    this.provider.invalidate();
    return this.history(period.municipality);
  }
}
