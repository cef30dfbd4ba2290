import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog, type AuditActor } from '@si/audit';
import { EventValidator, Outbox } from '@si/messaging';
import { createLogger } from '@si/observability';
import { PersonPermitRepository } from '../../persons/infrastructure/person-permit.repository.js';
import { TargetGroupRules } from '../../target-group/application/target-group-rules.js';
import { systemActor } from '../../shared/audit-actor.js';
import { emptySummary, isCurableByReprocess, serviceRefusal } from '../domain/index.js';
import { isReprocessable, type DeliveryFacts, type DeliveryRow } from '../infrastructure/delivery-row.js';
import { DeliveryRepository } from '../infrastructure/delivery.repository.js';
import { OutcomeRepository } from '../infrastructure/outcome.repository.js';
import { PartialDeliveryRepository } from '../infrastructure/partial-delivery.repository.js';
import { PartialDeliveryQueue } from '../jobs/partial-delivery-queue.js';
import { RawDeliveryRepository } from '../infrastructure/raw-delivery.repository.js';
import { commitSmallDelivery } from '../infrastructure/small-delivery.commit.js';
import { IntakeEngine } from './intake-engine.js';
import { IntakeRun, type IntakeRunDeps } from './intake-run.js';
import type { IntakeChannel, IntakeResult } from './intake-types.js';

export type ReprocessResult =
  | { kind: 'not-found' }
  | { kind: 'not-quarantined'; status: string }
  | { kind: 'superseded' }
  | { kind: 'not-curable'; code: string }
  | { kind: 'raw-missing' }
  | { kind: 'done'; result: IntakeResult };

/** Where the bytes of a sedex delivery are, for a reprocess: its data file wherever the inbox has put it. */
export interface SedexFileLocator {
  locate(deliveryRow: DeliveryRow): string | undefined;
}

export const SEDEX_FILE_LOCATOR = Symbol('SEDEX_FILE_LOCATOR');

/**
 * The use cases that take a delivery in: from HTTP or sedex (`receive`), and again after a rule or master-data fix
 * (`reprocess`). Both run an IntakeRun; this class wires its collaborators.
 */
