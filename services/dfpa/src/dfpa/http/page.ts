import { invalid } from '../domain/index.js';

/** `limit` (1–200, default 50) and the opaque cursor `after` of a keyset page; a broken cursor is a 422 naming it. */
export function pageOf(
  limit: string | undefined,
  after: string | undefined,
): { limit: number; after?: { key: string; id: string } } {
  const n = limit === undefined ? 50 : Number(limit);
  if (!Number.isInteger(n) || n < 1 || n > 200)
    throw invalid('limit', 'ganze Zahl von 1 bis 200', 'an integer from 1 to 200');
  if (!after) return { limit: n };
  const [key, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  if (!key || !id || !/^\d{4}-\d{2}-\d{2}$/.test(key) || !/^[0-9a-f-]{36}$/.test(id))
    throw invalid('after', 'ungültiger Cursor', 'invalid cursor');
  return { limit: n, after: { key, id } };
}
