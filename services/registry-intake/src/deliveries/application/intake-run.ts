import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { AuditEntry, AuditLog } from '@si/audit';
import type { EventValidator, Outbox } from '@si/messaging';
import type { Logger } from '@si/observability';
import { readDelivery, type DeliveryReadResult } from '../../ech/delivery-reader.js';
import type { DeliveryHeader, EchRecord } from '../../ech/ech-record.types.js';
import { DeliveryMapper } from '../../ech/mapping/delivery-mapper.js';
import { personRefsOf, type MapOutcome } from '../../ech/mapping/ech-event.mapper.js';
import type { PersonPermitRepository } from '../../persons/infrastructure/person-permit.repository.js';
import type { TargetGroupRule } from '../../rules/target-group-rule.js';
import {
  decidePackage,
  emptySummary,
  isComplete,
  isCurableByReprocess,
  missingPackages,
  packageHeaderOf,
  serviceRefusal,
  type DeliveryRefusal,
  type PackageHeader,
  type ReceivedPackage,
} from '../domain/index.js';
import type { DeliveryFacts, DeliveryRow, NewDelivery } from '../infrastructure/delivery-row.js';
import { commitSmallDelivery } from '../infrastructure/small-delivery.commit.js';
import { DeliveryRepository, DuplicateMessageError } from '../infrastructure/delivery.repository.js';
import type { OutcomeRepository } from '../infrastructure/outcome.repository.js';
import type { PartialDeliveryRepository } from '../infrastructure/partial-delivery.repository.js';
import type { RawDeliveryRepository } from '../infrastructure/raw-delivery.repository.js';
import { errorSummary } from '../../shared/error-summary.js';
import { HeapPacer } from '../../shared/garbage-collection.js';
import { deliveriesTotal, intakeRecordsTotal } from '../../shared/intake-metrics.js';
import type { IntakeEngine } from './intake-engine.js';
import {
  DuplicateDeliveryError,
  ForbiddenMunicipalityError,
  type IntakeChannel,
  type IntakeResult,
} from './intake-types.js';
import { baseDeliveryCompleted, joinedDeliveryCompleted } from './base-delivery-completed.js';
import { OutcomeSink } from './outcome-sink.js';
import { RawCapture, REFUSED_RAW_CAP } from './raw-capture.js';

export interface IntakeRunDeps {
  dataSource: DataSource;
  deliveries: DeliveryRepository;
  outcomes: OutcomeRepository;
  raws: RawDeliveryRepository;
  permits: PersonPermitRepository;
  outbox: Outbox;
  eventValidator: EventValidator;
  audit: AuditLog;
  engine: IntakeEngine;
  logger: Logger;
  partials: PartialDeliveryRepository;
  /** After the commit that opened a partial delivery: wake its overdue check at the deadline. */
  partialOpened?: (joinId: string, deadline: Date) => Promise<void>;
}

/** A package that contradicts the earlier packages of its partial delivery: refused as a whole. */
class PackageRefusedError extends Error {
  constructor(readonly refusal: DeliveryRefusal) {
    super(refusal.message);
    this.name = 'PackageRefusedError';
  }
}

/**
 * One delivery from its first byte to its single commit: read and validate (src/ech), map every record, then either
 * accept (delivery row, log lines and events committed together) or quarantine (nothing emitted).
 *
 * A small delivery is held in memory and written by one short transaction at the end. A large one (a base delivery)
 * gets its row at once (status processing, with a lease, committed on its own so that the messageId is taken and a
 * dead process can be recognised) and streams its events, log lines and permits in batches into ONE long
 * transaction, committed only when the whole delivery has been read and accepted. Nothing of it is visible to the
 * relay or to readers before that commit; a refusal rolls it back, and so does PostgreSQL when the process dies.
 * The price is a transaction as long as the delivery (a base delivery of 300,000 persons: tens of seconds), during
 * which VACUUM cannot clean behind it; base deliveries are rare.
 */
export class IntakeRun {
  readonly id: string;
  private readonly sink: OutcomeSink;
  private readonly capture: RawCapture;
  private rowExists: boolean;
  private runner: QueryRunner | undefined;
  private header: DeliveryHeader | undefined;
  private mapper!: DeliveryMapper;
  private ruleVersion: string | null = null;
  private leaseRenewedAt = Date.now();
  private readonly receivedAt = new Date();
  /** Keeps a large delivery's memory flat (see HeapPacer). */
  private heap: HeapPacer | undefined;
  /** The partial delivery this package opened (its overdue check is scheduled after the commit). */
  private openedJoin: { id: string; deadline: Date } | undefined;

