import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { contractsRoot, envelopeSchema, loadEventSchemas } from './schemas.js';
import { renderContracts } from '../scripts/generate.mjs';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const schemas = [...loadEventSchemas().entries()];

describe('event contracts', () => {
  const ajv = addFormats(
    new Ajv2020({
      allErrors: true,
      strict: true,
      strictTypes: false,
      keywords: ['x-producer', 'x-consumers', 'x-personal-data'],
    }),
  );

  it('has the schemas the first services need', () => {
    const types = schemas.map(([type]) => type);
    expect(types).toEqual(
      expect.arrayContaining([
        'person.arrived.v1',
        'case.opened.v1',
        'case.dfpa-handover-requested.v1',
        'dfpa.case-accepted.v1',
      ]),
    );
  });

  it('the envelope compiles and its example validates', () => {
    const validate = ajv.compile(envelopeSchema);
    for (const example of envelopeSchema.examples as unknown[]) expect(validate(example)).toBe(true);
  });

  it.each(schemas)('%s compiles, names itself and its parties, and its examples validate', (type, schema) => {
    expect(schema.$id).toBe(`urn:start-integration:event:${type}`);
    expect(schema.title).toEqual(expect.any(String));
    expect(schema.description.length).toBeGreaterThan(20);
    expect(schema['x-producer']).toMatch(/^(registry-intake|case-management|dfpa|offers|subsidies|reporting)$/);
    expect(Array.isArray(schema['x-consumers'])).toBe(true);
    expect(typeof schema['x-personal-data']).toBe('boolean');
    expect(schema.examples.length).toBeGreaterThan(0);
    const validate = ajv.compile(schema);
    for (const example of schema.examples) {
      expect({ type, valid: validate(example), errors: validate.errors ?? null }).toEqual({
        type,
        valid: true,
        errors: null,
      });
    }
  });

  it('events with personal data reach only the services allowed to hold it', () => {
    const allowed: Record<string, string[]> = {
      'registry-intake': ['case-management'],
      // offers: only case.referral-disclosed.v1, sent only where the officer recorded the person's consent (issue 12).
      'case-management': ['dfpa', 'offers'],
      dfpa: ['case-management'],
    };
    for (const [type, schema] of schemas.filter(([, s]) => s['x-personal-data'])) {
      for (const consumer of schema['x-consumers']) {
        expect({ type, consumer, allowed: allowed[schema['x-producer']]?.includes(consumer) ?? false }).toEqual({
          type,
          consumer,
          allowed: true,
        });
      }
    }
  });

  it('the generated TypeScript types and AsyncAPI document are up to date', async () => {
    for (const [path, content] of Object.entries(await renderContracts())) {
      expect({ path, upToDate: readFileSync(join(contractsRoot, path), 'utf8') === content }).toEqual({
        path,
        upToDate: true,
      });
    }
  });
});
