import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@si/audit';
import type { Logger } from '@si/observability';
import { Outbox, PermanentEventError } from '@si/messaging';
import {
  Case,
  CaseDomainError,
  decideOpening,
  type CaseConfig,
  type LocalDate,
  type RegistryCloseReason,
} from '../domain/index.js';
import { systemAuditActor } from '../../shared/caller.js';
import { Clock } from '../../shared/clock.js';
import { CASE_MANAGEMENT_CONFIG } from '../../config/case-management.config.js';
import { REFERENCE_DATA, SERVICE_LOGGER } from './tokens.js';
import type { ReferenceData } from '../../shared/reference-data.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { PersonRepository } from '../infrastructure/person.repository.js';
import {
  birthYearOf,
  factDate,
  nationalityOf,
  openCaseInput,
  permitCodeOf,
  personRecord,
  personRefsOf,
  sexOf,
  UnmappableEventError,
} from '../messaging/person-event.mapper.js';
import type {
  PersonArrivedData,
  PersonCorrectedData,
  PersonDepartedData,
  PersonDiedData,
  PersonEventBase,
  PersonMovedData,
  PersonNaturalizedData,
  PersonRegisteredData,
} from '../messaging/person-event.data.js';
import { SystemCaseWriter } from './system-case-writer.js';

const SOURCE = 'registry-intake';

/** Corrections that change what the case itself holds about the person (beside the person store). */
const SUBJECT_CHANGES = new Set(['nationality', 'sex', 'dateOfBirth']);

/**
 * The register's facts applied to cases (CM3, CM5, R10, R12): an arrival opens one case (never two for
 * the same arrival, whichever message repeats it), a move within the canton transfers it, departure,
 * naturalisation and death close it, a permit change updates it, corrections refresh the person store and
 * the case's own nationality, sex and birth year.
 * Events about persons without a case are ignored (moveOut and death are emitted for everyone).
 */
