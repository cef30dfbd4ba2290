import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditLog } from '@si/audit';
import type { LocalDate } from '@si/kernel';
import {
  addMeasure,
  agreePlan,
  changeCaseworkers,
  changeMeasureStatus,
  closeCase,
  closeWithMunicipalCase,
  moveToRegion,
  openDirectCase,
  followMunicipalMove,
  recordAssessment,
  recordPlacement,
  recordReview,
  reportToRav,
  returnToMunicipality,
  validateAssessment,
  validateHealth,
  validateMeasure,
  validatePlan,
  type Change,
  type Ctx,
  type DfpaCaseState,
  type DfpaPerson,
} from '../domain/index.js';
import type { DfpaCaseRepository } from '../infrastructure/dfpa-case.repository.js';
import { pageJson, readAuditedPage } from '../infrastructure/audited-page.js';
import type { DeadlineRepository } from '../infrastructure/deadline.repository.js';
import type { DeadlineQueue } from '../jobs/deadline-queue.js';
import type { Clock } from '../../shared/clock.js';
import { notFound } from '../../shared/problems.js';
import { seesHealth, type DfpaCaller } from './caller.js';
import { caseDetail, caseSummary } from './dfpa-case.view.js';
import type { DfpaWrites } from './dfpa-writes.js';

type Decide = (s: DfpaCaseState, ctx: Ctx, em: EntityManager) => Promise<Change | null> | Change | null;

