import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, auditActorOf } from '@si/audit';
import type { Principal } from '@si/auth';
import type { FigureQueries } from '../../figures/application/figure-queries.js';
import { BREAKDOWNS, CATALOGUE } from '../../figures/domain/catalogue.js';
import { suppressTable } from '../../figures/domain/figure-table.js';
import { parsePeriod } from '../../figures/domain/period.js';
import { ReportingRefusal } from '../../shared/reporting-refusal.js';
import {
  contentHash,
  differenceOf,
  type CellDifference,
  type SnapshotContent,
  type SnapshotTable,
} from '../domain/snapshot-content.js';

export interface SnapshotSummary {
  id: string;
  period: string;
  version: number;
  catalogueVersion: string;
  logPosition: number;
  contentHash: string;
  createdBy: string;
  createdAt: string;
  /** Changes against the previous version (null for version 1). */
  difference: CellDifference[] | null;
  /** Events logged after the freeze that fall into the period: a new version would change. */
  lateEvents: number;
}

export interface Snapshot extends SnapshotSummary {
  content: SnapshotContent;
}

/** Serialises the freezes of one period across instances (the version number must not be taken twice). */
const LOCK_SPACE = 7_421_014;

/**
 * AGS freezes a period's report (point 4): every catalogue figure per municipality and the cantonal tables per
 * breakdown, computed from the facts up to the current log position, stored with the catalogue version and a
 * content hash. Recomputing at the stored position gives the same hash (after a full replay too); events that
 * arrive later change nothing stored: freezing again makes version n+1 with the difference.
 */