@Injectable()
export class RegisterFacts {
  constructor(
    @Inject(CaseRepository) private readonly repository: CaseRepository,
    @Inject(PersonRepository) private readonly persons: PersonRepository,
    @Inject(SystemCaseWriter) private readonly writer: SystemCaseWriter,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CASE_MANAGEMENT_CONFIG) private readonly config: CaseConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async arrived(em: EntityManager, eventId: string, d: PersonArrivedData): Promise<void> {
    if (!d.targetGroup.opensCase) return; // the target-group rule says no case (e.g. short stay)
    const refs = personRefsOf(d);
    // Serialises arrivals of one person across consumers and instances; the unique keys back it up.
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [d.personRef]);
    let input;
    try {
      input = openCaseInput(randomUUID(), eventId, d, this.reference);
    } catch (error) {
      if (error instanceof UnmappableEventError || error instanceof CaseDomainError)
        throw new PermanentEventError(error.message, { cause: error });
      throw error;
    }
    const decision = decideOpening(input, await this.repository.casesOfPerson(em, refs));
    if (decision.kind !== 'open') {
      this.logger.info({ eventId, decision: decision.kind, caseId: decision.caseId }, 'arrival opens no new case');
      return;
    }
    let opened;
    try {
      opened = Case.open(input, this.reference.directory, this.config, this.writer.context(SOURCE));
    } catch (error) {
      if (error instanceof CaseDomainError)
        throw new PermanentEventError(`refused by rule ${error.ruleId} (${error.code}): ${error.messages.en}`, {
          cause: error,
        });
      throw error;
    }
    const person = personRecord(d);
    await this.persons.upsert(em, person);
    await this.repository.insert(em, opened.case, person);
    await this.outbox.add(em, ...opened.events.map((e) => ({ type: e.type, subject: e.subject, data: e.data })));
    await this.audit.record(em, {
      actor: systemAuditActor(SOURCE),
      action: 'case.open',
      objectType: 'case',
      objectId: opened.case.id,
      municipality: opened.case.municipality,
      outcome: 'granted',
      detail: { arrivalEventId: eventId, version: 1 },
    });
  }

  async moved(em: EntityManager, d: PersonMovedData): Promise<void> {
    const refs = personRefsOf(d);
    await this.persons.update(em, refs, personRecord(d));
    if (d.moveKind === 'within-municipality') return; // a new address only
    const caseId = await this.repository.liveCaseIdOf(em, refs);
    if (!caseId) return; // a person moving in from another canton has no case (only arrivals from abroad open one)
    const to = d.to.bfsNumber;
    const on = factDate(d.movedOn, d, this.clock.today());
    await this.writer.apply(em, caseId, SOURCE, d.to.inCanton ? 'transfer' : 'close', (c, ctx) => {
      // moveOut by the old and moveIn by the new municipality report the same move: the second is a no-op.
      if (d.to.inCanton && to !== null)
        return to === c.municipality
          ? []
          : c.transfer({ toMunicipality: to, movedOn: on }, this.reference.directory, ctx);
      return c.closeFromRegister({ reason: 'departed-other-canton', on }, ctx);
    });
  }

  async departed(em: EntityManager, d: PersonDepartedData): Promise<void> {
    const reason: RegistryCloseReason =
      d.destination.kind === 'other-canton' ? 'departed-other-canton' : 'departed-abroad';
    const note = d.destination.kind === 'unknown' ? 'Wegzug, Ziel unbekannt' : undefined;
    await this.close(em, d, reason, factDate(d.departureDate, d, this.clock.today()), note);
  }

  async naturalized(em: EntityManager, d: PersonNaturalizedData): Promise<void> {
    await this.close(em, d, 'naturalised', factDate(d.naturalizationDate, d, this.clock.today()));
  }

  async died(em: EntityManager, d: PersonDiedData): Promise<void> {
    await this.close(em, d, 'died', factDate(d.dateOfDeath, d, this.clock.today()));
  }

  async permitChanged(em: EntityManager, d: PersonEventBase): Promise<void> {
    await this.changePermit(em, d, 'change-permit');
  }

  async corrected(em: EntityManager, d: PersonCorrectedData): Promise<void> {
    const refs = [...personRefsOf(d), ...(d.previousPersonRef ? [d.previousPersonRef] : [])];
    const person = personRecord(d);
    const known = await this.persons.update(em, refs, person);
    if (!known) return;
    if (d.changes.includes('identification')) await this.persons.upsert(em, person); // the new reference, beside the old
    if (d.changes.includes('name')) await this.repository.renamePerson(em, refs, person);
    if (d.changes.includes('residencePermit'))
      await this.changePermit(em, { ...d, alternatePersonRefs: refs }, 'correct-permit');
    if (d.changes.some((c) => SUBJECT_CHANGES.has(c)))
      await this.correctSubject(em, { ...d, alternatePersonRefs: refs });
  }

  /** Nationality, sex or birth year as the register now says; the EU/EFTA status follows (R10). */
  private async correctSubject(em: EntityManager, d: PersonCorrectedData): Promise<void> {
    const caseId = await this.repository.liveCaseIdOf(em, personRefsOf(d));
    if (!caseId) return;
    let input;
    try {
      input = { nationality: nationalityOf(d, this.reference), sex: sexOf(d), birthYear: birthYearOf(d) };
    } catch (error) {
      if (error instanceof UnmappableEventError) throw new PermanentEventError(error.message, { cause: error });
      throw error;
    }
    await this.writer.apply(em, caseId, SOURCE, 'correct-subject', (c, ctx) => c.correctSubject(input, ctx));
  }

  /** A base delivery line: refreshes the person store of persons with a case; it opens no case (the person may have lived here for years). */
  async registered(em: EntityManager, d: PersonRegisteredData): Promise<void> {
    const refs = personRefsOf(d);
    const person = personRecord(d);
    if (await this.persons.update(em, refs, person)) await this.repository.renamePerson(em, refs, person);
  }

  private async close(
    em: EntityManager,
    d: PersonEventBase,
    reason: RegistryCloseReason,
    on: LocalDate,
    note?: string,
  ): Promise<void> {
    const caseId = await this.repository.liveCaseIdOf(em, personRefsOf(d));
    if (!caseId) return;
    await this.writer.apply(em, caseId, SOURCE, 'close', (c, ctx) =>
      c.closeFromRegister({ reason, on, ...(note ? { note } : {}) }, ctx),
    );
  }

  private async changePermit(em: EntityManager, d: PersonEventBase, action: string): Promise<void> {
    const code = permitCodeOf(d);
    if (!code) return;
    const caseId = await this.repository.liveCaseIdOf(em, personRefsOf(d));
    if (!caseId) return;
    const validFrom = factDate(d.residencePermit?.validFrom, d, this.clock.today());
    await this.writer.apply(em, caseId, SOURCE, action, (c, ctx) =>
      c.state.subject.permit?.code === code
        ? []
        : c.changePermit({ residencePermit: code, validFrom, correction: action === 'correct-permit' }, ctx),
    );
  }
}
