/** What the reporting service answers (services/reporting: figures, trace, snapshots), as far as the screens read it. */
export const LEVELS = ['municipality', 'leitgemeinde', 'sozialregion', 'canton'] as const;
export type Level = (typeof LEVELS)[number];
export const BREAKDOWNS = ['euEfta', 'permit', 'nationalityGroup', 'ageGroup', 'sex'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface AreaRef {
  level: Level;
  id: string;
  name: string;
}

export interface FigureTable {
  figure: string;
  title: string;
  unit: 'persons' | 'events' | 'days' | 'rappen' | 'share';
  columns: string[];
  rows: { area: AreaRef; values: (number | null)[]; total: number | null }[];
  columnTotals: (number | null)[] | null;
  total: number | null;
  suppressedCells: number;
}

export interface Period {
  label: string;
  from: string;
  to: string;
}

export interface FigureReport {
  catalogueVersion: string;
  period: Period;
  level: Level;
  breakdown: Breakdown | null;
  suppression: { applied: boolean; threshold: number };
  figures: FigureTable[];
  comparison?: { canton: FigureTable[]; municipalities: number };
}

export interface FigureDefinition {
  key: string;
  title: { de: string; en: string };
  definition: string;
  sources: string[];
  unit: FigureTable['unit'];
  aggregate: 'count' | 'sum' | 'median-p90' | 'share';
  dateBasis: string;
  variants: string[] | null;
  audiences: string[];
  kip?: string;
}

export interface Catalogue {
  version: string;
  figures: FigureDefinition[];
}

export interface TracedEvent {
  eventId: string;
  type: string;
  date: string;
  municipality: number;
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
  count: number;
  events: TracedEvent[];
}

export interface CellDifference {
  figure: string;
  level: string;
  breakdown: string | null;
  area: string;
  column: string;
  before: number | null;
  after: number | null;
}

export interface SnapshotSummary {
  id: string;
  period: string;
  version: number;
  catalogueVersion: string;
  logPosition: number;
  contentHash: string;
  createdBy: string;
  createdAt: string;
  difference: CellDifference[] | null;
  lateEvents: number;
}

export interface Verification {
  id: string;
  contentHash: string;
  recomputedHash: string;
  matches: boolean;
}