@Injectable()
export class DeliveryIntake {
  readonly deliveries: DeliveryRepository;
  private readonly deps: IntakeRunDeps;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(Outbox) outbox: Outbox,
    @Inject(EventValidator) eventValidator: EventValidator,
    @Inject(AuditLog) audit: AuditLog,
    @Inject(IntakeEngine) engine: IntakeEngine,
    @Inject(TargetGroupRules) private readonly rules: TargetGroupRules,
    @Inject(SEDEX_FILE_LOCATOR) private readonly sedexFiles: SedexFileLocator,
    @Inject(PartialDeliveryQueue) partialQueue: PartialDeliveryQueue,
  ) {
    this.deliveries = new DeliveryRepository(dataSource, engine.config.leaseSeconds);
    this.deps = {
      dataSource,
      deliveries: this.deliveries,
      outcomes: new OutcomeRepository(),
      raws: new RawDeliveryRepository(dataSource),
      permits: new PersonPermitRepository(dataSource),
      outbox,
      eventValidator,
      audit,
      engine,
      logger: createLogger('registry-intake'),
      partials: new PartialDeliveryRepository(dataSource),
      partialOpened: (joinId, deadline) => partialQueue.schedule(joinId, deadline),
    };
  }

  /**
   * Starts a delivery. The caller owns `source` (an HTTP body, a file): the run reads what it needs; afterwards the
   * caller may read on through `run.raw` (e.g. to finish an HTTP body) and closes it.
   */
  start(source: AsyncIterator<Uint8Array | string>, channel: IntakeChannel): IntakeRun {
    return new IntakeRun(this.deps, channel, source);
  }

  async execute(run: IntakeRun): Promise<IntakeResult> {
    return run.run(await this.rules.current());
  }

  async receive(source: AsyncIterator<Uint8Array | string>, channel: IntakeChannel): Promise<IntakeResult> {
    return this.execute(this.start(source, channel));
  }

  /**
   * Processes a quarantined delivery again from its stored bytes, with the rule in force and the master data as
   * they are now. Only refusals a reprocess can cure are taken (see isCurableByReprocess).
   */
  async reprocess(id: string, actor: AuditActor): Promise<ReprocessResult> {
    const row = await this.deliveries.get(id);
    if (!row) return { kind: 'not-found' };
    if (row.status !== 'quarantined') return { kind: 'not-quarantined', status: row.status };
    if (!row.refusal || !isCurableByReprocess(row.refusal.code))
      return { kind: 'not-curable', code: row.refusal?.code ?? 'unknown' };
    if (!isReprocessable(row)) return { kind: 'raw-missing' };
    const source = this.openRaw(row);
    if (!source) return { kind: 'raw-missing' };
    const claimed = await this.deliveries.claimForReprocess(id);
    if (claimed === 'superseded') return { kind: 'superseded' };
    if (claimed === 'not-quarantined')
      return { kind: 'not-quarantined', status: (await this.deliveries.get(id))?.status ?? 'unknown' };
    await this.deps.dataSource.transaction((em) => this.deps.outcomes.discard(em, id));
    this.deps.engine.reloadMasterData();
    const channel: IntakeChannel = {
      source: row.source,
      sourceRef: row.sourceRef,
      submittedBy: row.submittedBy,
      submittedBySubject: row.submittedBySubject,
      municipalityHint: row.municipalityHint,
      scope: row.scope,
      rawStore: row.rawStore,
      actor,
      auditAction: 'delivery.reprocess',
    };
    const iterator = source[Symbol.asyncIterator]();
    try {
      const result = await new IntakeRun(this.deps, channel, iterator, claimed).run(await this.rules.current());
      return { kind: 'done', result };
    } finally {
      await iterator.return?.();
    }
  }

  private openRaw(row: DeliveryRow): AsyncIterable<Uint8Array> | undefined {
    if (row.rawStore === 'db') return this.deps.raws.read(row.id);
    if (row.rawStore === 'sedex-file') {
      const file = this.sedexFiles.locate(row);
      return file ? createReadStream(file, { highWaterMark: 1024 * 1024 }) : undefined;
    }
    return undefined;
  }

  /** A sedex pair whose envelope is unusable: kept in the log as quarantined, its files go to failed/. */
  async recordEnvelopeRefusal(pairId: string, reason: string): Promise<string> {
    const id = randomUUID();
    const refusal = serviceRefusal('envelope-invalid', reason);
    const facts: DeliveryFacts = {
      messageId: null,
      municipality: null,
      senderId: null,
      eventElement: null,
      testDelivery: null,
      notes: [],
      records: 0,
      emitted: 0,
      skipped: 0,
      summary: emptySummary(),
      ruleVersion: null,
      bytes: 0,
      sha256: null,
      rawComplete: true,
    };
    const delivery = {
      id,
      messageId: null,
      source: 'sedex' as const,
      sourceRef: pairId,
      submittedBy: 'sedex',
      submittedBySubject: 'system:registry-intake:sedex',
      municipalityHint: null,
      scope: null,
      rawStore: 'sedex-file' as const,
      receivedAt: new Date(),
    };
    await commitSmallDelivery(this.deps.dataSource, {
      delivery,
      status: 'quarantined',
      facts,
      refusal,
      raw: undefined,
      events: [],
      outcomes: [],
      permits: [],
      audit: {
        actor: systemActor('sedex'),
        action: 'delivery.receive',
        objectType: 'delivery',
        objectId: id,
        outcome: 'granted',
        detail: { status: 'quarantined', source: 'sedex', refusal: refusal.code },
      },
    });
    return id;
  }

  /** For the sedex inbox: quarantines a delivery whose processing stopped half-way in this process. */
  async interrupted(id: string): Promise<void> {
    await this.deliveries.interrupt(
      id,
      serviceRefusal('interrupted', 'processing stopped before the delivery was complete; nothing was emitted'),
    );
  }
}
