import { describe, expect, it } from '@jest/globals';
import { loadEventSchemas } from '@si/contracts';
import { loadTopology, topicMatches } from '@si/messaging';
import { FACT_RULES } from './infrastructure/fact-rules.js';
import { CATALOGUE } from './domain/catalogue.js';

describe('figure catalogue', () => {
  const schemas = loadEventSchemas();
  const bindings = loadTopology().queues.find((q) => q.name === 'reporting.all-events')!.bindings;

  it('projects every counted figure from exactly the event types it names as sources', () => {
    for (const def of CATALOGUE.figures.filter((f) => f.aggregate !== 'share' && f.key !== 'first-information-days')) {
      const types = [...new Set(FACT_RULES.filter((r) => r.figure === def.key).map((r) => r.type))].sort();
      expect({ figure: def.key, types }).toEqual({ figure: def.key, types: [...def.sources].sort() });
    }
    expect(new Set(FACT_RULES.map((r) => r.figure))).toEqual(
      new Set(CATALOGUE.figures.filter((f) => f.aggregate !== 'share').map((f) => f.key)),
    );
  });

  it("reads only contracts without personal data, each bound to reporting's queue", () => {
    for (const type of new Set(FACT_RULES.map((r) => r.type))) {
      expect({ type, personalData: schemas.get(type)?.['x-personal-data'] }).toEqual({ type, personalData: false });
      expect({ type, bound: bindings.some((b) => topicMatches(b, type)) }).toEqual({ type, bound: true });
    }
  });

  it('has unique keys, German titles and a date basis for every figure', () => {
    expect(new Set(CATALOGUE.figures.map((f) => f.key)).size).toBe(CATALOGUE.figures.length);
    for (const f of CATALOGUE.figures) expect(f.title.de && f.definition && f.dateBasis).toBeTruthy();
  });
});
