import type { LocalDate } from '../domain/index.js';
import type { WorkListParams } from '../application/case-queries.js';
import type { SortKey } from '../infrastructure/work-list.query.js';
import type { ListCasesQuery } from './dto/list-cases.query.js';

/** The validated query string as the work-list use case takes it. */
export function workListParams(query: ListCasesQuery): WorkListParams {
  const sort = query.sort ?? 'due';
  const nationality =
    query.nationality === undefined
      ? undefined
      : /^\d+$/.test(query.nationality)
        ? { bfsCode: Number(query.nationality) }
        : { iso2: query.nationality };
  return {
    filter: {
      ...(query.phase ? { phase: query.phase } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.municipality ? { municipality: query.municipality } : {}),
      ...(query.due ? { dueBy: query.due as LocalDate } : {}),
      ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
      ...(nationality ? { nationality } : {}),
      ...(query.language ? { language: query.language } : {}),
      ...(query.household ? { householdRef: query.household } : {}),
      ...(query.q ? { q: query.q } : {}),
    },
    sort: sort.replace(/^-/, '') as SortKey,
    descending: sort.startsWith('-'),
    limit: query.limit ?? 20,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
}