  constructor(
    private readonly deps: IntakeRunDeps,
    private readonly channel: IntakeChannel,
    source: AsyncIterator<Uint8Array | string>,
    /** A quarantined delivery claimed for reprocessing (its row exists, its bytes are stored). */
    private readonly existing?: DeliveryRow,
  ) {
    this.id = existing?.id ?? randomUUID();
    this.rowExists = existing !== undefined;
    const config = deps.engine.config;
    this.sink = new OutcomeSink(this.id, { outbox: deps.outbox, outcomes: deps.outcomes, permits: deps.permits });
    this.capture = new RawCapture(source, {
      store: existing || channel.rawStore !== 'db' ? 'none' : 'db',
      deliveryId: this.id,
      raws: deps.raws,
      db: deps.dataSource,
      spillAt: config.rawSpillBytes,
      onSpill: () => this.createRow(),
    });
  }

  /** The raw input's state, for the caller (e.g. to finish reading an HTTP body). */
  get raw(): RawCapture {
    return this.capture;
  }

  async run(rule: TargetGroupRule): Promise<IntakeResult> {
    const result = await this.runOnce(rule);
    deliveriesTotal.inc({
      source: this.channel.source,
      result: result.kind === 'refused' ? 'quarantined' : result.kind,
    });
    if (result.kind === 'accepted') {
      intakeRecordsTotal.inc({ action: 'emit' }, result.emitted);
      intakeRecordsTotal.inc({ action: 'skip' }, result.skipped);
    }
    return result;
  }

  private async runOnce(rule: TargetGroupRule): Promise<IntakeResult> {
    this.ruleVersion = rule.version;
    this.mapper = new DeliveryMapper(this.deps.engine.mapperDependencies(rule), {
      municipalityHint: this.channel.municipalityHint ?? undefined,
    });
    let result: DeliveryReadResult;
    try {
      if (this.existing) await this.openTransaction();
      result = await readDelivery(this.capture.reader(), {
        validator: this.deps.engine.validator,
        limits: this.deps.engine.config.limits,
        onRecord: (record, header) => this.onRecord(record, header),
      });
    } catch (error) {
      return this.abandon(error);
    }
    try {
      if (result.status === 'accepted') return await this.accept(result);
      return await this.quarantine({ ...result.refusal }, result.header);
    } catch (error) {
      return this.abandon(error);
    }
  }

  private async onRecord(record: EchRecord, header: DeliveryHeader): Promise<void> {
    if (!this.header) await this.onHeader(header, record.echEvent === 'baseDelivery');
    let previousPermit;
    if (record.kind === 'changeResidencePermit') {
      const refs = personRefsOf(record, this.deps.engine.personRefs);
      previousPermit = refs ? await this.deps.permits.lastPermit([refs.personRef, ...refs.alternatePersonRefs]) : null;
    }
    const outcomes = this.mapper.map(record, header, previousPermit);
    this.checkScope(outcomes);
    for (const outcome of outcomes) this.sink.add(outcome);
    if (this.sink.size >= this.deps.engine.config.stageThreshold) {
      if (!this.rowExists) await this.createRow();
      if (!this.runner) await this.openTransaction();
      await this.sink.flush();
    }
    if (this.rowExists) await this.renewLease();
    if (this.runner) {
      this.heap ??= new HeapPacer(this.deps.engine.config.gcHeadroomBytes);
      this.heap.check();
    }
  }

  /**
   * The first record: the header is known, so is the messageId. A live delivery of it makes this one a duplicate.
   * Only a large delivery asks at once (it saves reading a register for nothing); a small one learns it from its
   * single commit, which saves a round trip per delivery.
   */
  private async onHeader(header: DeliveryHeader, large: boolean): Promise<void> {
    this.header = header;
    const pkg = large && !this.existing ? packageHeaderOf(header) : null;
    if (pkg) {
      // A package already in under another message: a copy, not worth reading (checked again, locked, at the commit).
      const first = await this.deps.partials.packageDelivery(pkg);
      if (first) throw new DuplicateDeliveryError(first, false);
    }
    const messageId = header.messageId;
    if (!messageId || this.existing) return;
    if (this.rowExists) {
      try {
        await this.deps.deliveries.setMessageId(this.id, messageId);
      } catch (error) {
        if (error instanceof DuplicateMessageError)
          throw new DuplicateDeliveryError(error.existingId, error.inProgress);
        throw error;
      }
      return;
    }
    if (!large) return;
    const live = await this.deps.deliveries.findLive(messageId);
    if (live) throw new DuplicateDeliveryError(live.id, live.status === 'processing');
  }

