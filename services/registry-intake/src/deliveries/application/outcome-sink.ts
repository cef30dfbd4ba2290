import type { EntityManager } from 'typeorm';
import { buildCloudEvent, type CloudEvent, type EventValidator, type NewEvent, type Outbox } from '@si/messaging';
import { correlation } from '@si/observability';
import type { MapOutcome } from '../../ech/mapping/ech-event.mapper.js';
import type { PersonPermitRepository } from '../../persons/infrastructure/person-permit.repository.js';
import type { PermitInfo } from '../../rules/residence-permit-catalog.js';
import type { TargetGroupDecision } from '../../rules/target-group-rule.js';
import { countEmit, countSkip, emptySummary, type DeliverySummary, type OutcomeEntry } from '../domain/index.js';
import type { OutcomeRepository } from '../infrastructure/outcome.repository.js';

/** The producing service, as Outbox is configured for it (the events' source `/si/registry-intake`). */
export const SERVICE_NAME = 'registry-intake';

interface PendingEvent {
  /** The log line that carries the event's id; none for an event about the delivery as a whole. */
  entry?: OutcomeEntry;
  event: NewEvent;
}

export interface SinkWriters {
  outbox: Outbox;
  outcomes: OutcomeRepository;
  permits: PersonPermitRepository;
}

/**
 * Collects a delivery's outcomes: a log line for every eCH event, and the person events to emit.
 *
 * `write(em)` hands what was collected to the outbox (validated against the contracts), the delivery log and the
 * permit store, in the transaction of `em`. A small delivery calls it once, from its single transaction. A large one
 * (a base delivery) is written batch by batch into one long transaction that commits only when the whole delivery
 * is accepted: until then nothing is visible to the relay or to readers, and a refusal or a crash rolls it all back.
 * One batch is written while the next is collected.
 */
export class OutcomeSink {
  readonly summary: DeliverySummary = emptySummary();
  emitted = 0;
  skipped = 0;
  private seq = 0;
  private entries: OutcomeEntry[] = [];
  private events: PendingEvent[] = [];
  private em: EntityManager | undefined;
  private inflight: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    private readonly deliveryId: string,
    private readonly writers: SinkWriters,
  ) {}

  /** Outcomes collected and not yet written. */
  get size(): number {
    return this.entries.length;
  }

  add(outcome: MapOutcome): void {
    if (outcome.action === 'skip' && outcome.reason === 'swiss-citizen' && outcome.echEvent === 'baseDelivery') {
      // A register's Swiss citizens (about 70 % of a base delivery) are counted per reason, not logged one by one:
      // the line would say nothing the count does not, and would cost a row per person.
      this.seq++;
      this.skipped++;
      countSkip(this.summary, outcome.reason);
      return;
    }
    const targetGroup =
      outcome.action === 'emit' && 'targetGroup' in outcome.data
        ? (outcome.data.targetGroup as TargetGroupDecision)
        : null;
    const entry: OutcomeEntry = {
      seq: this.seq++,
      echEvent: outcome.echEvent,
      line: outcome.line,
      action: outcome.action,
      eventType: outcome.action === 'emit' ? outcome.type : null,
      eventId: null,
      personRef: outcome.action === 'emit' ? outcome.subject : outcome.personRef,
      reason: outcome.action === 'skip' ? outcome.reason : null,
      detail: outcome.action === 'skip' ? outcome.detail : null,
      notes: outcome.notes,
      targetGroup,
    };
    this.entries.push(entry);
    if (outcome.action === 'emit') {
      this.emitted++;
      countEmit(this.summary, outcome.type, targetGroup?.opensCase);
      this.events.push({
        entry,
        event: {
          type: outcome.type,
          subject: outcome.subject,
          data: outcome.data as unknown as Record<string, unknown>,
        },
      });
    } else {
      this.skipped++;
      countSkip(this.summary, outcome.reason);
    }
  }

  /**
   * An event about the delivery as a whole (register.base-delivery-completed.v1): written after every person event
   * of the delivery, in the same transaction, without a log line of its own (the delivery row is its record) and
   * not counted among the emitted person events.
   */
  addDeliveryEvent(event: NewEvent): void {
    this.events.push({ event });
  }

  /** From now on batches are written into the long transaction of `em` as they fill. */
  streamInto(em: EntityManager): void {
    this.em = em;
  }

  get isStreaming(): boolean {
    return this.em !== undefined;
  }

  /** Writes the collected batch into the long transaction; waits for the previous batch first (one in flight). */
  async flush(): Promise<void> {
    if (!this.em) throw new Error('flush before streamInto');
    await this.settled();
    // Events without log lines count too: the completion event may follow a last batch of Swiss citizens only.
    if (this.entries.length === 0 && this.events.length === 0) return;
    const entries = this.entries;
    const events = this.events;
    this.entries = [];
    this.events = [];
    this.inflight = this.writeBatch(this.em, entries, events).catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  /** Writes what is left (streaming sinks) and waits until every batch is written. */
  async finish(): Promise<void> {
    if (this.em) await this.flush();
    await this.settled();
  }

  /** Forgets what is collected and waits for a batch in flight (the delivery is refused or failed). */
  async abort(): Promise<void> {
    this.entries = [];
    this.events = [];
    await this.inflight?.catch(() => undefined);
    this.inflight = undefined;
  }

  /**
   * A small delivery: its events as CloudEvents, built and validated exactly as Outbox.add does (the lib's
   * buildCloudEvent and EventValidator), with the log lines (carrying the event ids) and permits, for the caller's
   * single statement (see small-delivery.commit.ts).
   */
  envelopesForCommit(validator: EventValidator): {
    envelopes: CloudEvent[];
    entries: OutcomeEntry[];
    permits: { personRef: string; permit: PermitInfo }[];
  } {
    const context = correlation.current();
    const envelopes = this.events.map(({ entry, event }) => {
      const envelope = buildCloudEvent(SERVICE_NAME, event, context);
      validator.validate(envelope);
      if (entry) entry.eventId = envelope.id;
      return envelope;
    });
    return { envelopes, entries: this.entries, permits: permitsOf(this.events) };
  }

  private async settled(): Promise<void> {
    await this.inflight;
    this.inflight = undefined;
    if (this.failure) throw this.failure;
  }

  private async emit(em: EntityManager, events: PendingEvent[]): Promise<void> {
    const envelopes = await this.writers.outbox.add(em, ...events.map((e) => e.event));
    events.forEach((e, i) => {
      if (e.entry) e.entry.eventId = envelopes[i].id;
    });
  }

  private async writeBatch(em: EntityManager, entries: OutcomeEntry[], events: PendingEvent[]): Promise<void> {
    await this.emit(em, events);
    await this.writers.outcomes.insert(em, this.deliveryId, entries);
    await this.writers.permits.record(em, this.deliveryId, permitsOf(events));
  }
}

/** Person references and permits carried by events: every event whose data has a residencePermit. */
function permitsOf(events: PendingEvent[]): { personRef: string; permit: PermitInfo }[] {
  const found: { personRef: string; permit: PermitInfo }[] = [];
  for (const { event } of events) {
    const permit = (event.data as { residencePermit?: PermitInfo | null }).residencePermit;
    if (permit) found.push({ personRef: event.subject, permit });
  }
  return found;
}
