import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadEventSchemas } from '@si/contracts';
import { intake } from '../../../test/fixtures/intake-harness.js';
import {
  baseDeliveryChunks,
  EVENT_KINDS,
  generateEventDeliveries,
  generateEventDelivery,
  type EventKind,
} from '../generator/delivery-generator.js';
import { PERSON_EVENT_TYPES } from './person-event-types.js';

const schemas = loadEventSchemas();
// ajv-formats is CommonJS: under Node's ESM loader the default import is module.exports itself.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(
  new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    allErrors: true,
    keywords: ['x-producer', 'x-consumers', 'x-personal-data'],
  }),
);
const validators = new Map(PERSON_EVENT_TYPES.map((type) => [type, ajv.compile(schemas.get(type)!)]));

describe('contracts/events/person', () => {
  it('has one schema per person event, produced by registry-intake, with valid examples', () => {
    for (const type of PERSON_EVENT_TYPES) {
      const schema = schemas.get(type)!;
      expect(schema).toMatchObject({ $id: `urn:start-integration:event:${type}`, 'x-producer': 'registry-intake' });
      for (const example of schema.examples) expect(validators.get(type)!(example)).toBe(true);
    }
  });

  it('lets only case-management consume events with personal data; pseudonymous ones carry none', () => {
    for (const type of PERSON_EVENT_TYPES) {
      const schema = schemas.get(type)!;
      const carriesPersonalData = 'personalData' in (schema.properties as object);
      expect(schema['x-personal-data']).toBe(carriesPersonalData);
      if (carriesPersonalData) expect(schema['x-consumers']).toEqual(['case-management']);
      else expect(schema['x-consumers']).not.toContain('subsidies');
    }
  });

  it('every event the mapper emits for generated deliveries (all kinds, all prefix styles) validates', async () => {
    const seen = new Set<string>();
    for (const [i, prefixStyle] of (['eCH', 'ns2', 'e20', 'default'] as const).entries()) {
      const deliveries = [
        ...generateEventDeliveries(120, {
          seed: 21 + i,
          prefixStyle,
          timezoneDates: prefixStyle === 'ns2',
          variations: { withExtension: prefixStyle === 'e20' },
        }),
      ];
      for (const kind of Object.keys(EVENT_KINDS) as EventKind[])
        deliveries.push(generateEventDelivery(kind, { seed: 40 + i, prefixStyle }));
      for (const d of deliveries) {
        const run = await intake(d.xml);
        expect(run.result.status).toBe('accepted');
        for (const outcome of run.outcomes) {
          if (outcome.action !== 'emit') continue;
          seen.add(outcome.type);
          const validate = validators.get(outcome.type)!;
          if (!validate(outcome.data))
            throw new Error(`${d.kind} → ${outcome.type}: ${ajv.errorsText(validate.errors)}`);
          if (!schemas.get(outcome.type)!['x-personal-data']) {
            const json = JSON.stringify(outcome.data);
            for (const p of d.persons) {
              expect(json).not.toContain(p.officialName);
              if (p.vn) expect(json).not.toContain(p.vn);
              expect(json).not.toContain(`"${p.localId.id}"`);
            }
          }
        }
      }
    }
    const base = [...baseDeliveryChunks(40, { seed: 3, swissShare: 0.3 })].join('');
    for (const outcome of (await intake(base)).outcomes) {
      if (outcome.action === 'emit') {
        seen.add(outcome.type);
        expect(validators.get(outcome.type)!(outcome.data)).toBe(true);
      }
    }
    expect([...seen].sort()).toEqual([...PERSON_EVENT_TYPES].sort());
    expect(Object.keys(EVENT_KINDS).length).toBeGreaterThan(15);
  });
});
