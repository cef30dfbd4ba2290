import type { EntityManager } from 'typeorm';
import type { Assessment, DfpaCaseState, HealthConstraints } from '../domain/index.js';
import { returnedRows } from './returned-rows.js';
import type { PageQuery } from './audited-page.js';

interface CaseRow {
  state: DfpaCaseState;
  version: number;
}

/** The DFPA cases, their versioned assessments and health constraints, and the case history (SQL through the caller's EntityManager). */
export class DfpaCaseRepository {
  /** The case of `region` (never another region's: the region is part of the key a caller can reach). */
  async find(em: EntityManager, dfpaCaseId: string, region: string, forUpdate = false): Promise<DfpaCaseState | null> {
    const rows: CaseRow[] = await em.query(
      `SELECT state, version FROM dfpa_case WHERE dfpa_case_id = $1 AND sozialregion_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [dfpaCaseId, region],
    );
    return rows[0]?.state ?? null;
  }

  async byMunicipalCase(em: EntityManager, caseId: string, forUpdate = false): Promise<DfpaCaseState[]> {
    const rows: CaseRow[] = await em.query(
      `SELECT state, version FROM dfpa_case WHERE case_id = $1 ORDER BY opened_on${forUpdate ? ' FOR UPDATE' : ''}`,
      [caseId],
    );
    return rows.map((r) => r.state);
  }

  async insert(em: EntityManager, s: DfpaCaseState): Promise<void> {
    await em.query(
      `INSERT INTO dfpa_case (dfpa_case_id, sozialregion_id, origin, handover_id, case_id, person_ref, status, caseworkers, state, version, opened_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        s.dfpaCaseId,
        s.sozialregionId,
        s.origin,
        s.handoverId,
        s.caseId,
        s.personRef,
        s.status,
        s.caseworkers,
        JSON.stringify(s),
        s.version,
        s.openedOn,
      ],
    );
  }

  /** Optimistic on top of the row lock: a lost update shows as an error instead of silently overwriting. */
  async update(em: EntityManager, s: DfpaCaseState): Promise<void> {
    const rows = returnedRows(
      await em.query(
        `UPDATE dfpa_case SET status = $2, caseworkers = $3, state = $4, version = $5, updated_at = now()
       WHERE dfpa_case_id = $1 AND version = $6 RETURNING dfpa_case_id`,
        [s.dfpaCaseId, s.status, s.caseworkers, JSON.stringify(s), s.version, s.version - 1],
      ),
    );
    if (rows.length !== 1) throw new Error(`dfpa case ${s.dfpaCaseId} changed concurrently`);
  }

  async history(
    em: EntityManager,
    dfpaCaseId: string,
    actor: string,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await em.query('INSERT INTO dfpa_case_history (dfpa_case_id, actor, action, details) VALUES ($1, $2, $3, $4)', [
      dfpaCaseId,
      actor,
      action,
      JSON.stringify(details),
    ]);
  }