  /** A gemeinde user delivers for their own municipalities only: the delivery's and every emitted event's. */
  private checkScope(outcomes: MapOutcome[]): void {
    const scope = this.channel.scope;
    if (!scope) return;
    const own = this.mapper.municipality?.bfsNumber;
    if (own !== undefined && !scope.includes(own)) throw new ForbiddenMunicipalityError(own);
    for (const o of outcomes) {
      if (o.action === 'emit' && !scope.includes(o.data.bfsNumber))
        throw new ForbiddenMunicipalityError(o.data.bfsNumber);
    }
  }

  /** The delivery's row (status processing), committed on its own: it takes the messageId and carries the lease. */
  private async createRow(): Promise<void> {
    if (this.rowExists) return;
    try {
      await this.deps.deliveries.insertProcessing(this.newDelivery(this.header?.messageId ?? null));
    } catch (error) {
      if (error instanceof DuplicateMessageError) throw new DuplicateDeliveryError(error.existingId, error.inProgress);
      throw error;
    }
    this.rowExists = true;
    await this.capture.spill();
  }

  /** Opens the long transaction the batches of a large delivery are written into. */
  private async openTransaction(): Promise<void> {
    const runner = this.deps.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    this.runner = runner;
    this.sink.streamInto(runner.manager);
  }

  private async closeTransaction(commit: boolean): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    this.runner = undefined;
    try {
      if (commit) await runner.commitTransaction();
      else if (runner.isTransactionActive) await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  }

  private async renewLease(): Promise<void> {
    const now = Date.now();
    if (now - this.leaseRenewedAt < (this.deps.engine.config.leaseSeconds * 1000) / 3) return;
    this.leaseRenewedAt = now;
    await this.deps.deliveries.renewLease(this.id);
  }

  private newDelivery(messageId: string | null): NewDelivery {
    const c = this.channel;
    return {
      id: this.id,
      messageId,
      source: c.source,
      sourceRef: c.sourceRef,
      submittedBy: c.submittedBy,
      submittedBySubject: c.submittedBySubject,
      municipalityHint: c.municipalityHint,
      scope: c.scope,
      rawStore: c.rawStore,
      receivedAt: this.receivedAt,
    };
  }

  private facts(header: DeliveryHeader | undefined, eventElement: string | null, records: number): DeliveryFacts {
    return {
      messageId: header?.messageId ?? null,
      municipality: this.mapper.municipality?.bfsNumber ?? null,
      senderId: header?.senderId ?? null,
      eventElement,
      testDelivery: header?.testDeliveryFlag ?? null,
      notes: this.mapper.notes.map((n) => n.message),
      records,
      emitted: this.sink.emitted,
      skipped: this.sink.skipped,
      summary: this.sink.summary,
      ruleVersion: this.ruleVersion,
      bytes: this.existing ? this.existing.bytes : this.capture.bytes,
      sha256: this.existing ? this.existing.sha256 : this.capture.complete ? this.capture.sha256 : null,
      rawComplete: this.existing !== undefined || this.channel.rawStore === 'sedex-file' || this.capture.storedComplete,
    };
  }

  private auditEntry(facts: DeliveryFacts, detail: Record<string, unknown>): AuditEntry {
    return {
      actor: this.channel.actor,
      action: this.channel.auditAction,
      objectType: 'delivery',
      objectId: this.id,
      ...(facts.municipality !== null ? { municipality: facts.municipality } : {}),
      outcome: 'granted',
      detail: { source: this.channel.source, eventElement: facts.eventElement, ...detail },
    };
  }

