import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@si/audit';
import { Outbox, PermanentEventError } from '@si/messaging';
import { CaseDomainError, type Case, type CaseEvent, type CommandContext } from '../domain/index.js';
import { systemAuditActor } from '../../shared/caller.js';
import { Clock } from '../../shared/clock.js';
import { CaseRepository } from '../infrastructure/case.repository.js';

/**
 * Applies facts that arrive as events (registry-intake, dfpa) to a case, inside the consumer's
 * transaction (the inbox row commits with it): the same load-decide-write-outbox-audit as an officer's
 * action, with a `system` actor named after the producing service. A refusal by the domain can never
 * succeed on a retry, so it becomes a PermanentEventError (dead-lettered with the rule).
 */
@Injectable()
export class SystemCaseWriter {
  constructor(
    @Inject(CaseRepository) private readonly repository: CaseRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  context(source: string): CommandContext {
    return { actor: { id: source, role: 'system' }, at: this.clock.instant() };
  }

  /** Runs `decide` on the case (row-locked); returns false when the case does not exist. */
  async apply(
    em: EntityManager,
    caseId: string,
    source: string,
    action: string,
    decide: (c: Case, ctx: CommandContext) => CaseEvent[],
  ): Promise<boolean> {
    const loaded = await this.repository.find(em, caseId, true);
    if (!loaded) return false;
    const ctx = this.context(source);
    let events: CaseEvent[];
    try {
      events = decide(loaded.case, ctx);
    } catch (error) {
      if (error instanceof CaseDomainError)
        throw new PermanentEventError(`refused by rule ${error.ruleId} (${error.code}): ${error.messages.en}`, {
          cause: error,
        });
      throw error;
    }
    if (loaded.case.state.version === loaded.storedVersion) return true; // idempotent repeat: nothing changed, nothing to audit
    await this.repository.save(em, loaded.case, loaded);
    await this.outbox.add(em, ...events.map((e) => ({ type: e.type, subject: e.subject, data: e.data })));
    await this.audit.record(em, {
      actor: systemAuditActor(source),
      action: `case.${action}`,
      objectType: 'case',
      objectId: caseId,
      municipality: loaded.case.municipality,
      outcome: 'granted',
      detail: { version: loaded.case.state.version, events: events.map((e) => e.type) },
    });
    return true;
  }
}
