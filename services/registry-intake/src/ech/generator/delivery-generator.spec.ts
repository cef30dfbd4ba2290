import { describe, expect, it } from '@jest/globals';
import { isValidAhvNumber } from '../ahv-number.js';
import { readDelivery } from '../delivery-reader.js';
import { schemaValidator } from '../../../test/fixtures/intake-harness.js';
import {
  baseDeliveryChunks,
  basePackages,
  EVENT_KINDS,
  generateEventDeliveries,
  generateEventDelivery,
  type BaseDeliveryStats,
  type EventKind,
} from './delivery-generator.js';
import { PREFIX_STYLES } from './ech-xml-writer.js';

const validator = schemaValidator();

describe('gen:ech test data', () => {
  it.each(PREFIX_STYLES)('writes XSD-valid deliveries of every kind in prefix style %s', (prefixStyle) => {
    for (const kind of Object.keys(EVENT_KINDS) as EventKind[]) {
      const { xml } = generateEventDelivery(kind, { prefixStyle, seed: 17 });
      expect({ kind, issues: validator.validate(xml) }).toEqual({ kind, issues: [] });
    }
  });

  it('writes XSD-valid variants: time-zone dates, names without codes, vendor extensions, no AHV numbers', () => {
    const options = {
      timezoneDates: true,
      withoutVnShare: 1,
      variations: { municipalityNameOnly: true, countryNameOnly: true, withExtension: true },
    };
    for (const d of generateEventDeliveries(60, { ...options, seed: 2 })) {
      expect(validator.validate(d.xml)).toEqual([]);
      expect(d.xml).not.toMatch(/<eCH-0044:vn>/);
    }
    expect(validator.validate([...baseDeliveryChunks(30, options)].join(''))).toEqual([]);
  });

  it('writes the packages of a partial delivery: XSD-valid, each with its header, own messageId and own local person ids', async () => {
    const packages = basePackages(25, 3, {
      municipality: 2581,
      seed: 3,
      messageId: 'reg-7',
      uniqueIdDelivery: 'register-2581-7',
    });
    expect(packages.map((p) => p.persons)).toEqual([9, 9, 7]);
    const read = [];
    for (const p of packages) {
      const xml = [...baseDeliveryChunks(p.persons, p.options)].join('');
      expect(validator.validate(xml)).toEqual([]);
      const localIds = [...xml.matchAll(/<eCH-0044:personId>([^<]+)<\/eCH-0044:personId>/g)].map((m) => m[1]);
      expect(localIds).toHaveLength(p.persons);
      const result = await readDelivery(xml, { validator, onRecord: () => undefined });
      if (result.status !== 'accepted') throw new Error(result.refusal.message);
      read.push({ header: result.header, localIds });
    }
    expect(read.map((r) => [r.header.messageId, r.header.partialDelivery])).toEqual(
      [1, 2, 3].map((n) => [
        `reg-7-p${n}`,
        { uniqueIdDelivery: 'register-2581-7', totalNumberOfPackages: 3, numberOfActualPackage: n },
      ]),
    );
    const all = read.flatMap((r) => r.localIds);
    expect(new Set(all).size).toBe(25);
  });

  it('uses the eCH-0058 messageId given, realistic nationalities and valid AHV numbers', () => {
    const deliveries = [...generateEventDeliveries(200, { messageId: 'run-42', seed: 4 })];
    expect(deliveries[0].messageId).toBe('run-42');
    expect(deliveries[1].messageId).toBe('run-42-2');
    const persons = deliveries.flatMap((d) => d.persons);
    const vns = persons.flatMap((p) => (p.vn ? [p.vn] : []));
    expect(vns.length).toBeGreaterThan(persons.length * 0.8);
    expect(vns.every(isValidAhvNumber)).toBe(true);
    const nationalities = new Set(
      persons.map((p) => (p.nationality === 'CH' ? 'CH' : (p.nationality.iso2 ?? p.nationality.nameDe))),
    );
    expect(nationalities.size).toBeGreaterThan(12);
  });

  it('groups households: members share household id and address and arrive one after another', () => {
    const arrivals = [...generateEventDeliveries(80, { kinds: ['moveIn-abroad'], seed: 8 })].map((d) => d.persons[0]);
    const byHousehold = new Map<string, typeof arrivals>();
    for (const p of arrivals) byHousehold.set(p.household.id, [...(byHousehold.get(p.household.id) ?? []), p]);
    const families = [...byHousehold.values()].filter((members) => members.length > 1);
    expect(families.length).toBeGreaterThan(3);
    for (const members of families) expect(new Set(members.map((m) => m.household.address.street)).size).toBe(1);
  });

  it('is deterministic per seed', () => {
    expect(generateEventDelivery('moveIn-abroad', { seed: 99 }).xml).toBe(
      generateEventDelivery('moveIn-abroad', { seed: 99 }).xml,
    );
    expect(generateEventDelivery('moveIn-abroad', { seed: 99 }).xml).not.toBe(
      generateEventDelivery('moveIn-abroad', { seed: 98 }).xml,
    );
  });

  it('streams a base delivery in chunks and counts what it wrote', async () => {
    const stats: Partial<BaseDeliveryStats> = {};
    const chunks = [...baseDeliveryChunks(1500, { municipality: 2546, messageId: 'base-1' }, stats)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(300 * 1024);
    expect(stats).toMatchObject({ persons: 1500, messageId: 'base-1' });
    expect(stats.foreign! + stats.swiss!).toBe(1500);
    const result = await readDelivery(chunks, { validator, limits: { windowBytes: 256 * 1024 } });
    expect(result).toMatchObject({
      status: 'accepted',
      records: 1500,
      header: { messageId: 'base-1', senderId: 'sedex://T1-2546-1' },
    });
  });
});
