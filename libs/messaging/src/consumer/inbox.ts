import type { EntityManager } from 'typeorm';

/**
 * Records message ids as consumed by `consumer`, inside the caller's transaction, and returns the ids that
 * were new. An id already present (a redelivery, or a duplicate publish after a relay crash) is not returned:
 * its effect was committed before, with the row that now blocks it. Because the row and the effect commit
 * together, an effect is applied at most once per (message id, consumer).
 */
export async function claimInbox(em: EntityManager, consumer: string, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows: { message_id: string }[] = await em.query(
    `INSERT INTO inbox (message_id, consumer) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING RETURNING message_id`,
    [messageIds, consumer],
  );
  return new Set(rows.map((r) => r.message_id));
}

/**
 * Deletes inbox rows older than `olderThanMs` (in slices): run it from a periodic job. Keep the rows longer than
 * any redelivery or dead-letter replay can take (the default 90 days is generous), or a late copy would apply twice.
 */
export async function purgeInbox(em: Pick<EntityManager, 'query'>, olderThanMs = 90 * 24 * 3_600_000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const rows: unknown[] = await em.query(
      `DELETE FROM inbox WHERE (message_id, consumer) IN (
         SELECT message_id, consumer FROM inbox WHERE received_at < now() - make_interval(secs => $1) LIMIT 5000) RETURNING 1`,
      [olderThanMs / 1000],
    );
    deleted += rows.length;
    if (rows.length < 5000) return deleted;
  }
}
