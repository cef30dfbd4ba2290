import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@si/auth';
import { CATALOGUE, figureOf, type Breakdown, type FigureDefinition } from '../domain/catalogue.js';
import {
  BREAKDOWN_VALUES,
  countTable,
  daysTable,
  shareTable,
  suppressTable,
  type FigureTable,
} from '../domain/figure-table.js';
import type { Period } from '../domain/period.js';
import type { CellRow, CellSource } from '../infrastructure/cell-source.js';
import type { AreaRef, Level, ReportingReference } from '../../shared/reference.js';
import { scopeOf, type ReportingScope } from '../../shared/caller-scope.js';
import { ReportingRefusal } from '../../shared/reporting-refusal.js';

export interface FigureRequest {
  period: Period;
  level: Level;
  breakdown: Breakdown | null;
  /** Catalogue keys; all the caller may see when absent. */
  figures?: readonly string[];
  /** An export marked public: suppressed whoever asks. */
  public?: boolean;
}

export interface FigureReport {
  catalogueVersion: string;
  period: Period;
  level: Level;
  breakdown: Breakdown | null;
  /** Small-cell protection: applied or not, with its threshold. */
  suppression: { applied: boolean; threshold: number };
  figures: FigureTable[];
  /** For an IB: the canton's figures (suppressed) and the average per municipality beside their own. */
  comparison?: { canton: FigureTable[]; municipalities: number };
}

/** What the computation needs besides the request: whose view, and up to which log position. */
export interface ComputeOptions {
  /** Limit rows to these municipalities (a scoped caller); all when absent. */
  municipalities?: readonly number[];
  suppress: boolean;
  upTo?: number;
}

/**
 * The figures of the catalogue as tables per area (point 2), in the caller's view (point 6), suppressed where
 * they leave AGS (point 3). Reads the monthly cells, or the facts up to a log position for snapshots.
 */
