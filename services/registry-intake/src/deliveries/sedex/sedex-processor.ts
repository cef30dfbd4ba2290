import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { bfsOfSender } from '../../ech/mapping/delivery-mapper.js';
import { systemActor } from '../../shared/audit-actor.js';
import { DeliveryIntake } from '../application/delivery-intake.js';
import type { IntakeChannel, IntakeResult } from '../application/intake-types.js';
import type { DeliveryRow } from '../infrastructure/delivery-row.js';
import { readSedexEnvelope } from './sedex-envelope.js';
import { SedexFiles } from './sedex-files.js';
import type { SedexInbox } from './sedex-inbox.js';

/** Processing is retried this often (e.g. the database was away) before a pair is given up as failed. */
const MAX_ATTEMPTS = 5;

export type PairOutcome = { to: 'processed' | 'failed'; deliveryId: string | null; result: string };

/**
 * Processes one claimed sedex pair, idempotently: the pair id is unique in the delivery log, so a pair found again
 * after a crash (between the commit and the move, or half-way through a base delivery) is finished from what the
 * log says instead of being processed twice.
 */
@Injectable()
export class SedexProcessor {
  constructor(
    @Inject(DeliveryIntake) private readonly intake: DeliveryIntake,
    @Inject(SedexFiles) private readonly files: SedexFiles,
  ) {}

  private get inbox(): SedexInbox {
    if (!this.files.inbox) throw new Error('SEDEX_INBOX_DIR is not configured');
    return this.files.inbox;
  }

  /** Settles a claimed pair in the delivery log, then moves it to processed/ or failed/. */
  async process(id: string): Promise<PairOutcome> {
    const outcome = await this.settle(id);
    await this.inbox.finish(
      id,
      outcome.to,
      outcome.to === 'failed' ? { pair: id, deliveryId: outcome.deliveryId, refusal: outcome.result } : undefined,
    );
    return outcome;
  }

  /**
   * The database half of `process`: afterwards the delivery log says what became of the pair, and a crash before
   * the move is repaired by calling `process` again (it finds the pair in the log and only moves it).
   */
  async settle(id: string): Promise<PairOutcome> {
    await this.inbox.repairClaim(id);
    const existing = await this.intake.deliveries.findBySedexEnvelope(id);
    return existing ? this.resume(existing) : this.first(id);
  }

  private async first(id: string): Promise<PairOutcome> {
    const inbox = this.inbox;
    const parsed = readSedexEnvelope(await readFile(inbox.envelope(id, 'processing')));
    const dataPath = inbox.data(id, 'processing');
    if (!parsed.ok || !existsSync(dataPath)) {
      const reason = parsed.ok
        ? `the pair ${id} has no data file`
        : `the sedex envelope is not usable: ${parsed.reason}`;
      const deliveryId = await this.intake.recordEnvelopeRefusal(id, reason);
      return { to: 'failed', deliveryId, result: reason };
    }
    const envelope = parsed.envelope;
    const channel: IntakeChannel = {
      source: 'sedex',
      sourceRef: id,
      submittedBy: `sedex ${envelope.senderId ?? 'unknown sender'}`,
      submittedBySubject: 'system:registry-intake:sedex',
      municipalityHint: bfsOfSender(envelope.senderId ?? undefined) ?? null,
      scope: null,
      rawStore: 'sedex-file',
      actor: systemActor('sedex'),
      auditAction: 'delivery.receive',
    };
    const stream = createReadStream(dataPath, { highWaterMark: 1024 * 1024 });
    try {
      return outcomeOf(await this.intake.receive(stream[Symbol.asyncIterator](), channel));
    } finally {
      stream.destroy();
    }
  }

  /** The log knows the pair: finish it as recorded, or process it again when its processing was cut off. */
  private async resume(row: DeliveryRow): Promise<PairOutcome> {
    if (row.status === 'accepted' || row.status === 'superseded')
      return { to: 'processed', deliveryId: row.id, result: row.status };
    if (row.status === 'processing') await this.intake.interrupted(row.id); // only this instance processes sedex pairs
    const current = row.status === 'processing' ? await this.intake.deliveries.get(row.id) : row;
    const code = current?.refusal?.code;
    const retry = (code === 'interrupted' || code === 'internal-error') && (current?.attempts ?? 0) < MAX_ATTEMPTS;
    if (!retry) return { to: 'failed', deliveryId: row.id, result: code ?? 'unknown' };
    const r = await this.intake.reprocess(row.id, systemActor('sedex'));
    if (r.kind !== 'done') return { to: 'failed', deliveryId: row.id, result: r.kind };
    return outcomeOf(r.result);
  }
}

function outcomeOf(result: IntakeResult): PairOutcome {
  switch (result.kind) {
    case 'accepted':
      return { to: 'processed', deliveryId: result.id, result: 'accepted' };
    case 'duplicate':
      return { to: 'processed', deliveryId: result.id, result: 'duplicate' };
    case 'in-progress':
      // The same message is being processed from another channel: the pair stays claimed and is looked at again.
      throw new Error(`the message of this pair is being processed as delivery ${result.id}; retrying later`);
    case 'refused':
      return { to: 'failed', deliveryId: result.id, result: `${result.refusal.code}: ${result.refusal.message}` };
    case 'forbidden':
      return { to: 'failed', deliveryId: null, result: `forbidden for BFS ${result.municipality}` };
  }
}
