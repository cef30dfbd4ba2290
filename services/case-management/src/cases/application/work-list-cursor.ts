import { ProblemError } from '@si/http';
import type { SortKey } from '../infrastructure/work-list.query.js';

interface CursorBody {
  k: string;
  i: string;
  s: string;
}

/** An opaque keyset cursor: the last item's sort key and id, bound to the sort it was made for. */
export function encodeCursor(after: { key: string; id: string }, sort: SortKey, descending: boolean): string {
  const body: CursorBody = { k: after.key, i: after.id, s: `${descending ? '-' : ''}${sort}` };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: SortKey, descending: boolean): { key: string; id: string } {
  try {
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorBody;
    if (
      typeof body.k === 'string' &&
      typeof body.i === 'string' &&
      /^[0-9a-f-]{36}$/i.test(body.i) &&
      body.s === `${descending ? '-' : ''}${sort}`
    ) {
      return { key: body.k, id: body.i };
    }
  } catch {
    // falls through to the refusal
  }
  throw new ProblemError({
    status: 400,
    title: 'Ungültiger Cursor',
    detail: 'cursor does not belong to this sort order or is malformed',
    rule: 'CM7',
  });
}