export class FigureQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cells: CellSource,
    private readonly reference: ReportingReference,
    private readonly threshold: number,
    private readonly today: () => string,
  ) {}

  scope(principal: Principal): ReportingScope {
    return scopeOf(principal, this.reference, this.today());
  }

  async forCaller(principal: Principal, request: FigureRequest): Promise<FigureReport> {
    const scope = this.scope(principal);
    const defs = this.definitionsFor(scope, request.figures);
    this.assertLevel(scope, request.level);
    const own = scope.audience === 'ags' || scope.audience === 'migrationsamt' ? undefined : scope.municipalities;
    // An IB sees their own municipalities as they are; everything else that leaves AGS is protected.
    const suppress =
      request.public === true ||
      (scope.audience !== 'ags' && !(scope.audience === 'gemeinde' && request.level !== 'canton'));
    const em = this.dataSource.manager;
    const figures = await this.compute(em, defs, request, { municipalities: own, suppress });
    const report: FigureReport = {
      catalogueVersion: CATALOGUE.version,
      period: request.period,
      level: request.level,
      breakdown: request.breakdown,
      suppression: { applied: suppress, threshold: this.threshold },
      figures,
    };
    if (scope.audience === 'gemeinde' && request.level !== 'canton') {
      const canton = await this.compute(em, defs, { ...request, level: 'canton' }, { suppress: true });
      report.comparison = { canton, municipalities: this.reference.municipalities.size };
    }
    return report;
  }

  /** The figures for AGS's own use (snapshots): every municipality, unsuppressed unless asked. */
  async compute(
    em: EntityManager,
    defs: readonly FigureDefinition[],
    request: FigureRequest,
    options: ComputeOptions,
  ): Promise<FigureTable[]> {
    const { period, level, breakdown } = request;
    const keys = new Set(defs.filter((d) => d.aggregate === 'count' || d.aggregate === 'sum').map((d) => d.key));
    if (defs.some((d) => d.aggregate === 'share')) ['arrivals', 'first-information'].forEach((k) => keys.add(k));
    const rows = keys.size
      ? await this.cells.cells(em, {
          figures: [...keys],
          period,
          breakdown: defs.some((d) => d.aggregate === 'share') ? null : breakdown,
          municipalities: options.municipalities,
          upTo: options.upTo,
        })
      : [];
    const shareRows =
      defs.some((d) => d.aggregate === 'share') && breakdown
        ? await this.cells.cells(em, {
            figures: ['arrivals', 'first-information'],
            period,
            breakdown: null,
            municipalities: options.municipalities,
            upTo: options.upTo,
          })
        : rows;
    const areas = this.areasOf(level, period, options.municipalities);
    // Areas by the organisation model at the period's end (a Leitgemeinde's members of that day).
    const end = period.lastMonth;
    const tables: FigureTable[] = [];
    for (const def of defs) {
      let table: FigureTable;
      if (def.aggregate === 'median-p90') {
        const hist = new Map<string, Map<number, number>>();
        for (const r of await this.cells.amounts(em, def.key, period, options.municipalities, options.upTo)) {
          const id = this.reference.areaOf(level, r.municipality, end).id;
          const h = entry(hist, id, () => new Map<number, number>());
          h.set(r.amount, (h.get(r.amount) ?? 0) + r.n);
        }
        table = daysTable(def, areas, hist, options.suppress ? this.threshold : null);
      } else if (def.aggregate === 'share') {
        table = shareTable(def, areas, this.activeCounts(level, period, shareRows));
      } else {
        const mine = rows.filter((r) => r.figure === def.key);
        const columns = breakdown
          ? BREAKDOWN_VALUES[breakdown]
          : (def.variants ?? [...new Set(mine.map((r) => r.variant))].sort());
        const sums = new Map<string, Map<string, number>>();
        for (const r of mine) {
          const id = this.reference.areaOf(level, r.municipality, end).id;
          const column = breakdown ? r.value : r.variant;
          const m = entry(sums, id, () => new Map<string, number>());
          m.set(column, (m.get(column) ?? 0) + (def.aggregate === 'sum' ? r.amount : r.n));
        }
        table = countTable(def, areas, columns, sums);
        if (options.suppress) table = suppressTable(table, this.threshold);
      }
      tables.push(table);
    }
    return tables;
  }

  definitionsFor(scope: ReportingScope, keys?: readonly string[]): FigureDefinition[] {
    if (!keys || keys.length === 0) return CATALOGUE.figures.filter((f) => f.audiences.includes(scope.audience));
    return keys.map((key) => {
      const def = figureOf(key);
      if (!def) {
        throw new ReportingRefusal(
          'RP2',
          'unknown-figure',
          {
            de: `Die Kennzahl «${key}» steht nicht im Katalog ${CATALOGUE.version}.`,
            en: `The figure "${key}" is not in catalogue ${CATALOGUE.version}.`,
          },
          'unprocessable',
          { parameter: 'figures', value: key },
        );
      }
      if (!def.audiences.includes(scope.audience)) {
        throw new ReportingRefusal(
          'RP2',
          'figure-not-for-role',
          {
            de: `Die Kennzahl «${key}» ist für Ihre Rolle nicht freigegeben.`,
            en: `The figure "${key}" is not released to your role.`,
          },
          'forbidden',
          { figure: key },
        );
      }
      return def;
    });
  }

  private assertLevel(scope: ReportingScope, level: Level): void {
    const allowed: Record<ReportingScope['audience'], readonly Level[]> = {
      ags: ['municipality', 'leitgemeinde', 'sozialregion', 'canton'],
      migrationsamt: ['municipality', 'leitgemeinde', 'sozialregion', 'canton'],
      sozialregion: ['municipality', 'leitgemeinde', 'sozialregion', 'canton'],
      gemeinde: ['municipality', 'leitgemeinde', 'canton'],
    };
    if (!allowed[scope.audience].includes(level)) {
      throw new ReportingRefusal(
        'RP3',
        'level-out-of-scope',
        {
          de: `Ihre Rolle sieht keine Kennzahlen auf Ebene «${level}».`,
          en: `Your role sees no figures at level "${level}".`,
        },
        'forbidden',
        { parameter: 'level', value: level },
      );
    }
  }

  /** The rows of a table: every area at the level (AGS), or those the caller's municipalities fall in, at the period's end. */
  areasOf(level: Level, period: Period, municipalities?: readonly number[]): AreaRef[] {
    const list = municipalities ?? [...this.reference.municipalities.keys()];
    const byId = new Map<string, AreaRef>();
    const end = period.lastMonth;
    for (const bfs of list) {
      const area = this.reference.areaOf(level, bfs, end);
      byId.set(area.id, area);
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'de-CH'));
  }

  private activeCounts(
    level: Level,
    period: Period,
    rows: readonly CellRow[],
  ): Map<string, { active: number; withArrivals: number }> {
    const informing = new Set<number>();
    const active = new Set<number>();
    for (const r of rows) {
      if (r.n <= 0) continue;
      if (r.figure === 'arrivals' || r.figure === 'first-information') informing.add(r.municipality);
      if (r.figure === 'first-information') active.add(r.municipality);
    }
    const counts = new Map<string, { active: number; withArrivals: number }>();
    // The model at the period's end, as the rows: never today, or a frozen snapshot would drift.
    const end = period.lastMonth;
    for (const bfs of informing) {
      const id = this.reference.areaOf(level, bfs, end).id;
      const c = entry(counts, id, () => ({ active: 0, withArrivals: 0 }));
      c.withArrivals += 1;
      if (active.has(bfs)) c.active += 1;
    }
    return counts;
  }
}

/** The value of `key`, first set to `make()` when absent. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
