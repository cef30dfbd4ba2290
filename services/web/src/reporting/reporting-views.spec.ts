import { describe, expect, it } from '@jest/globals';
import { translator } from '../i18n/i18n.js';
import { renderFragment } from '../shell/render.js';
import type { WebContext } from '../shell/web-context.js';
import { averageOf, MunicipalityView } from './municipality.view.js';
import { periodOptions } from './periods.js';
import type { Catalogue, FigureReport, FigureTable, Trace } from './reporting.api.js';
import { TraceView } from './trace.view.js';

const ctx: WebContext = { lang: 'de', t: translator('de'), path: '/kennzahlen', csrf: 'tok' };
const period = { label: '2026', from: '2026-01-01', to: '2026-12-31' };
const catalogue: Catalogue = {
  version: '2026.1',
  figures: [
    {
      key: 'arrivals',
      title: { de: 'Zuzüge in der Zielgruppe', en: 'Arrivals' },
      definition: 'Eröffnete Integrationsfälle nach Zuzug aus dem Ausland.',
      sources: ['case.opened.v1'],
      unit: 'persons',
      aggregate: 'count',
      dateBasis: 'Anmeldedatum',
      variants: [''],
      audiences: ['ags', 'gemeinde'],
    },
  ],
};
const table = (rows: FigureTable['rows'], columns: string[], total: number, suppressedCells = 0): FigureTable => ({
  figure: 'arrivals',
  title: 'Zuzüge in der Zielgruppe',
  unit: 'persons',
  columns,
  rows,
  columnTotals: null,
  total,
  suppressedCells,
});
const solothurn = { level: 'municipality' as const, id: '2601', name: 'Solothurn' };
const canton = { level: 'canton' as const, id: 'SO', name: 'Kanton Solothurn' };

describe('the municipality beside the canton', () => {
  const overview: FigureReport = {
    catalogueVersion: '2026.1',
    period,
    level: 'municipality',
    breakdown: null,
    suppression: { applied: false, threshold: 5 },
    figures: [table([{ area: solothurn, values: [3], total: null }], [''], 3)],
    comparison: { canton: [table([{ area: canton, values: [212], total: null }], [''], 212)], municipalities: 106 },
  };
  const detail: FigureReport = {
    ...overview,
    breakdown: 'sex',
    figures: [table([{ area: solothurn, values: [2, 1, 0], total: 3 }], ['female', 'male', 'unknown'], 3)],
    comparison: {
      canton: [table([{ area: canton, values: [null, 209, null], total: 212 }], ['female', 'male', 'unknown'], 212, 2)],
      municipalities: 106,
    },
  };
  const html = renderFragment(
    MunicipalityView({
      ctx,
      catalogue,
      filter: { period: '2026', level: 'municipality', breakdown: 'sex', figure: 'arrivals' },
      periods: periodOptions('2026-12-04'),
      overview,
      detail,
      chart: null,
    }),
  );

  it('shows its own value (linked to its events), the canton and the average per municipality', () => {
    expect(averageOf(overview.comparison!.canton[0], 106)).toBe(2);
    expect(html).toContain('href="/kennzahlen/arrivals/ereignisse?period=2026&amp;level=municipality&amp;area=2601"');
    expect(html).toMatch(/<td class="num">212<\/td><td class="num">2<\/td>/);
  });

  it('shows the suppressed cantonal cells as suppressed, never as a number, and without a drill-down', () => {
    const cantonTable = html.slice(html.lastIndexOf('<table'));
    expect(cantonTable.match(/>unterdrückt</g)).toHaveLength(2);
    expect(cantonTable).not.toContain('ereignisse?');
    expect(html).toContain('2 Zellen unterdrückt');
  });
});

describe('the drill-down', () => {
  const trace: Trace = {
    figure: 'arrivals',
    period,
    area: solothurn,
    column: null,
    breakdown: null,
    count: 2,
    events: [
      {
        eventId: 'e1',
        type: 'case.opened.v1',
        date: '2026-11-20',
        municipality: 2601,
        caseRef: 'c1',
        variant: '',
        caseUrl: 'http://cm/api/v1/cases/c1',
      },
      { eventId: 'e2', type: 'case.opened.v1', date: '2026-11-21', municipality: 2601, caseRef: 'c2', variant: '' },
    ],
  };

  it('lists ids, types, dates and case references; a link to the case only where the service grants it', () => {
    const html = renderFragment(TraceView({ ctx, trace, title: 'Zuzüge', back: '/kennzahlen' }));
    expect(html).toContain('<code data-testid="event-id">e1</code>');
    expect(html).toContain('20.11.2026');
    expect(html.match(/data-testid="case-link"/g)).toHaveLength(1);
    expect(html).toContain('href="/faelle/c1"');
    expect(html).not.toContain('href="/faelle/c2"');
    expect(html).not.toContain('http://cm');
  });
});