  private async accept(result: Extract<DeliveryReadResult, { status: 'accepted' }>): Promise<IntakeResult> {
    const municipality = this.mapper.municipality;
    const pkg = result.eventElement === 'baseDelivery' && municipality ? packageHeaderOf(result.header) : null;
    // A package meets the others at its partial delivery's row, in the transaction of its events: the staged path.
    if (pkg && !this.rowExists) await this.createRow();
    const facts = this.facts(result.header, result.eventElement, result.records);
    const registered = this.sink.summary.emitted['person.registered.v1'] ?? 0;
    if (result.eventElement === 'baseDelivery' && municipality && !pkg) {
      this.sink.addDeliveryEvent(
        baseDeliveryCompleted(municipality, result.header, { persons: result.records, registered }),
      );
    }
    const messageId = facts.messageId;
    const audit = this.auditEntry(facts, {
      status: 'accepted',
      records: facts.records,
      emitted: facts.emitted,
      skipped: facts.skipped,
      attempt: this.existing ? this.existing.attempts + 1 : 1,
    });
    if (!this.rowExists) {
      const { envelopes, entries, permits } = this.sink.envelopesForCommit(this.deps.eventValidator);
      const stored = await commitSmallDelivery(this.deps.dataSource, {
        delivery: this.newDelivery(messageId),
        status: 'accepted',
        facts,
        refusal: null,
        raw: this.capture.memoryChunk(),
        events: envelopes,
        outcomes: entries,
        permits,
        audit,
      });
      if (!stored) return this.duplicateOf(messageId);
    } else {
      if (!this.runner) await this.openTransaction();
      const em = this.runner?.manager;
      if (!em) throw new Error('no transaction');
      await this.sink.finish();
      await this.capture.finish();
      if (pkg && municipality) {
        try {
          await this.joinPackage(em, pkg, municipality, result, registered, facts.notes);
        } catch (error) {
          if (error instanceof PackageRefusedError) return await this.quarantine(error.refusal, result.header);
          throw error;
        }
      }
      // Only while it is still ours: a delivery declared interrupted meanwhile (its lease ran out, another instance
      // took it over) must not commit a second time.
      if (!(await this.deps.deliveries.complete(em, this.id, 'accepted', facts, null))) {
        throw new Error(`delivery ${this.id} is no longer processing here (lease expired); rolled back`);
      }
      if (messageId) await this.deps.deliveries.supersedeQuarantined(em, messageId, this.id);
      await this.deps.audit.record(em, audit);
      await this.closeTransaction(true);
      if (this.openedJoin) await this.deps.partialOpened?.(this.openedJoin.id, this.openedJoin.deadline);
      const memory = process.memoryUsage();
      this.deps.logger.info(
        {
          deliveryId: this.id,
          eventElement: facts.eventElement,
          records: facts.records,
          emitted: facts.emitted,
          seconds: (Date.now() - this.receivedAt.getTime()) / 1000,
          rssMb: Math.round(memory.rss / 2 ** 20),
          heapUsedMb: Math.round(memory.heapUsed / 2 ** 20),
        },
        'large delivery accepted',
      );
    }
    return {
      kind: 'accepted',
      id: this.id,
      municipality: facts.municipality,
      records: facts.records,
      emitted: facts.emitted,
      skipped: facts.skipped,
    };
  }

  /**
   * Records this package with its partial delivery (locked), and when it was the last one missing, closes the whole
   * register with register.base-delivery-completed.v1 after this package's person events, in this transaction.
   * A package number already in makes this message a duplicate (nothing of it is committed).
   */
  private async joinPackage(
    em: EntityManager,
    pkg: PackageHeader,
    municipality: { bfsNumber: number; name: string },
    result: Extract<DeliveryReadResult, { status: 'accepted' }>,
    registered: number,
    notes: string[],
  ): Promise<void> {
    const { join, created } = await this.deps.partials.lock(
      em,
      pkg,
      municipality.bfsNumber,
      this.deps.engine.config.partialDelivery.timeoutSeconds,
    );
    const decision = decidePackage(join, pkg, municipality.bfsNumber);
    if (decision.kind === 'duplicate') throw new DuplicateDeliveryError(decision.deliveryId, false);
    if (decision.kind === 'inconsistent')
      throw new PackageRefusedError(serviceRefusal('partial-delivery-inconsistent', decision.message));
    const messageId = result.header.messageId;
    if (!messageId) throw new Error('an accepted package without messageId');
    const received: ReceivedPackage = {
      number: pkg.numberOfActualPackage,
      deliveryId: this.id,
      messageId,
      eventDate: result.header.eventDate ?? null,
      persons: result.records,
      registered,
    };
    await this.deps.partials.addPackage(em, join.id, received);
    if (created) this.openedJoin = { id: join.id, deadline: join.deadlineAt };
    const packages = [...join.packages, received];
    if (!isComplete({ totalPackages: join.totalPackages, packages })) {
      notes.push(
        `partial delivery ${pkg.uniqueIdDelivery}: waiting for package${join.totalPackages - packages.length > 1 ? 's' : ''} ${missingPackages(join.totalPackages, packages).join(', ')} (deadline ${join.deadlineAt.toISOString()})`,
      );
      return;
    }
    await this.deps.partials.markJoined(em, join);
    this.sink.addDeliveryEvent(joinedDeliveryCompleted(municipality, join, pkg.numberOfActualPackage, packages));
    await this.sink.finish();
    notes.push(
      `partial delivery ${pkg.uniqueIdDelivery} complete: its ${join.totalPackages} packages joined into one base delivery (register.base-delivery-completed.v1)`,
    );
  }

