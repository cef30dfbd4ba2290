import { PHASES, SORTS, STATUSES } from './work-list.api.js';

/** The work list's filters as the page's query string carries them (and the form shows them back). */
export interface WorkListFilters {
  q: string;
  phase: string;
  status: string;
  municipality: string;
  due: string;
  overdue: boolean;
  nationality: string;
  language: string;
  household: string;
  sort: string;
  cursor: string;
  /** Where the previous pages started, so "back" works with keyset paging. */
  prev: string[];
}

const text = (v: unknown, max = 100): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | '' =>
  (allowed as readonly unknown[]).includes(v) ? (v as T) : '';

/**
 * Reads the query string leniently: a value the page cannot use is dropped, not refused (the service checks
 * again and refuses what slips through). A municipality filter is only kept for a BFS number the user acts for.
 */
export function parseFilters(query: Record<string, unknown>, gemeinden: readonly number[]): WorkListFilters {
  const municipality = text(query['municipality'], 4);
  return {
    q: text(query['q']),
    phase: oneOf(query['phase'], PHASES),
    status: oneOf(query['status'], STATUSES),
    municipality: /^\d{4}$/.test(municipality) && gemeinden.includes(Number(municipality)) ? municipality : '',
    due: /^\d{4}-\d{2}-\d{2}$/.test(text(query['due'])) ? text(query['due']) : '',
    overdue: query['overdue'] === 'true' || query['overdue'] === 'on',
    nationality: /^([A-Z]{2}|8\d{3})$/.test(text(query['nationality'])) ? text(query['nationality']) : '',
    language: /^[a-z]{3}$/.test(text(query['language'])) ? text(query['language']) : '',
    household: text(query['household'], 64),
    sort: oneOf(query['sort'], SORTS) || 'due',
    cursor: text(query['cursor'], 500),
    prev: text(query['prev'], 4000).split(' ').filter(Boolean).slice(-20),
  };
}

/** The service's query for these filters. */
export function apiQuery(f: WorkListFilters, limit: number): Record<string, string | number | boolean | undefined> {
  return {
    q: f.q || undefined,
    phase: f.phase || undefined,
    status: f.status || undefined,
    municipality: f.municipality || undefined,
    due: f.due || undefined,
    overdue: f.overdue ? true : undefined,
    nationality: f.nationality || undefined,
    language: f.language || undefined,
    household: f.household || undefined,
    sort: f.sort,
    limit,
    cursor: f.cursor || undefined,
  };
}

/** This page's URL with some filters changed (paging and sorting links). */
export function listUrl(f: WorkListFilters, change: Partial<WorkListFilters>): string {
  const next = { ...f, ...change };
  const params = new URLSearchParams();
  for (const key of [
    'q',
    'phase',
    'status',
    'municipality',
    'due',
    'nationality',
    'language',
    'household',
    'sort',
    'cursor',
  ] as const) {
    if (next[key]) params.set(key, next[key]);
  }
  if (next.overdue) params.set('overdue', 'true');
  if (next.prev.length) params.set('prev', next.prev.join(' '));
  const s = params.toString();
  return s ? `/faelle?${s}` : '/faelle';
}

/** Households together: each household's cases follow its first case on the page, in the service's order. */
export function groupHouseholds<T extends { householdRef: string | null }>(
  items: readonly T[],
): { item: T; household: 'first' | 'member' | null }[] {
  const counts = new Map<string, number>();
  for (const i of items) if (i.householdRef) counts.set(i.householdRef, (counts.get(i.householdRef) ?? 0) + 1);
  const placed = new Set<T>();
  const out: { item: T; household: 'first' | 'member' | null }[] = [];
  for (const i of items) {
    if (placed.has(i)) continue;
    const ref = i.householdRef;
    if (!ref || (counts.get(ref) ?? 0) < 2) {
      out.push({ item: i, household: null });
      placed.add(i);
      continue;
    }
    for (const m of items.filter((x) => x.householdRef === ref)) {
      out.push({ item: m, household: m === i ? 'first' : 'member' });
      placed.add(m);
    }
  }
  return out;
}