  async historyOf(
    em: EntityManager,
    dfpaCaseId: string,
  ): Promise<{ seq: number; at: string; actor: string; action: string; details: Record<string, unknown> }[]> {
    const rows: { seq: string; at: Date; actor: string; action: string; details: Record<string, unknown> }[] =
      await em.query(
        'SELECT seq, at, actor, action, details FROM dfpa_case_history WHERE dfpa_case_id = $1 ORDER BY seq',
        [dfpaCaseId],
      );
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      details: r.details,
    }));
  }

  async nextAssessmentVersion(em: EntityManager, dfpaCaseId: string): Promise<number> {
    const rows: { v: number }[] = await em.query(
      'SELECT COALESCE(MAX(version), 0) + 1 AS v FROM assessment WHERE dfpa_case_id = $1',
      [dfpaCaseId],
    );
    return Number(rows[0]?.v ?? 1);
  }

  async insertAssessment(
    em: EntityManager,
    dfpaCaseId: string,
    version: number,
    a: Assessment,
    by: string,
    health: HealthConstraints | null,
  ): Promise<void> {
    await em.query(
      'INSERT INTO assessment (dfpa_case_id, version, assessed_on, recorded_by, assessment) VALUES ($1, $2, $3, $4, $5)',
      [dfpaCaseId, version, a.assessedOn, by, JSON.stringify(a)],
    );
    if (health)
      await em.query('INSERT INTO assessment_health (dfpa_case_id, version, health) VALUES ($1, $2, $3)', [
        dfpaCaseId,
        version,
        JSON.stringify(health),
      ]);
  }

  /** Every version, newest first; `withHealth` only for the case's own caseworkers (R22). */
  async assessments(em: EntityManager, dfpaCaseId: string, withHealth: boolean) {
    const rows: {
      version: number;
      recorded_by: string;
      recorded_at: Date;
      assessment: Assessment;
      health: HealthConstraints | null;
    }[] = await em.query(
      `SELECT a.version, a.recorded_by, a.recorded_at, a.assessment, ${withHealth ? 'h.health' : 'NULL::jsonb AS health'}
       FROM assessment a ${withHealth ? 'LEFT JOIN assessment_health h USING (dfpa_case_id, version)' : ''}
       WHERE a.dfpa_case_id = $1 ORDER BY a.version DESC`,
      [dfpaCaseId],
    );
    return rows.map((r) => ({
      version: r.version,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at.toISOString(),
      ...r.assessment,
      health: withHealth ? r.health : undefined,
    }));
  }

  /**
   * The region's cases for its work list, newest first, keyset-paged, each line the fields of `caseSummary`
   * (dfpa-case.view.ts) built in SQL. The index `dfpa_case_list` serves the order and the cursor directly.
   */
  listPage(region: string, status: string, limit: number, after?: { openedOn: string; id: string }): PageQuery {
    return {
      name: after ? 'dfpa-case-list-page-after' : 'dfpa-case-list-page',
      select: `SELECT dfpa_case_id AS id, opened_on, opened_on::text AS cursor_key,
          jsonb_build_object('dfpaCaseId', dfpa_case_id, 'sozialregionId', sozialregion_id, 'origin', origin,
            'caseId', case_id, 'municipality', state->'municipality', 'personRef', person_ref,
            'name', CASE WHEN jsonb_typeof(state->'person') = 'object'
              THEN (state->'person'->>'officialName') || ', ' || (state->'person'->>'firstName') END,
            'status', status, 'progress', state->'progress', 'caseworkers', caseworkers, 'openedOn', opened_on,
            'nextReviewOn', state->'plan'->'reviewOn') AS doc
        FROM dfpa_case WHERE sozialregion_id = $1 AND status = $2
        ${after ? 'AND (opened_on, dfpa_case_id) < ($4::date, $5::uuid)' : ''}
        ORDER BY opened_on DESC, dfpa_case_id DESC LIMIT $3`,
      params: after ? [region, status, limit, after.openedOn, after.id] : [region, status, limit],
      order: 'page.opened_on DESC, page.id DESC',
    };
  }

  /**
   * After a move to another region (ERASED_ON_MOVE): the health constraints of every assessment go, and of the
   * hand-over as received only the person's reference and who handed it over stay (not the person, the municipality's
   * reason or its case summary). The case row itself loses the person through its new state.
   */
  async forgetPersonAfterMove(em: EntityManager, s: DfpaCaseState): Promise<void> {
    await em.query('DELETE FROM assessment_health WHERE dfpa_case_id = $1', [s.dfpaCaseId]);
    if (s.handoverId)
      await em.query(
        `UPDATE handover SET request = jsonb_build_object('person', jsonb_build_object('personRef', person_ref),
           'requestedBy', request->'requestedBy', 'contact', request->'contact')
         WHERE handover_id = $1 AND sozialregion_id = $2`,
        [s.handoverId, s.sozialregionId],
      );
  }

  /** Counts per region and status: what AGS sees (figures, not persons). */
  async figures(em: EntityManager): Promise<{ sozialregionId: string; status: string; cases: number }[]> {
    const rows: { sozialregion_id: string; status: string; n: string }[] = await em.query(
      'SELECT sozialregion_id, status, count(*) AS n FROM dfpa_case GROUP BY 1, 2 ORDER BY 1, 2',
    );
    return rows.map((r) => ({ sozialregionId: r.sozialregion_id, status: r.status, cases: Number(r.n) }));
  }
}