  private async duplicateOf(messageId: string | null): Promise<IntakeResult> {
    const live = messageId ? await this.deps.deliveries.findLive(messageId) : undefined;
    if (!live) throw new Error('a delivery collided on its messageId, but no live delivery holds it');
    if (live.status === 'processing') return { kind: 'in-progress', id: live.id };
    await this.deps.deliveries.noteDuplicate(live.id);
    return { kind: 'duplicate', id: live.id };
  }

  /** Refused as a whole: nothing written survives but the delivery with its reason (and its bytes if curable). */
  private async quarantine(refusal: DeliveryRefusal, header: DeliveryHeader | undefined): Promise<IntakeResult> {
    await this.sink.abort();
    await this.closeTransaction(false);
    const curable = isCurableByReprocess(refusal.code);
    const maxBytes = this.deps.engine.config.limits.maxBytes ?? Number.POSITIVE_INFINITY;
    if (curable && !this.existing) await this.capture.drain(maxBytes);
    else this.capture.limitKept(REFUSED_RAW_CAP);
    const facts = { ...this.facts(header ?? this.header, null, 0), emitted: 0, skipped: 0, summary: emptySummary() };
    const audit = this.auditEntry(facts, { status: 'quarantined', refusal: refusal.code });
    if (!this.rowExists) {
      await commitSmallDelivery(this.deps.dataSource, {
        delivery: this.newDelivery(facts.messageId),
        status: 'quarantined',
        facts,
        refusal,
        raw: this.capture.memoryChunk(),
        events: [],
        outcomes: [],
        permits: [],
        audit,
      });
    } else {
      await this.capture.finish();
      await this.deps.dataSource.transaction(async (em) => {
        if (!curable && this.capture.isSpilled) await this.deps.raws.truncate(em, this.id, REFUSED_RAW_CAP);
        await this.deps.deliveries.complete(em, this.id, 'quarantined', facts, refusal);
        await this.deps.audit.record(em, audit);
      });
    }
    return { kind: 'refused', id: this.id, refusal, curable };
  }

  /** Duplicate, forbidden or failed half-way: the long transaction (if any) is rolled back. */
  private async abandon(error: unknown): Promise<IntakeResult> {
    await this.sink.abort();
    await this.closeTransaction(false).catch((e: unknown) =>
      this.deps.logger.warn({ error: errorSummary(e), deliveryId: this.id }, 'rollback failed'),
    );
    await this.capture.finish().catch(() => undefined);
    if (error instanceof DuplicateDeliveryError && this.existing) {
      // A reprocessed package whose number came in meanwhile under another message: resolved by that one.
      await this.deps.deliveries.supersedeProcessing(this.id);
      return { kind: 'duplicate', id: error.existingId };
    }
    if (error instanceof DuplicateDeliveryError) {
      if (this.rowExists) await this.deps.deliveries.delete(this.id);
      if (error.inProgress) return { kind: 'in-progress', id: error.existingId };
      await this.deps.deliveries.noteDuplicate(error.existingId);
      return { kind: 'duplicate', id: error.existingId };
    }
    if (error instanceof ForbiddenMunicipalityError && this.existing) {
      // A reprocess keeps the submitter's scope: the delivery stays in quarantine, now with this reason.
      const refusal = serviceRefusal(
        'outside-submitter-scope',
        `the delivery concerns municipality BFS ${error.municipality}, for which its submitter ${this.existing.submittedBy} may not deliver`,
      );
      await this.deps.deliveries.interrupt(this.id, refusal);
      return { kind: 'refused', id: this.id, refusal, curable: false };
    }
    if (error instanceof ForbiddenMunicipalityError) {
      if (this.rowExists) await this.deps.deliveries.delete(this.id);
      await this.deps.audit.recordAlone({
        actor: this.channel.actor,
        action: this.channel.auditAction,
        objectType: 'delivery',
        municipality: error.municipality,
        outcome: 'denied',
        detail: { reason: "municipality outside the caller's scope", source: this.channel.source },
      });
      return { kind: 'forbidden', municipality: error.municipality };
    }
    if (this.rowExists) {
      const refusal = serviceRefusal(
        'internal-error',
        'processing failed inside the service; nothing was emitted; reprocess the delivery',
      );
      await this.deps.deliveries
        .interrupt(this.id, refusal)
        .catch((e: unknown) =>
          this.deps.logger.error(
            { error: errorSummary(e), deliveryId: this.id },
            'could not quarantine a failed delivery',
          ),
        );
    }
    throw error;
  }
}
