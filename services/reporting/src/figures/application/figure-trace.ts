import type { DataSource } from 'typeorm';
import { AuditLog, auditActorOf } from '@si/audit';
import type { Principal } from '@si/auth';
import { BREAKDOWNS, type Breakdown } from '../domain/catalogue.js';
import type { Period } from '../domain/period.js';
import type { AreaRef, Level, ReportingReference } from '../../shared/reference.js';
import { ReportingRefusal } from '../../shared/reporting-refusal.js';
import type { FigureQueries } from './figure-queries.js';

export interface TraceRequest {
  figure: string;
  period: Period;
  level: Level;
  area: string;
  /** A variant of the figure (form, outcome …) or, with `breakdown`, a breakdown value. */
  column?: string;
  breakdown?: Breakdown;
  /** A snapshot's log position: the events as they were when it was frozen. */
  upTo?: number;
}

export interface TracedEvent {
  eventId: string;
  type: string;
  date: string;
  municipality: number;
  /** Pseudonymous case reference (the case id); null for events without a case (subsidy claims). */
  caseRef: string | null;
  variant: string;
  /** Only for a caller who may open the case (the municipality's IB). */
  caseUrl?: string;
}

export interface Trace {
  figure: string;
  period: Period;
  area: AreaRef;
  column: string | null;
  breakdown: Breakdown | null;
  /** Facts in the cell: equals the figure's count for count figures. */
  count: number;
  events: TracedEvent[];
}

const COLUMN: Record<Breakdown, string> = {
  euEfta: 'eu_efta',
  permit: 'permit',
  nationalityGroup: 'nat_group',
  ageGroup: 'age_group',
  sex: 'sex',
};

/**
 * From a figure's cell down to the events that make it (point 5): event ids, types, dates and pseudonymous case
 * references, and for the municipality's own IB the link on to the case in case-management. Each trace is
 * audited: case references of a small cell are linkable to persons.
 */
export class FigureTrace {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: FigureQueries,
    private readonly reference: ReportingReference,
    private readonly audit: AuditLog,
    private readonly caseManagementUrl: string,
  ) {}

  async trace(principal: Principal, request: TraceRequest): Promise<Trace> {
    const scope = this.queries.scope(principal);
    this.queries.definitionsFor(scope, [request.figure]);
    const end = request.period.lastMonth;
    const members = this.municipalitiesOf(request.level, request.area, end);
    const area = this.reference.areaOf(request.level, members[0] ?? 0, end);
    const allowed =
      scope.audience === 'ags' ||
      scope.audience === 'migrationsamt' ||
      members.every((m) => scope.municipalities.includes(m));
    if (!allowed || members.length === 0) {
      await this.audit.recordAlone({
        actor: auditActorOf(principal),
        action: 'figure.trace',
        objectType: 'figure',
        objectId: request.figure,
        outcome: 'denied',
        detail: { level: request.level, area: request.area, period: request.period.label },
      });
      throw new ReportingRefusal(
        'RP3',
        'trace-out-of-scope',
        {
          de: `Die Ereignisse von «${request.area}» (${request.level}) liegen ausserhalb Ihres Bereichs.`,
          en: `The events of "${request.area}" (${request.level}) are outside your scope.`,
        },
        'forbidden',
        { level: request.level, area: request.area },
      );
    }
    if (request.breakdown && !BREAKDOWNS.includes(request.breakdown))
      throw new Error('unreachable: breakdown validated by the DTO');
    const params: unknown[] = [request.figure, request.period.from, request.period.to, members];
    let filter = '';
    if (request.column !== undefined)
      filter += ` AND ${request.breakdown ? COLUMN[request.breakdown] : 'variant'} = $${params.push(request.column)}`;
    if (request.upTo !== undefined) filter += ` AND seq <= $${params.push(request.upTo)}`;
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT event_id, event_type, to_char(on_date, 'YYYY-MM-DD') AS date, municipality, case_id, variant
       FROM figure_fact WHERE figure = $1 AND on_date BETWEEN $2::date AND $3::date AND municipality = ANY($4::int[]) ${filter}
       ORDER BY on_date, seq`,
      params,
    );
    // The IB may follow a case on to case-management; nobody else gets a link (AGS and others see references only).
    const links = scope.audience === 'gemeinde';
    const events = rows.map((r): TracedEvent => ({
      eventId: String(r['event_id']),
      type: String(r['event_type']),
      date: String(r['date']),
      municipality: Number(r['municipality']),
      caseRef: r['case_id'] === null ? null : String(r['case_id']),
      variant: String(r['variant']),
      ...(links && r['case_id'] !== null
        ? { caseUrl: `${this.caseManagementUrl}/api/v1/cases/${String(r['case_id'])}` }
        : {}),
    }));
    await this.audit.recordAlone({
      actor: auditActorOf(principal),
      action: 'figure.trace',
      objectType: 'figure',
      objectId: request.figure,
      ...(members.length === 1 ? { municipality: members[0] } : {}),
      outcome: 'granted',
      detail: {
        level: request.level,
        area: request.area,
        period: request.period.label,
        column: request.column ?? null,
        events: events.length,
      },
    });
    return {
      figure: request.figure,
      period: request.period,
      area,
      column: request.column ?? null,
      breakdown: request.breakdown ?? null,
      count: events.length,
      events,
    };
  }

  private municipalitiesOf(level: Level, id: string, day: string): number[] {
    const all = [...this.reference.municipalities.keys()];
    switch (level) {
      case 'municipality':
        return all.includes(Number(id)) ? [Number(id)] : [];
      case 'leitgemeinde':
        return all.includes(Number(id)) ? this.reference.membersOf(Number(id), day) : [];
      case 'sozialregion':
        return [...(this.reference.region(id)?.municipalities ?? [])];
      case 'canton':
        return id === 'SO' ? all : [];
    }
  }
}