/** The DFPA case: reads and every change (points 2–5), each in one transaction with history, events, audit and deadlines. */
export class DfpaCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: DfpaCaseRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly writes: DfpaWrites,
    private readonly audit: AuditLog,
    private readonly queue: DeadlineQueue,
    private readonly clock: Clock,
    private readonly knownRegions: readonly string[],
    private readonly regionOf: (bfs: number) => string | undefined = () => undefined,
  ) {}

  /** The work-list page as JSON text (assembled by PostgreSQL in the statement that writes its audit record). */
  async list(caller: DfpaCaller, status: string, limit: number, after?: { openedOn: string; id: string }) {
    const read = await readAuditedPage(this.dataSource, this.cases.listPage(caller.region, status, limit, after), {
      actor: caller.audit,
      action: 'dfpa.case.list',
      objectType: 'dfpa-case',
      objectId: `sozialregion=${caller.region};status=${status}`,
      detailKey: 'cases',
    });
    return pageJson(read, limit);
  }

  async get(caller: DfpaCaller, id: string) {
    const em = this.dataSource.manager;
    const s = await this.cases.find(em, id, caller.region);
    const health = s ? seesHealth(caller, s.caseworkers) : false;
    await this.audit.recordAlone({
      actor: caller.audit,
      action: 'dfpa.case.read',
      objectType: 'dfpa-case',
      objectId: id,
      ...(s?.municipality ? { municipality: s.municipality } : {}),
      outcome: s ? 'granted' : 'denied',
      ...(s ? { detail: { health } } : {}),
    });
    if (!s) throw notFound('case');
    const [assessments, history, deadlines] = await Promise.all([
      this.cases.assessments(em, id, health),
      this.cases.historyOf(em, id),
      this.deadlines.ofSubject(em, id),
    ]);
    return caseDetail(s, { assessments, history, deadlines });
  }

  /** Direct opening for a person the canton assigned to the region (VA/FL, R16). */
  async openDirect(
    caller: DfpaCaller,
    input: { personRef: unknown; person: DfpaPerson; caseworker: unknown; assignedOn: unknown; municipality?: unknown },
  ) {
    const ctx = { actor: caller.actor, today: this.clock.today() };
    const change = openDirectCase({ ...input, dfpaCaseId: randomUUID(), sozialregionId: caller.region }, ctx);
    const deadlines = await this.dataSource.transaction((em) => this.writes.write(em, change, this.who(caller), true));
    await this.queue.schedule(deadlines);
    return caseSummary(change.state);
  }

  assess(caller: DfpaCaller, id: string, body: { health?: unknown } & Record<string, unknown>) {
    return this.change(caller, id, async (s, ctx, em) => {
      const a = validateAssessment(body, ctx.today);
      const health = validateHealth(body.health);
      const version = await this.cases.nextAssessmentVersion(em, s.dfpaCaseId);
      const change = recordAssessment(s, a, version);
      await this.cases.insertAssessment(em, s.dfpaCaseId, version, a, caller.actor.username, health);
      return change;
    });
  }

  agreePlan(caller: DfpaCaller, id: string, body: unknown) {
    return this.change(caller, id, (s) => agreePlan(s, validatePlan(body, (s.plan?.version ?? 0) + 1)));
  }

  addMeasure(caller: DfpaCaller, id: string, body: unknown) {
    return this.change(caller, id, (s) => addMeasure(s, validateMeasure(body, randomUUID())));
  }

  measureStatus(caller: DfpaCaller, id: string, measureId: string, body: { status: unknown; on: unknown }) {
    return this.change(caller, id, (s, ctx) => changeMeasureStatus(s, measureId, body, ctx.today));
  }

  review(caller: DfpaCaller, id: string, body: unknown) {
    return this.change(caller, id, (s) => recordReview(s, body));
  }

  caseworkers(caller: DfpaCaller, id: string, body: { caseworkers: unknown }) {
    return this.change(caller, id, (s) => changeCaseworkers(s, body));
  }

  ravReport(caller: DfpaCaller, id: string, body: { reportedOn: unknown }) {
    return this.change(caller, id, (s, ctx) => reportToRav(s, body, ctx.today));
  }

  placement(caller: DfpaCaller, id: string, body: { placedOn: unknown; kind: unknown }) {
    return this.change(caller, id, (s, ctx) => recordPlacement(s, body, ctx.today));
  }

  returnCase(caller: DfpaCaller, id: string, body: { reasonCode: unknown; reason?: unknown }) {
    return this.change(caller, id, (s, ctx) => returnToMunicipality(s, body, ctx.today));
  }

  close(caller: DfpaCaller, id: string, body: { exitReason: unknown; closedOn: unknown }) {
    return this.change(caller, id, (s, ctx) => closeCase(s, body, ctx.today));
  }

  /** The person moved to another region: in the same transaction, this region forgets what it need not keep. */
  move(caller: DfpaCaller, id: string, body: { toSozialregion: unknown; movedOn: unknown }) {
    return this.change(caller, id, async (s, ctx, em) => {
      const change = moveToRegion(s, body, this.knownRegions, ctx.today);
      await this.cases.forgetPersonAfterMove(em, s);
      return change;
    });
  }

  /** case.closed.v1 for a municipal case this instance leads: its DFPA case ends too (idempotent). */
  async municipalCaseClosed(em: EntityManager, caseId: string, closedOn: LocalDate, reason: string) {
    for (const s of await this.cases.byMunicipalCase(em, caseId, true)) {
      const change = closeWithMunicipalCase(s, { closedOn, reason });
      if (change)
        await this.writes.write(em, change, {
          audit: { subject: 'system:dfpa:case-events', username: 'dfpa/case-events', roles: ['system'], scope: {} },
          username: 'system',
        });
    }
  }

  /** case.transferred.v1 for a municipal case this instance leads (idempotent: a repeat finds the municipality set). */
  async municipalCaseTransferred(em: EntityManager, caseId: string, toMunicipality: number, movedOn: LocalDate) {
    for (const s of await this.cases.byMunicipalCase(em, caseId, true)) {
      const change = followMunicipalMove(s, { toMunicipality, movedOn, toSozialregion: this.regionOf(toMunicipality) });
      if (change)
        await this.writes.write(em, change, {
          audit: { subject: 'system:dfpa:case-events', username: 'dfpa/case-events', roles: ['system'], scope: {} },
          username: 'system',
        });
    }
  }

  private who(caller: DfpaCaller) {
    return { audit: caller.audit, username: caller.actor.username };
  }

  private async change(caller: DfpaCaller, id: string, decide: Decide) {
    const ctx: Ctx = { actor: caller.actor, today: this.clock.today() };
    const result = await this.dataSource.transaction(async (em) => {
      const s = await this.cases.find(em, id, caller.region, true);
      if (!s) return null;
      const change = await decide(s, ctx, em);
      if (!change) return { state: s, deadlines: [] };
      return { state: change.state, deadlines: await this.writes.write(em, change, this.who(caller)) };
    });
    if (!result) {
      await this.audit.recordAlone({
        actor: caller.audit,
        action: 'dfpa.case.change',
        objectType: 'dfpa-case',
        objectId: id,
        outcome: 'denied',
      });
      throw notFound('case');
    }
    await this.queue.schedule(result.deadlines);
    return caseSummary(result.state);
  }
}
