import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@si/auth';
import { AuditLog } from '@si/audit';
import { Outbox } from '@si/messaging';
import { CaseDomainError, type Case, type CaseEvent, type CommandContext } from '../domain/index.js';
import { actorFor, auditActor, type HumanRole } from '../../shared/caller.js';
import { Clock } from '../../shared/clock.js';
import { caseNotFound } from '../../shared/domain-problem.js';
import { caseColumns } from '../infrastructure/case-columns.js';
import { CaseRepository, type LoadedCase } from '../infrastructure/case.repository.js';
import { DeadlineQueue } from '../jobs/deadline-queue.js';
import { CaseAccess } from './case-access.js';
import { CASE_MANAGEMENT_CONFIG, type CaseManagementConfig } from '../../config/case-management.config.js';

/** What one action does to a loaded case, inside the transaction. */
export interface CaseAction {
  /** Audit verb: `case.<name>`. */
  readonly name: string;
  /** Roles that may call it (the route's @Roles); the actor's role is picked from these. */
  readonly roles: readonly HumanRole[];
  apply(c: Case, ctx: CommandContext, tx: ActionTransaction): Promise<CaseEvent[]> | CaseEvent[];
}

/** The same action on several cases in one transaction (a household talk). */
export interface CaseBatchAction {
  readonly name: string;
  readonly roles: readonly HumanRole[];
  apply(cases: Case[], ctx: CommandContext): Map<string, CaseEvent[]>;
}

export interface ActionTransaction {
  readonly em: EntityManager;
  readonly loaded: LoadedCase;
  /** Extra audit fields the action sets (recipient of a disclosure, field names sent). */
  audit: { recipient?: string; detail?: Record<string, unknown> };
}

class OutOfScope extends Error {}

/**
 * Runs an officer's action on one case, the same way for every action: in one transaction load the case
 * with its row lock, check the caller may reach it (else 404, as if it did not exist), let the domain
 * decide, write state + history (optimistic version), the events to the outbox and the audit record.
 * A refusal rolls everything back and is audited as denied with its rule. After the commit the
 * first-information reminder is (re)scheduled.
 */
@Injectable()
export class CaseCommandRunner {
  private readonly reminderLeadDays: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CaseRepository) private readonly repository: CaseRepository,
    @Inject(CaseAccess) private readonly access: CaseAccess,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DeadlineQueue) private readonly deadlines: DeadlineQueue,
    @Inject(CASE_MANAGEMENT_CONFIG) config: Pick<CaseManagementConfig, 'reminderLeadDays'>,
  ) {
    this.reminderLeadDays = config.reminderLeadDays;
  }

  async run(principal: Principal, caseId: string, action: CaseAction): Promise<LoadedCase> {
    const actor = actorFor(principal, action.roles);
    const ctx: CommandContext = { actor, at: this.clock.instant() };
    let municipality: number | undefined;
    try {
      const loaded = await this.dataSource.transaction(async (em) => {
        const loaded = await this.repository.find(em, caseId, true);
        if (!loaded || !(await this.access.canAccess(actor, loaded.case.state))) throw new OutOfScope();
        municipality = loaded.case.municipality;
        const tx: ActionTransaction = { em, loaded, audit: {} };
        const events = await action.apply(loaded.case, ctx, tx);
        await this.repository.save(em, loaded.case, loaded);
        await this.outbox.add(em, ...events.map((e) => ({ type: e.type, subject: e.subject, data: e.data })));
        await this.audit.record(em, {
          actor: auditActor(principal),
          action: `case.${action.name}`,
          objectType: 'case',
          objectId: caseId,
          municipality: loaded.case.municipality,
          outcome: 'granted',
          ...(tx.audit.recipient ? { recipient: tx.audit.recipient } : {}),
          detail: { version: loaded.case.state.version, events: events.map((e) => e.type), ...tx.audit.detail },
        });
        return loaded;
      });
      await this.scheduleReminder(loaded.case);
      return loaded;
    } catch (error) {
      const rule =
        error instanceof CaseDomainError ? error.ruleId : error instanceof OutOfScope ? 'not-found' : undefined;
      if (rule) {
        await this.audit.recordAlone({
          actor: auditActor(principal),
          action: `case.${action.name}`,
          objectType: 'case',
          objectId: caseId,
          ...(municipality !== undefined ? { municipality } : {}),
          outcome: 'denied',
          detail: { rule },
        });
      }
      if (error instanceof OutOfScope) throw caseNotFound();
      throw error;
    }
  }

  /** One action on several cases at once (a household talk): all or none, in id order to avoid deadlocks. */
  async runMany(principal: Principal, caseIds: readonly string[], action: CaseBatchAction): Promise<LoadedCase[]> {
    const actor = actorFor(principal, action.roles);
    const ctx: CommandContext = { actor, at: this.clock.instant() };
    const ids = [...new Set(caseIds)].sort();
    try {
      const loadedAll = await this.dataSource.transaction(async (em) => {
        const loadedAll: LoadedCase[] = [];
        for (const id of ids) {
          const loaded = await this.repository.find(em, id, true);
          if (!loaded || !(await this.access.canAccess(actor, loaded.case.state))) throw new OutOfScope();
          loadedAll.push(loaded);
        }
        const events = action.apply(
          loadedAll.map((l) => l.case),
          ctx,
        );
        for (const loaded of loadedAll) {
          await this.repository.save(em, loaded.case, loaded);
          const own = events.get(loaded.case.id) ?? [];
          await this.outbox.add(em, ...own.map((e) => ({ type: e.type, subject: e.subject, data: e.data })));
        }
        await this.audit.record(
          em,
          ...loadedAll.map((loaded) => ({
            actor: auditActor(principal),
            action: `case.${action.name}`,
            objectType: 'case',
            objectId: loaded.case.id,
            municipality: loaded.case.municipality,
            outcome: 'granted' as const,
            detail: { version: loaded.case.state.version, household: ids.length },
          })),
        );
        return loadedAll;
      });
      for (const loaded of loadedAll) await this.scheduleReminder(loaded.case);
      return loadedAll;
    } catch (error) {
      const rule =
        error instanceof CaseDomainError ? error.ruleId : error instanceof OutOfScope ? 'not-found' : undefined;
      if (rule) {
        await this.audit.recordAlone(
          ...ids.map((id) => ({
            actor: auditActor(principal),
            action: `case.${action.name}`,
            objectType: 'case',
            objectId: id,
            outcome: 'denied' as const,
            detail: { rule },
          })),
        );
      }
      if (error instanceof OutOfScope) throw caseNotFound();
      throw error;
    }
  }

  private async scheduleReminder(c: Case): Promise<void> {
    const columns = caseColumns(c.state, this.reminderLeadDays);
    await this.deadlines.schedule([{ caseId: c.id, reminderOn: columns.reminderOn, due: columns.firstInformationDue }]);
  }
}
