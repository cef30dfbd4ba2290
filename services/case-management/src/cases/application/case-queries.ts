import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '@si/auth';
import { ReadAuditWriter } from '../../shared/read-audit-writer.js';
import type { Actor, CaseState } from '../domain/index.js';
import { actorFor, auditActor, type HumanRole } from '../../shared/caller.js';
import { Clock } from '../../shared/clock.js';
import { caseNotFound } from '../../shared/domain-problem.js';
import { CaseRepository, type LoadedCase } from '../infrastructure/case.repository.js';
import { queryWorkList, type SortKey, type WorkListFilter } from '../infrastructure/work-list.query.js';
import { DeadlineReminders } from '../jobs/deadline-reminders.js';
import { CaseAccess } from './case-access.js';
import { caseDetail, workListItem, type CaseDetailView, type HouseholdMember, type WorkListItem } from './case-view.js';
import { decodeCursor, encodeCursor } from './work-list-cursor.js';

export const READ_ROLES: readonly HumanRole[] = ['gemeinde', 'migrationsamt', 'sozialregion', 'ags'];

export interface WorkListParams {
  readonly filter: WorkListFilter;
  readonly sort: SortKey;
  readonly descending: boolean;
  readonly limit: number;
  readonly cursor?: string;
}

export interface WorkListPage {
  items: WorkListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  limit: number;
}

/**
 * Reads: the work list and the case detail, each scoped to the caller and written to the audit log
 * (one record per request: the list names the case ids it showed, never their contents).
 */
@Injectable()
export class CaseQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CaseRepository) private readonly repository: CaseRepository,
    @Inject(CaseAccess) private readonly access: CaseAccess,
    @Inject(ReadAuditWriter) private readonly audit: ReadAuditWriter,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DeadlineReminders) private readonly reminders: DeadlineReminders,
  ) {}

  async list(principal: Principal, params: WorkListParams): Promise<WorkListPage> {
    const actor = actorFor(principal, READ_ROLES);
    const today = this.clock.today();
    const after = params.cursor ? decodeCursor(params.cursor, params.sort, params.descending) : undefined;
    const scope = await this.access.listScope(actor);
    const rows = await queryWorkList(this.dataSource, {
      scope,
      filter: params.filter,
      today,
      sort: { key: params.sort, descending: params.descending },
      limit: params.limit + 1,
      ...(after ? { after } : {}),
    });
    const page = rows.slice(0, params.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > params.limit && last
        ? encodeCursor({ key: last.sortKey, id: last.id }, params.sort, params.descending)
        : null;
    await this.audit.record({
      actor: auditActor(principal),
      action: 'case.list',
      objectType: 'case-list',
      objectId: filterSummary(params),
      outcome: 'granted',
      detail: { scope: scope.kind, caseIds: page.map((r) => r.id) },
    });
    return { items: page.map((r) => workListItem(r, actor.role, today)), nextCursor, limit: params.limit };
  }

  async detail(principal: Principal, caseId: string): Promise<CaseDetailView> {
    const actor = actorFor(principal, READ_ROLES);
    const loaded = await this.repository.find(this.dataSource.manager, caseId);
    if (!loaded || !(await this.access.canAccess(actor, loaded.case.state))) {
      await this.audit.record({
        actor: auditActor(principal),
        action: 'case.read',
        objectType: 'case',
        objectId: caseId,
        ...(loaded ? { municipality: loaded.case.municipality } : {}),
        outcome: 'denied',
        detail: { rule: 'not-found' },
      });
      throw caseNotFound();
    }
    const view = await this.view(loaded, actor);
    // The household section shows the names of other cases: they are read too, and named here.
    const household = ('household' in view ? view.household : []).map((m) => m.id);
    await this.audit.record({
      actor: auditActor(principal),
      action: 'case.read',
      objectType: 'case',
      objectId: caseId,
      municipality: loaded.case.municipality,
      outcome: 'granted',
      detail: { view: actor.role, ...(household.length ? { householdCaseIds: household } : {}) },
    });
    return view;
  }

  /**
   * The answer of an action: the case as the caller may now see it. Its household section names other cases,
   * which the change record does not: they are written as a read (security probe F3).
   */
  async actionAnswer(
    principal: Principal,
    loaded: LoadedCase,
    actor: Actor & { role: HumanRole },
  ): Promise<CaseDetailView> {
    const view = await this.view(loaded, actor);
    const household = ('household' in view ? view.household : []).map((m) => m.id);
    if (household.length) {
      await this.audit.record({
        actor: auditActor(principal),
        action: 'case.read',
        objectType: 'case',
        objectId: loaded.case.id,
        municipality: loaded.case.municipality,
        outcome: 'granted',
        detail: { view: actor.role, answerOf: 'action', householdCaseIds: household },
      });
    }
    return view;
  }

  /** The detail view of a case the caller may see (also the answer of every action). */
  async view(loaded: LoadedCase, actor: Actor & { role: HumanRole }): Promise<CaseDetailView> {
    const state = loaded.case.state;
    const role = actor.role;
    const household = role === 'gemeinde' || role === 'migrationsamt' ? await this.household(state, actor) : [];
    const reminders = role === 'ags' ? [] : await this.reminders.remindersOf(state.caseId);
    return caseDetail(state, role, {
      names: loaded.names,
      history: loaded.case.history,
      household,
      reminders,
      today: this.clock.today(),
    });
  }

  /** Other cases of the same household the caller may see (one talk can serve them together). */
  private async household(state: CaseState, actor: Actor): Promise<HouseholdMember[]> {
    const ref = state.subject.householdRef;
    if (!ref) return [];
    const rows: {
      case_id: string;
      official_name: string;
      first_name: string;
      phase: CaseState['phase'];
      status: CaseState['status'];
      municipality: number;
      reported: boolean;
      handover_sozialregion: string | null;
      fi: HouseholdMember['firstInformation'];
    }[] = await this.dataSource.query(
      `SELECT case_id, official_name, first_name, phase, status, municipality, reported, handover_sozialregion,
                snapshot->'firstInformation'->>'outcome' AS fi
         FROM case_record WHERE household_ref = $1 AND case_id <> $2 ORDER BY sort_name`,
      [ref, state.caseId],
    );
    const members: HouseholdMember[] = [];
    for (const r of rows) {
      const visible = await this.access.canAccess(actor, {
        municipality: r.municipality,
        reports: r.reported ? [{} as CaseState['reports'][number]] : [],
        handover: r.handover_sozialregion
          ? ({ sozialregionId: r.handover_sozialregion } as CaseState['handover'])
          : null,
      });
      if (visible)
        members.push({
          id: r.case_id,
          officialName: r.official_name,
          firstName: r.first_name,
          phase: r.phase,
          status: r.status,
          firstInformation: r.fi,
        });
    }
    return members;
  }
}

function filterSummary(p: WorkListParams): string {
  const f = p.filter;
  const parts = Object.entries({ ...f, q: f.q ? '*' : undefined })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return [`sort=${p.descending ? '-' : ''}${p.sort}`, ...parts].join('&');
}
