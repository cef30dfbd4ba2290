import type { Queryable } from './queryable.js';

/** Raw bytes of HTTP deliveries, in chunks in delivery order (delivery_raw). */
export class RawDeliveryRepository {
  constructor(private readonly db: Queryable) {}

  async insert(q: Queryable, deliveryId: string, firstSeq: number, chunks: Buffer[]): Promise<void> {
    if (chunks.length === 0) return;
    await q.query(
      'INSERT INTO delivery_raw (delivery_id, seq, chunk) SELECT $1, * FROM unnest($2::int[], $3::bytea[])',
      [deliveryId, chunks.map((_, i) => firstSeq + i), chunks],
    );
  }

  /** Keeps only the first `bytes` of a delivery's stored bytes (a refusal that no reprocess can cure). */
  async truncate(q: Queryable, deliveryId: string, bytes: number): Promise<void> {
    await q.query('DELETE FROM delivery_raw WHERE delivery_id = $1 AND seq > 0', [deliveryId]);
    await q.query(
      'UPDATE delivery_raw SET chunk = substring(chunk FROM 1 FOR $2) WHERE delivery_id = $1 AND seq = 0 AND length(chunk) > $2',
      [deliveryId, bytes],
    );
  }

  async exists(deliveryId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>('SELECT 1 FROM delivery_raw WHERE delivery_id = $1 LIMIT 1', [
      deliveryId,
    ]);
    return rows.length > 0;
  }

  /** Streams a delivery's bytes back, a few chunks per query, so a large delivery is never held whole. */
  async *read(deliveryId: string, chunksPerQuery = 4): AsyncGenerator<Buffer> {
    let next = 0;
    for (;;) {
      const rows = await this.db.query<{ seq: number; chunk: Buffer }[]>(
        'SELECT seq, chunk FROM delivery_raw WHERE delivery_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3',
        [deliveryId, next, chunksPerQuery],
      );
      for (const row of rows) yield row.chunk;
      if (rows.length < chunksPerQuery) return;
      next = rows[rows.length - 1].seq + 1;
    }
  }
}
