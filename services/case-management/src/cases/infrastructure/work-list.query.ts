import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { CasePhase, CaseStatus, LocalDate } from '../domain/index.js';
import { normaliseName } from '../../shared/names.js';
import type { DeadlineColumnState, DueKind } from './case-columns.js';

export const SORT_KEYS = ['due', 'registrationDate', 'name', 'openedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Which cases a caller may list at all; the filters only narrow it. */
export type WorkListScope =
  | { readonly kind: 'municipalities'; readonly bfs: readonly number[] }
  | { readonly kind: 'reported' }
  | { readonly kind: 'sozialregion'; readonly id: string };

export interface WorkListFilter {
  readonly phase?: readonly CasePhase[];
  /** Default: every status but `closed`. */
  readonly status?: readonly CaseStatus[];
  readonly municipality?: readonly number[];
  /** Next due date on or before this day. */
  readonly dueBy?: LocalDate;
  /** Next due date before `today` (true) or not (false). */
  readonly overdue?: boolean;
  readonly nationality?: { readonly bfsCode?: number; readonly iso2?: string };
  readonly language?: string;
  readonly householdRef?: string;
  /** Name search: every word must occur in "official name first name" (accents and case ignored). */
  readonly q?: string;
}

export interface WorkListRequest {
  readonly scope: WorkListScope;
  readonly filter: WorkListFilter;
  readonly today: LocalDate;
  readonly sort: { readonly key: SortKey; readonly descending: boolean };
  readonly limit: number;
  /** Keyset position: the sort key and id of the last item of the previous page. */
  readonly after?: { readonly key: string; readonly id: string };
}

export interface WorkListRow {
  readonly id: string;
  readonly municipality: number;
  readonly phase: CasePhase;
  readonly status: CaseStatus;
  readonly personRef: string;
  readonly householdRef: string | null;
  readonly officialName: string;
  readonly firstName: string;
  readonly nextDue: LocalDate | null;
  readonly nextDueKind: DueKind | null;
  readonly firstInformationDue: LocalDate | null;
  readonly deadlineState: DeadlineColumnState;
  readonly registrationDate: LocalDate;
  readonly openedAt: string;
  readonly nationalityBfs: number;
  readonly nationalityIso2: string | null;
  readonly language: string | null;
  readonly sozialregion: string | null;
  /** The row's sort key as text, for the next page's cursor. */
  readonly sortKey: string;
}

const SORT_COLUMNS: Record<SortKey, { column: string; type: string }> = {
  due: { column: 'next_due', type: 'date' },
  registrationDate: { column: 'registration_date', type: 'date' },
  name: { column: 'sort_name', type: 'text' },
  openedAt: { column: 'opened_at', type: 'timestamptz' },
};

const SELECT = `case_id, municipality, phase, status, person_ref, household_ref, official_name, first_name, next_due::text AS next_due,
  next_due_kind, first_information_due::text AS first_information_due, deadline_state, registration_date::text AS registration_date,
  to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS opened_at, nationality_bfs, nationality_iso2, language, handover_sozialregion`;

/**
 * The work list in one statement, keyset-paginated so page 500 costs what page 1 costs. For IBs the
 * scope is a handful of municipalities: each one is read from its (municipality, sort key, id) index
 * with LIMIT and the small results are merged (LATERAL), instead of sorting every case of the scope;
 * one municipality reads its index directly. A name search goes through the trigram index instead.
 */
export async function queryWorkList(dataSource: DataSource, r: WorkListRequest): Promise<WorkListRow[]> {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const sort = SORT_COLUMNS[r.sort.key];
  const dir = r.sort.descending ? 'DESC' : 'ASC';
  const where: string[] = [];
  const f = r.filter;
  where.push(f.status?.length ? `status = ANY(${p(f.status)}::text[])` : `status <> 'closed'`);
  if (f.phase?.length) where.push(`phase = ANY(${p(f.phase)}::text[])`);
  if (f.dueBy) where.push(`next_due <= ${p(f.dueBy)}::date`);
  if (f.overdue !== undefined)
    where.push(f.overdue ? `next_due < ${p(r.today)}::date` : `next_due >= ${p(r.today)}::date`);
  if (f.nationality?.bfsCode !== undefined) where.push(`nationality_bfs = ${p(f.nationality.bfsCode)}`);
  if (f.nationality?.iso2 !== undefined) where.push(`nationality_iso2 = ${p(f.nationality.iso2)}`);
  if (f.language) where.push(`language = ${p(f.language)}`);
  if (f.householdRef) where.push(`household_ref = ${p(f.householdRef)}`);
  const words = f.q ? normaliseName(f.q).split(' ').filter(Boolean).slice(0, 4) : [];
  for (const w of words) where.push(`search_name LIKE ${p(`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (r.after) {
    where.push(
      `(c.${sort.column}, c.case_id) ${r.sort.descending ? '<' : '>'} (${p(r.after.key)}::${sort.type}, ${p(r.after.id)}::uuid)`,
    );
  }
  // Qualified: several output columns are aliased to the same name as text (next_due::text AS next_due), and an
  // unqualified ORDER BY would sort by the text alias and miss the index.
  const order = `c.${sort.column} ${dir}, c.case_id ${dir}`;
  const limit = p(r.limit);
  let sql: string;
  if (r.scope.kind === 'municipalities') {
    const wanted = f.municipality?.length ? new Set(f.municipality) : null;
    const bfs = wanted ? r.scope.bfs.filter((b) => wanted.has(b)) : [...r.scope.bfs];
    if (bfs.length === 0) return [];
    if (words.length || bfs.length === 1) {
      const scope = bfs.length === 1 ? `c.municipality = ${p(bfs[0])}::int` : `c.municipality = ANY(${p(bfs)}::int[])`;
      sql = `SELECT ${SELECT}, c.${sort.column}::text AS sort_key FROM case_record c
        WHERE ${scope} AND ${where.join(' AND ')} ORDER BY ${order} LIMIT ${limit}`;
    } else {
      sql = `SELECT x.* FROM unnest(${p(bfs)}::int[]) AS m(bfs) CROSS JOIN LATERAL (
          SELECT ${SELECT}, c.${sort.column} AS sort_value, c.${sort.column}::text AS sort_key FROM case_record c
          WHERE c.municipality = m.bfs AND ${where.join(' AND ')} ORDER BY ${order} LIMIT ${limit}) x
        ORDER BY x.sort_value ${dir}, x.case_id ${dir} LIMIT ${limit}`;
    }
  } else {
    if (r.scope.kind === 'reported') where.push('reported');
    else where.push(`handover_sozialregion = ${p(r.scope.id)}`);
    if (f.municipality?.length) where.push(`municipality = ANY(${p(f.municipality)}::int[])`);
    sql = `SELECT ${SELECT}, c.${sort.column}::text AS sort_key FROM case_record c WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${limit}`;
  }
  // The hottest read of the service goes straight to the pg pool as a named prepared statement: parsed and
  // planned once per connection and statement shape instead of on every request.
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const name = `wl_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
  const { rows } = await pool.query<Record<string, unknown>>({ name, text: sql, values: params });
  return rows.map(toRow);
}

function toRow(r: Record<string, unknown>): WorkListRow {
  const due = r['next_due'] as string;
  return {
    id: r['case_id'] as string,
    municipality: r['municipality'] as number,
    phase: r['phase'] as CasePhase,
    status: r['status'] as CaseStatus,
    personRef: r['person_ref'] as string,
    householdRef: r['household_ref'] as string | null,
    officialName: r['official_name'] as string,
    firstName: r['first_name'] as string,
    nextDue: due === 'infinity' ? null : (due as LocalDate),
    nextDueKind: r['next_due_kind'] as DueKind | null,
    firstInformationDue: r['first_information_due'] as LocalDate | null,
    deadlineState: r['deadline_state'] as DeadlineColumnState,
    registrationDate: r['registration_date'] as LocalDate,
    openedAt: r['opened_at'] as string,
    nationalityBfs: r['nationality_bfs'] as number,
    nationalityIso2: r['nationality_iso2'] as string | null,
    language: r['language'] as string | null,
    sozialregion: r['handover_sozialregion'] as string | null,
    sortKey: r['sort_key'] as string,
  };
}
