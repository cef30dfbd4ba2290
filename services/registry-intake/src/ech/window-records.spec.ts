import { describe, expect, it } from '@jest/globals';
import { SaxesParser } from 'saxes';
import { schemaValidator } from '../../test/fixtures/intake-harness.js';
import { readDelivery } from './delivery-reader.js';
import { readBaseDeliveryRecord } from './ech-record-reader.js';
import type { EchRecord } from './ech-record.types.js';
import { isUnusedPart } from './ech-unused-parts.js';
import { baseDeliveryChunks } from './generator/delivery-generator.js';
import { SubtreeBuilder, type XNode } from './xml-subtree.js';

/** Every `messages` of a base delivery read the other way: saxes into XNodes, as single events are read. */
function readWithSaxes(xml: string): EchRecord[] {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const records: EchRecord[] = [];
  let depth = 0;
  let builder: SubtreeBuilder | undefined;
  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 3 && tag.local === 'messages') builder = new SubtreeBuilder(isUnusedPart);
    const nil = Object.values(tag.attributes).some((a) => a.local === 'nil' && a.value === 'true');
    builder?.start(tag.uri ?? '', tag.local, nil, parser.line);
  });
  parser.on('text', (text) => builder?.text(text));
  parser.on('closetag', () => {
    depth--;
    const root: XNode | undefined = builder?.end();
    if (root) {
      records.push(readBaseDeliveryRecord(root, records.length));
      builder = undefined;
    }
  });
  parser.write(xml).close();
  return records;
}

describe('persons read from the tree libxml2 built to validate a piece', () => {
  it('are the persons saxes reads from the same text; Swiss citizens only where they are reported', async () => {
    const xml = [...baseDeliveryChunks(400, { seed: 21, prefixStyle: 'e20' })].join('');
    const records: EchRecord[] = [];
    const result = await readDelivery(xml, {
      validator: schemaValidator(),
      limits: { windowBytes: 32 * 1024 },
      onRecord: (r) => {
        records.push(r);
      },
    });
    expect(result).toMatchObject({ status: 'accepted', records: 400 });
    const bySaxes = readWithSaxes(xml);
    let citizens = 0;
    records.forEach((record, i) => {
      const other = bySaxes[i];
      if (other.kind !== 'baseDeliveryPerson') throw new Error(other.kind);
      if (record.kind === 'baseDeliveryCitizen') {
        citizens++;
        expect(other.person.residencePermit).toBeUndefined();
        expect(record).toEqual({
          echEvent: 'baseDelivery',
          kind: 'baseDeliveryCitizen',
          index: i,
          line: other.line,
          residence: {
            type: 'main',
            reportingMunicipality: other.residence.reportingMunicipality,
            federalRegister: other.residence.federalRegister,
          },
        });
      } else {
        expect(record).toEqual(other);
      }
    });
    expect(citizens).toBeGreaterThan(200);
    expect(citizens).toBeLessThan(400);
  });
});
