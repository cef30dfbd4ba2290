import { describe, expect, it } from '@jest/globals';
import type { Queryable } from '../infrastructure/queryable.js';
import type { RawDeliveryRepository } from '../infrastructure/raw-delivery.repository.js';
import { RawCapture } from './raw-capture.js';

/** Rows as the repository would write them, in memory. */
function fakeRaws() {
  const rows: { seq: number; chunk: Buffer }[] = [];
  const raws = {
    insert: async (_q: Queryable, _id: string, seq: number, chunks: Buffer[]) =>
      void rows.push(...chunks.map((chunk, i) => ({ seq: seq + i, chunk }))),
  } as unknown as RawDeliveryRepository;
  return { rows, raws };
}

function source(chunks: number, size: number): { iterator: AsyncIterator<Uint8Array>; closed: () => boolean } {
  let closed = false;
  async function* gen() {
    try {
      for (let i = 0; i < chunks; i++) yield Buffer.alloc(size, 65 + (i % 26));
    } finally {
      closed = true;
    }
  }
  return { iterator: gen(), closed: () => closed };
}

async function readAll(iterable: AsyncIterable<Uint8Array>, stopAfter = Number.POSITIVE_INFINITY): Promise<number> {
  let n = 0;
  for await (const chunk of iterable) {
    n += chunk.byteLength;
    if (n >= stopAfter) break;
  }
  return n;
}

describe('RawCapture', () => {
  it('keeps a small delivery in memory, hashed and counted', async () => {
    const { raws, rows } = fakeRaws();
    const { iterator } = source(4, 1000);
    const capture = new RawCapture(iterator, {
      store: 'db',
      deliveryId: 'd',
      raws,
      db: {} as Queryable,
      spillAt: 1e6,
      onSpill: async () => undefined,
    });
    expect(await readAll(capture.reader())).toBe(4000);
    expect(capture.memoryChunk()?.byteLength).toBe(4000);
    expect(capture.storedComplete).toBe(true);
    expect(capture.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rows).toEqual([]);
  });

  it('spills a large one to the database in rows as it passes, once its row exists', async () => {
    const { raws, rows } = fakeRaws();
    const { iterator } = source(40, 100_000);
    let spilled = 0;
    const capture: RawCapture = new RawCapture(iterator, {
      store: 'db',
      deliveryId: 'd',
      raws,
      db: {} as Queryable,
      spillAt: 500_000,
      onSpill: async () => {
        spilled++;
        await capture.spill();
      },
    });
    await readAll(capture.reader());
    await capture.finish();
    expect(spilled).toBe(1);
    expect(capture.memoryChunk()).toBeUndefined();
    expect(rows.reduce((n, r) => n + r.chunk.byteLength, 0)).toBe(4_000_000);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i));
    expect(capture.storedComplete).toBe(true);
  });

  it('never closes the source when the reader stops early; drain reads on, and a limit bounds what is kept', async () => {
    const { raws } = fakeRaws();
    const { iterator, closed } = source(10, 1000);
    const capture = new RawCapture(iterator, {
      store: 'db',
      deliveryId: 'd',
      raws,
      db: {} as Queryable,
      spillAt: 1e6,
      onSpill: async () => undefined,
    });
    await readAll(capture.reader(), 2000);
    expect(closed()).toBe(false);
    capture.limitKept(1500);
    expect(await capture.drain(1e6)).toBe(true);
    expect(capture.bytes).toBe(10_000);
    expect(capture.memoryChunk()?.byteLength).toBe(1500);
    expect(capture.storedComplete).toBe(false);
  });

  it('stops draining past the limit (the caller then closes the connection)', async () => {
    const { raws } = fakeRaws();
    const { iterator } = source(100, 1000);
    const capture = new RawCapture(iterator, {
      store: 'none',
      deliveryId: 'd',
      raws,
      db: {} as Queryable,
      spillAt: 1e6,
      onSpill: async () => undefined,
    });
    expect(await capture.drain(10_000)).toBe(false);
    expect(capture.complete).toBe(false);
  });
});
