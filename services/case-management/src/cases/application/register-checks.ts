import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@si/auth';
import { ProblemError, problemType } from '@si/http';
import { OrganisationRegisterProvider } from '../../organisation/infrastructure/organisation-register.provider.js';
import { actorFor, auditActor, type HumanRole } from '../../shared/caller.js';
import { Clock } from '../../shared/clock.js';
import { ReadAuditWriter } from '../../shared/read-audit-writer.js';
import { RULES } from '../domain/index.js';
import { BaseDeliveryRepository, type BaseDeliveryRow } from '../infrastructure/base-delivery.repository.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import type { RegisterBaseDeliveryCompletedV1 } from '@si/contracts';
import type { PersonRegisteredData } from '../messaging/person-event.data.js';
import { personRefsOf } from '../messaging/person-event.mapper.js';

export const REGISTER_CHECK_ROLES: readonly HumanRole[] = ['gemeinde', 'ags'];

export interface RegisterCheck {
  municipality: number;
  messageId: string;
  eventDate: string | null;
  completedAt: string;
  persons: number;
  registered: number;
  /** person.registered.v1 of the delivery applied here so far. */
  seen: number;
  /**
   * All of the delivery is applied and it was a whole register: sent in one message, or every package of a partial
   * delivery joined (not one package alone).
   */
  conclusive: boolean;
  partialDelivery: BaseDeliveryRow['partialDelivery'];
  /** The packages' messageIds of a joined partial delivery; null for a register sent as one message. */
  packageMessageIds: string[] | null;
  /** Live cases registered by the delivery's date whose person it does not list; names for the IB only. */
  cases: Array<{
    caseId: string;
    personRef: string;
    registrationDate: string;
    status: string;
    officialName?: string;
    firstName?: string;
  }>;
}

/**
 * Compares a municipality's cases with its register: every person.registered.v1 of a base delivery is counted and,
 * when the person has a live case, remembered; register.base-delivery-completed.v1 closes the delivery. The check
 * lists the live cases whose person the latest complete delivery does not list, for the IB to look into (a move
 * away the register has not reported to us, a wrong reference); it changes no case by itself.
 */
@Injectable()
export class RegisterChecks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BaseDeliveryRepository) private readonly deliveries: BaseDeliveryRepository,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(OrganisationRegisterProvider) private readonly organisation: OrganisationRegisterProvider,
    @Inject(ReadAuditWriter) private readonly audit: ReadAuditWriter,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async registered(em: EntityManager, d: PersonRegisteredData): Promise<void> {
    const messageId = d.baseDelivery.messageId;
    if (!messageId) return; // eCH-0058 requires one; without it the line belongs to no comparable delivery
    const refs = personRefsOf(d);
    const withCase = (await this.cases.liveCaseIdOf(em, refs)) !== null;
    await this.deliveries.registered(em, messageId, d.baseDelivery.position, withCase ? refs : []);
  }

  async completed(em: EntityManager, d: RegisterBaseDeliveryCompletedV1): Promise<void> {
    await this.deliveries.completed(em, {
      messageId: d.messageId,
      municipality: d.bfsNumber,
      eventDate: d.eventDate,
      persons: d.persons,
      registered: d.registered,
      partialDelivery: d.partialDelivery,
      packageMessageIds: d.packages?.map((p) => p.messageId) ?? null,
    });
  }

  async check(principal: Principal, municipality: number): Promise<RegisterCheck> {
    const actor = actorFor(principal, REGISTER_CHECK_ROLES);
    const base = {
      actor: auditActor(principal),
      action: 'register-check.read',
      objectType: 'municipality',
      objectId: String(municipality),
      municipality,
    };
    if (actor.role === 'gemeinde') {
      const register = await this.organisation.current();
      if (!register.responsibleMunicipalities(actor.gemeinden ?? [], this.clock.today()).includes(municipality)) {
        await this.audit.record({ ...base, outcome: 'denied', detail: { rule: 'R25' } });
        throw new ProblemError({
          type: problemType('municipality-outside-scope'),
          status: 403,
          title: 'Gemeinde ausserhalb Ihres Bereichs',
          detail: `You do not work the cases of municipality ${municipality}.`,
          rule: 'R25',
          extensions: { ruleText: RULES.R25 },
        });
      }
    }
    const em = this.dataSource.manager;
    const delivery = await this.deliveries.latest(em, municipality);
    if (!delivery) {
      await this.audit.record({ ...base, outcome: 'granted', detail: { messageId: null } });
      throw new ProblemError({
        type: problemType('no-base-delivery'),
        status: 404,
        title: 'Keine Gesamtlieferung',
        detail: `No base delivery of municipality ${municipality} has been taken in yet.`,
      });
    }
    const missing = await this.deliveries.missing(em, delivery);
    await this.audit.record({
      ...base,
      outcome: 'granted',
      detail: { messageId: delivery.messageId, caseIds: missing.map((c) => c.caseId) },
    });
    const names = actor.role === 'gemeinde';
    return {
      municipality,
      messageId: delivery.messageId,
      eventDate: delivery.eventDate,
      completedAt: delivery.completedAt.toISOString(),
      persons: delivery.persons,
      registered: delivery.registered,
      seen: delivery.seen,
      conclusive:
        delivery.seen >= delivery.registered &&
        (delivery.partialDelivery === null || delivery.packageMessageIds !== null),
      partialDelivery: delivery.partialDelivery,
      packageMessageIds: delivery.packageMessageIds,
      cases: missing.map((c) => ({
        caseId: c.caseId,
        personRef: c.personRef,
        registrationDate: c.registrationDate,
        status: c.status,
        ...(names ? { officialName: c.officialName, firstName: c.firstName } : {}),
      })),
    };
  }
}
