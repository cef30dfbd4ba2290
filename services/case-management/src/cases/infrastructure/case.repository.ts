import { Inject, Injectable } from '@nestjs/common';
import { CASE_MANAGEMENT_CONFIG, type CaseManagementConfig } from '../../config/case-management.config.js';
import type { EntityManager } from 'typeorm';
import { Case, type CaseState, type HistoryEntry, type LocalDate } from '../domain/index.js';
import { caseColumns, columnValues, COLUMN_NAMES, nameValues, type CaseNames } from './case-columns.js';

/** A case as loaded, with what the write needs for its optimistic check. */
export interface LoadedCase {
  readonly case: Case;
  /** Version and history length as stored: the update is conditional on the version, new history starts after the length. */
  readonly storedVersion: number;
  readonly storedSeq: number;
  readonly names: CaseNames;
}

/** Thrown when the row changed between load and write (another writer won): the caller retries or answers 409. */
export class StaleCaseError extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} was changed concurrently`);
    this.name = 'StaleCaseError';
  }
}

interface HistoryRow {
  seq: number;
  at: Date;
  actor_id: string;
  role: HistoryEntry['role'];
  action: HistoryEntry['action'];
  reason: string | null;
  details: Record<string, unknown>;
}

const UPDATE_SET = COLUMN_NAMES.map((name, i) => `${name} = $${i + 3}`).join(', ');

/**
 * Persists the case aggregate: the snapshot and its derived columns in `case_record`, new history entries
 * in `case_history` (append-only; the (case_id, seq) key refuses a lost update). Every write goes through
 * the caller's transaction so state, history, outbox and audit commit together.
 */
@Injectable()
export class CaseRepository {
  private readonly reminderLeadDays: number;

  constructor(@Inject(CASE_MANAGEMENT_CONFIG) config: Pick<CaseManagementConfig, 'reminderLeadDays'>) {
    this.reminderLeadDays = config.reminderLeadDays;
  }

  /** Loads a case; `lock` takes the row lock that serialises all writers of one case (and its outbox order). */
  async find(em: EntityManager, caseId: string, lock = false): Promise<LoadedCase | null> {
    if (!UUID.test(caseId)) return null;
    const rows: { snapshot: CaseState; version: number; official_name: string; first_name: string }[] = await em.query(
      `SELECT snapshot, version, official_name, first_name FROM case_record WHERE case_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [caseId],
    );
    const row = rows[0];
    if (!row) return null;
    const history = await this.history(em, caseId);
    return {
      case: Case.fromSnapshot({ state: row.snapshot, history }),
      storedVersion: row.version,
      storedSeq: history.length,
      names: { officialName: row.official_name, firstName: row.first_name },
    };
  }

  async history(em: EntityManager, caseId: string): Promise<HistoryEntry[]> {
    const rows: HistoryRow[] = await em.query(
      'SELECT seq, at, actor_id, role, action, reason, details FROM case_history WHERE case_id = $1 ORDER BY seq',
      [caseId],
    );
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      role: r.role,
      action: r.action,
      ...(r.reason !== null ? { reason: r.reason } : {}),
      details: r.details,
    }));
  }

  async insert(em: EntityManager, c: Case, names: CaseNames): Promise<void> {
    const { state } = c.toSnapshot();
    const columns = columnValues(caseColumns(state, this.reminderLeadDays));
    const params = [
      state.caseId,
      state.subject.personRef,
      state.arrivalKey,
      state.registrationDate,
      state.openedAt,
      ...nameValues(names),
      state.version,
      JSON.stringify(state),
      ...columns,
    ];
    const fixed = [
      'case_id',
      'person_ref',
      'arrival_key',
      'registration_date',
      'opened_at',
      'official_name',
      'first_name',
      'sort_name',
      'search_name',
      'version',
      'snapshot',
    ];
    const names_ = [...fixed, ...COLUMN_NAMES, 'updated_at'];
    await em.query(
      `INSERT INTO case_record (${names_.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}, now())`,
      params,
    );
    await this.appendHistory(em, state.caseId, c.history);
  }

  /** Writes the state if nobody else did since `loaded` (optimistic version), then the new history entries. */
  async save(em: EntityManager, c: Case, loaded: Pick<LoadedCase, 'storedVersion' | 'storedSeq'>): Promise<void> {
    const { state } = c.toSnapshot();
    if (state.version === loaded.storedVersion) return; // an idempotent no-op changed nothing
    const columns = columnValues(caseColumns(state, this.reminderLeadDays));
    const n = columns.length + 3;
    const result: [unknown[], number] = await em.query(
      `UPDATE case_record SET ${UPDATE_SET}, version = $${n}, snapshot = $${n + 1}, updated_at = now()
       WHERE case_id = $1 AND version = $2`,
      [state.caseId, loaded.storedVersion, ...columns, state.version, JSON.stringify(state)],
    );
    if (result[1] !== 1) throw new StaleCaseError(state.caseId);
    await this.appendHistory(em, state.caseId, c.historyLog.since(loaded.storedSeq));
  }

  /** The person's cases (under any of their references), for the opening decision (CM3). */
  async casesOfPerson(
    em: EntityManager,
    personRefs: readonly string[],
  ): Promise<Pick<CaseState, 'caseId' | 'arrivalKey' | 'status'>[]> {
    const rows: { case_id: string; arrival_key: string; status: CaseState['status'] }[] = await em.query(
      'SELECT case_id, arrival_key, status FROM case_record WHERE person_ref = ANY($1::text[])',
      [personRefs],
    );
    return rows.map((r) => ({ caseId: r.case_id, arrivalKey: r.arrival_key, status: r.status }));
  }

  /** The person's case that is not closed (at most one, CM3), or null. */
  async liveCaseIdOf(em: EntityManager, personRefs: readonly string[]): Promise<string | null> {
    const rows: { case_id: string }[] = await em.query(
      `SELECT case_id FROM case_record WHERE person_ref = ANY($1::text[]) AND status <> 'closed' ORDER BY opened_at DESC LIMIT 1`,
      [personRefs],
    );
    return rows[0]?.case_id ?? null;
  }

  /** Keeps the names on the case rows in step with the person store (person.corrected). */
  async renamePerson(em: EntityManager, personRefs: readonly string[], names: CaseNames): Promise<void> {
    await em.query(
      'UPDATE case_record SET official_name = $2, first_name = $3, sort_name = $4, search_name = $5 WHERE person_ref = ANY($1::text[])',
      [personRefs, ...nameValues(names)],
    );
  }

  /** Reminder triggers of the live cases of some persons (after a message changed their deadlines). */
  async deadlineTriggers(
    em: EntityManager,
    personRefs: readonly string[],
  ): Promise<{ caseId: string; reminderOn: LocalDate | null; due: LocalDate | null }[]> {
    const rows: { case_id: string; reminder_on: string | null; due: string | null }[] = await em.query(
      `SELECT case_id, reminder_on::text AS reminder_on, first_information_due::text AS due FROM case_record
       WHERE person_ref = ANY($1::text[]) AND reminder_on IS NOT NULL`,
      [personRefs],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      reminderOn: r.reminder_on as LocalDate | null,
      due: r.due as LocalDate | null,
    }));
  }

  private async appendHistory(em: EntityManager, caseId: string, entries: readonly HistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await em.query(
      `INSERT INTO case_history (case_id, seq, at, actor_id, role, action, reason, details)
       SELECT $1, * FROM unnest($2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[])`,
      [
        caseId,
        entries.map((e) => e.seq),
        entries.map((e) => e.at),
        entries.map((e) => e.actorId),
        entries.map((e) => e.role),
        entries.map((e) => e.action),
        entries.map((e) => e.reason ?? null),
        entries.map((e) => JSON.stringify(e.details)),
      ],
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