export class Snapshots {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: FigureQueries,
    private readonly audit: AuditLog,
    private readonly threshold: number,
  ) {}

  async freeze(
    principal: Principal,
    periodLabel: string,
    now: string,
  ): Promise<{ snapshot: SnapshotSummary; created: boolean }> {
    const period = parsePeriod(periodLabel);
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_SPACE, period.label]);
      const [{ pos }] = await em.query('SELECT coalesce(max(seq), 0)::bigint AS pos FROM event_log');
      const logPosition = Number(pos);
      const content = await this.contentAt(em, period.label, logPosition);
      const hash = contentHash(content);
      const latest = await this.latest(em, period.label);
      if (latest && latest.contentHash === hash) return { snapshot: latest, created: false };
      const id = randomUUID();
      const version = (latest?.version ?? 0) + 1;
      const difference = latest ? differenceOf(latest.content, content) : null;
      await em.query(
        `INSERT INTO report_snapshot (id, period, version, catalogue_version, log_position, content, content_hash, difference, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          period.label,
          version,
          CATALOGUE.version,
          logPosition,
          JSON.stringify(content),
          hash,
          difference ? JSON.stringify(difference) : null,
          principal.username,
          now,
        ],
      );
      await this.audit.record(em, {
        actor: auditActorOf(principal),
        action: 'snapshot.freeze',
        objectType: 'snapshot',
        objectId: id,
        outcome: 'granted',
        detail: { period: period.label, version, contentHash: hash },
      });
      return { snapshot: strip(await this.found(em, id)), created: true };
    });
  }

  /** The figures of `period` as the log stood at `logPosition`. */
  async contentAt(em: EntityManager, periodLabel: string, logPosition: number): Promise<SnapshotContent> {
    const period = parsePeriod(periodLabel);
    const defs = CATALOGUE.figures;
    const tables: SnapshotTable[] = [];
    const byMunicipality = await this.queries.compute(
      em,
      defs,
      { period, level: 'municipality', breakdown: null },
      { suppress: false, upTo: logPosition },
    );
    byMunicipality.forEach((table) => tables.push({ level: 'municipality', breakdown: null, table }));
    for (const breakdown of BREAKDOWNS) {
      const counted = defs.filter((d) => d.aggregate === 'count');
      const canton = await this.queries.compute(
        em,
        counted,
        { period, level: 'canton', breakdown },
        { suppress: false, upTo: logPosition },
      );
      canton.forEach((table) => tables.push({ level: 'canton', breakdown, table }));
    }
    const publicPattern: Record<string, Record<string, string[]>> = {};
    for (const table of byMunicipality) {
      const hidden = suppressTable(table, this.threshold);
      const cells: Record<string, string[]> = {};
      hidden.rows.forEach((row) => {
        const cols = table.columns.filter(
          (_, i) => row.values[i] === null && table.rows.find((r) => r.area.id === row.area.id)?.values[i] !== null,
        );
        if (cols.length) cells[row.area.id] = [...cols];
      });
      if (Object.keys(cells).length) publicPattern[table.figure] = cells;
    }
    return {
      catalogueVersion: CATALOGUE.version,
      period: period.label,
      threshold: this.threshold,
      tables,
      publicPattern,
    };
  }

  async list(periodLabel?: string): Promise<SnapshotSummary[]> {
    const rows = await this.dataSource.query(
      `SELECT id FROM report_snapshot ${periodLabel ? 'WHERE period = $1' : ''} ORDER BY period, version`,
      periodLabel ? [parsePeriod(periodLabel).label] : [],
    );
    const out: SnapshotSummary[] = [];
    for (const r of rows) out.push(strip(await this.found(this.dataSource.manager, r.id)));
    return out;
  }

  async get(id: string): Promise<Snapshot> {
    return this.found(this.dataSource.manager, id);
  }

  private async found(em: EntityManager, id: string): Promise<Snapshot> {
    const s = await this.byId(em, id);
    if (!s) throw notFound(id);
    return s;
  }

  /** Recomputes a frozen snapshot from the log at its position: the hash must be the stored one. */
  async verify(id: string): Promise<{ id: string; contentHash: string; recomputedHash: string; matches: boolean }> {
    const s = await this.get(id);
    const recomputed = contentHash(await this.contentAt(this.dataSource.manager, s.period, s.logPosition));
    return { id, contentHash: s.contentHash, recomputedHash: recomputed, matches: recomputed === s.contentHash };
  }

  private async latest(em: EntityManager, period: string): Promise<Snapshot | undefined> {
    const [row] = await em.query('SELECT id FROM report_snapshot WHERE period = $1 ORDER BY version DESC LIMIT 1', [
      period,
    ]);
    return row ? this.byId(em, row.id) : undefined;
  }

  private async byId(em: EntityManager, id: string): Promise<Snapshot | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [r] = await em.query(
      `SELECT s.*, (SELECT count(DISTINCT f.event_id) FROM figure_fact f
                     WHERE f.seq > s.log_position AND f.on_date BETWEEN $2::date AND $3::date) AS late
       FROM report_snapshot s WHERE s.id = $1`,
      [id, ...(await this.bounds(em, id))],
    );
    if (!r) return undefined;
    return {
      id: r.id,
      period: r.period,
      version: r.version,
      catalogueVersion: r.catalogue_version,
      logPosition: Number(r.log_position),
      contentHash: r.content_hash,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
      difference: r.difference,
      lateEvents: Number(r.late),
      content: r.content,
    };
  }

  private async bounds(em: EntityManager, id: string): Promise<[string, string]> {
    const [row] = await em.query('SELECT period FROM report_snapshot WHERE id = $1', [id]);
    if (!row) return ['1900-01-01', '1900-01-01'];
    const p = parsePeriod(row.period);
    return [p.from, p.to];
  }
}

function strip(s: Snapshot): SnapshotSummary {
  const { content: _content, ...summary } = s;
  return summary;
}

function notFound(id: string): ReportingRefusal {
  return new ReportingRefusal(
    'RP4',
    'snapshot-not-found',
    { de: `Es gibt keinen Stand ${id}.`, en: `There is no snapshot ${id}.` },
    'not-found',
    { id },
  );
}
