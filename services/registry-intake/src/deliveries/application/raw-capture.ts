import { createHash, type Hash } from 'node:crypto';
import type { RawDeliveryRepository } from '../infrastructure/raw-delivery.repository.js';
import type { Queryable } from '../infrastructure/queryable.js';

/** Size of one delivery_raw row once a delivery is written as it arrives. */
const BATCH_BYTES = 1024 * 1024;
/** What a refused delivery keeps when its bytes cannot be reprocessed anyway: enough to see the error in context. */
export const REFUSED_RAW_CAP = 1024 * 1024;

export interface RawCaptureOptions {
  /** 'db': keep the bytes (HTTP deliveries); 'none': only count and hash them (the sedex file stays on disk). */
  store: 'db' | 'none';
  deliveryId: string;
  raws: RawDeliveryRepository;
  db: Queryable;
  /** Bytes held in memory before the delivery's row must exist and the bytes go to the database as they arrive. */
  spillAt: number;
  /** Creates the delivery's row (called once, when the bytes outgrow `spillAt`). */
  onSpill: () => Promise<void>;
}

/**
 * Sits between the request (or file) and the reader: counts and hashes every byte and keeps them for a reprocess.
 * A small delivery's bytes stay in memory and are written with its final transaction; a large one's are written in
 * 1 MiB rows as they pass, at most two writes in flight, so memory stays flat.
 *
 * The iterable it hands to the reader never closes the source when the reader stops early: the caller decides
 * whether to read on (`drain`, to keep all bytes of a delivery that can be reprocessed, or to finish an HTTP body).
 */
export class RawCapture {
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private memory: Buffer[] = [];
  private spilled = false;
  private nextSeq = 0;
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private readonly inflight: Promise<void>[] = [];
  private failure: unknown;
  private sourceDone = false;
  /** Bytes beyond this are no longer kept (a refused delivery that cannot be reprocessed). */
  private keepLimit = Number.POSITIVE_INFINITY;
  private keptBytes = 0;

  constructor(
    private readonly source: AsyncIterator<Uint8Array | string>,
    private readonly options: RawCaptureOptions,
  ) {}

  /** True once the whole input was read. */
  get complete(): boolean {
    return this.sourceDone;
  }

  /** True when every byte of the input was kept (a reprocess can read it back). */
  get storedComplete(): boolean {
    return this.options.store === 'db' && this.sourceDone && this.keptBytes === this.bytes;
  }

  get isSpilled(): boolean {
    return this.spilled;
  }

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  /** The input for the reader: every chunk passes through here. */
  reader(): AsyncIterable<Uint8Array> {
    return {
      [Symbol.asyncIterator]: () => ({
        next: () => this.next(),
        return: async () => ({ done: true, value: undefined }),
      }),
    };
  }

  /** Reads the rest of the input (keeping it as configured) up to `maxBytes` in all; false when more remained. */
  async drain(maxBytes: number): Promise<boolean> {
    while (!this.sourceDone) {
      if (this.bytes > maxBytes) return false;
      await this.next();
    }
    return true;
  }

  /** Keeps at most `limit` bytes in all (what is already held beyond it is dropped unless written). */
  limitKept(limit: number): void {
    this.keepLimit = limit;
    if (this.spilled || this.keptBytes <= limit) return;
    let total = 0;
    const kept: Buffer[] = [];
    for (const chunk of this.memory) {
      if (total >= limit) break;
      const part = total + chunk.byteLength > limit ? chunk.subarray(0, limit - total) : chunk;
      kept.push(part);
      total += part.byteLength;
    }
    this.memory = kept;
    this.keptBytes = total;
  }

  /** The bytes held in memory (a delivery whose row is written in one transaction). */
  memoryChunk(): Buffer | undefined {
    if (this.spilled || this.options.store !== 'db' || this.memory.length === 0) return undefined;
    return Buffer.concat(this.memory);
  }

  /** Called when the delivery's row exists: from now on bytes go to the database. */
  async spill(): Promise<void> {
    if (this.spilled || this.options.store !== 'db') return;
    this.spilled = true;
    for (const chunk of this.memory.splice(0)) await this.batchUp(chunk);
  }

  /** Writes what is still batched and waits for every write. */
  async finish(): Promise<void> {
    if (this.spilled && this.batch.length > 0) this.writeBatch();
    await Promise.all(this.inflight.splice(0));
    if (this.failure) throw this.failure;
  }

  private async next(): Promise<IteratorResult<Uint8Array>> {
    if (this.failure) throw this.failure;
    if (this.sourceDone) return { done: true, value: undefined };
    const r = await this.source.next();
    if (r.done) {
      this.sourceDone = true;
      return { done: true, value: undefined };
    }
    const chunk =
      typeof r.value === 'string'
        ? Buffer.from(r.value, 'utf8')
        : Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
    this.bytes += chunk.byteLength;
    this.hash.update(chunk);
    if (this.options.store === 'db') await this.keep(chunk);
    return { done: false, value: chunk };
  }

  private async keep(chunk: Buffer): Promise<void> {
    const room = this.keepLimit - this.keptBytes;
    if (room <= 0) return;
    const kept = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
    this.keptBytes += kept.byteLength;
    if (this.spilled) return this.batchUp(kept);
    this.memory.push(kept);
    // A limited (refused) delivery never spills: what it keeps is small and goes with its one transaction.
    if (this.keptBytes > this.options.spillAt && this.keepLimit === Number.POSITIVE_INFINITY)
      await this.options.onSpill();
  }

  private async batchUp(chunk: Buffer): Promise<void> {
    this.batch.push(chunk);
    this.batchBytes += chunk.byteLength;
    if (this.batchBytes >= BATCH_BYTES) {
      this.writeBatch();
      while (this.inflight.length >= 2) await this.inflight.shift();
      if (this.failure) throw this.failure;
    }
  }

  private writeBatch(): void {
    const rows = Buffer.concat(this.batch);
    this.batch = [];
    this.batchBytes = 0;
    const seq = this.nextSeq++;
    const write = this.options.raws
      .insert(this.options.db, this.options.deliveryId, seq, [rows])
      .catch((error: unknown) => {
        this.failure ??= error;
      });
    this.inflight.push(write);
  }
}
