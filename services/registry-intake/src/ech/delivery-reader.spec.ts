import { describe, expect, it } from '@jest/globals';
import { fixture, intake, schemaValidator } from '../../test/fixtures/intake-harness.js';
import { readDelivery, type DeliveryReadResult } from './delivery-reader.js';
import type { EchRecord } from './ech-record.types.js';
import { baseDeliveryChunks, generateEventDelivery } from './generator/delivery-generator.js';
import { PREFIX_STYLES } from './generator/ech-xml-writer.js';

async function read(
  input: Parameters<typeof readDelivery>[0],
  limits = {},
): Promise<{ result: DeliveryReadResult; records: EchRecord[] }> {
  const records: EchRecord[] = [];
  const result = await readDelivery(input, {
    validator: schemaValidator(),
    limits,
    onRecord: (r) => {
      records.push(r);
    },
  });
  return { result, records };
}

function refusal(result: DeliveryReadResult) {
  if (result.status !== 'refused') throw new Error('expected the delivery to be refused');
  return result.refusal;
}

function baseDelivery(persons: number, options: Parameters<typeof baseDeliveryChunks>[1] = {}): string {
  return [...baseDeliveryChunks(persons, options)].join('');
}

describe('reading by namespace, whatever the prefixes', () => {
  it.each(PREFIX_STYLES)('reads the same moveIn with prefix style %s', async (prefixStyle) => {
    const { xml, persons } = generateEventDelivery('moveIn-abroad', { prefixStyle, seed: 11 });
    const { result, records } = await read(xml);
    expect(result).toMatchObject({ status: 'accepted', eventElement: 'moveIn', records: 1 });
    const [record] = records;
    if (record.kind !== 'moveIn') throw new Error(record.kind);
    expect(record.person.identification).toMatchObject({
      officialName: persons[0].officialName,
      localPersonId: persons[0].localId,
    });
    expect(record.person.residencePermit?.code).toBe(persons[0].permit?.code);
    expect(record.residence).toMatchObject({
      type: 'main',
      arrivalDate: persons[0].arrivalDate,
      comesFrom: { kind: 'foreignCountry' },
    });
  });

  it('reads the header (eCH-0058 v5) with its messageId', async () => {
    const { xml } = generateEventDelivery('death', { messageId: 'msg-4711' });
    expect((await read(xml)).result).toMatchObject({
      status: 'accepted',
      header: { messageId: 'msg-4711', senderId: 'sedex://T1-2601-1', action: '1', testDeliveryFlag: true },
    });
  });

  it('reads a hand-written delivery: default namespace, local redeclarations, time-zone dates, extensions ignored', async () => {
    const { result, records } = await read(fixture('v3/move-in-edge-cases.xml'));
    expect(result).toMatchObject({
      status: 'accepted',
      records: 1,
      header: { messageId: 'edge-0001', eventDate: '2026-02-01' },
    });
    const [record] = records;
    if (record.kind !== 'moveIn') throw new Error(record.kind);
    expect(record.person.identification.vn).toBeUndefined();
    expect(record.person.dateOfBirth).toEqual({ value: '1991-11-30', precision: 'day', year: 1991 });
    expect(record.person.residencePermit).toEqual({
      code: '0201',
      validFrom: '2026-02-01',
      validTill: undefined,
      entryDate: '2026-01-28',
    });
    expect(record.residence.arrivalDate).toBe('2026-02-01');
    expect(record.residence.reportingMunicipality).toEqual({
      name: 'Holderbank',
      bfsNumber: undefined,
      canton: undefined,
      historyId: undefined,
    });
    expect(JSON.stringify(record)).not.toMatch(/not ours|must not be read|ignored/);
  });

  it('reads an xsi:nil residence permit as a permit without code', async () => {
    const { xml } = generateEventDelivery('changeResidencePermit', { prefixStyle: 'e20' });
    const nil = xml
      .replace('<e20:delivery ', '<e20:delivery xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ')
      .replace(/<e11:residencePermit>\d+<\/e11:residencePermit>/, '<e11:residencePermit xsi:nil="true"/>');
    const { result, records } = await read(nil);
    expect(result.status).toBe('accepted');
    expect(records[0]).toMatchObject({ kind: 'changeResidencePermit', permit: { code: null } });
  });

  it('accepts ISO-8859-1 encoded deliveries', async () => {
    const { xml } = generateEventDelivery('moveIn-abroad', { seed: 3 });
    const latin1 = Buffer.from(
      xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace(/[^\t\n\r\u0020-\u00ff]/g, 'e'),
      'latin1',
    );
    expect((await read(latin1)).result).toMatchObject({ status: 'accepted', encoding: 'iso-8859-1' });
  });
});

describe('refusing other eCH-0020 versions, naming the version found and the one accepted', () => {
  it('refuses eCH-0020 v1', async () => {
    const r = refusal((await read(fixture('legacy/ech-0020-v1-ordipro-style.xml'))).result);
    expect(r.code).toBe('unsupported-version');
    expect(r.message).toMatch(
      /eCH-0020 version 1\.0 found \(namespace http:\/\/www\.ech\.ch\/xmlns\/eCH-0020\/1\).*accepts eCH-0020 version 3\.0 only/,
    );
  });

  it('refuses eCH-0020 v2', async () => {
    const r = refusal((await read(fixture('legacy/ech-0020-v2-infostar-style.xml'))).result);
    expect(r.code).toBe('unsupported-version');
    expect(r.message).toMatch(/eCH-0020 version 2\.2 found .*eCH-0020\/2.*version 3\.0 only/);
  });
});

describe('attack corpus: each refused with a clear reason, nothing read', () => {
  it.each([
    ['attacks/xxe-external-entity.xml', 'dtd-forbidden', /DOCTYPE/],
    ['attacks/billion-laughs.xml', 'dtd-forbidden', /DTDs and entity declarations are refused/],
    ['attacks/external-dtd.xml', 'dtd-forbidden', /DOCTYPE/],
    ['attacks/undeclared-entity.xml', 'not-well-formed', /undefined entity/i],
    [
      'attacks/wrong-namespace.xml',
      'wrong-namespace',
      /\{http:\/\/example\.org\/not-ech\}delivery is not an eCH-0020 delivery/,
    ],
    ['attacks/sedex-envelope.xml', 'wrong-namespace', /sedex envelope/],
    ['attacks/not-xml.pdf', 'not-xml', /not XML/],
    ['attacks/not-xml.json', 'not-xml', /not XML/],
  ])('%s → %s', async (file, code, message) => {
    const { result, records } = await read(fixture(file));
    expect(refusal(result)).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(records).toEqual([]);
  });

  it('never fetches an xsi:schemaLocation named in the document (the schema comes from the local catalog)', async () => {
    const r = refusal((await read(fixture('attacks/xsi-schema-location-remote.xml'))).result);
    expect(r.code).toBe('schema-invalid');
    expect(r.issues.map((i) => i.message).join(' ')).toMatch(/senderId/);
  });

  it('refuses a truncated delivery', async () => {
    const { xml } = generateEventDelivery('moveIn-abroad');
    const r = refusal((await read(xml.slice(0, Math.floor(xml.length * 0.6)))).result);
    expect(r.code).toBe('truncated');
  });

  it('refuses an empty delivery', async () => {
    expect(refusal((await read('')).result).code).toBe('empty');
    expect(refusal((await read(Buffer.alloc(0))).result).code).toBe('empty');
  });

  it('refuses a delivery over the size limit while streaming', async () => {
    const xml = baseDelivery(200);
    let handed = 0;
    async function* chunks() {
      for (let i = 0; i < xml.length; i += 4096) {
        handed++;
        yield Buffer.from(xml.slice(i, i + 4096));
      }
    }
    const r = refusal((await read(chunks(), { maxBytes: 100_000 })).result);
    expect(r).toMatchObject({ code: 'too-large', message: expect.stringMatching(/exceeds 100000 bytes/) });
    expect(handed).toBeLessThan(30);
  });

  it('refuses a single-event delivery larger than the in-memory bound, and one enormous text', async () => {
    const { xml } = generateEventDelivery('moveIn-abroad');
    expect(refusal((await read(xml, { maxSingleDocumentChars: 1000 })).result).code).toBe('too-large');
    const huge = xml.replace('<eCH-0044:officialName>', `<eCH-0044:officialName>${'x'.repeat(300_000)}`);
    expect(refusal((await read(huge, { maxTextRun: 100_000 })).result).code).toBe('text-too-long');
  });

  it('refuses excessive nesting', async () => {
    const deep = `<eCH-0020:delivery xmlns:eCH-0020="http://www.ech.ch/xmlns/eCH-0020/3" version="3.0">${'<a>'.repeat(100)}${'</a>'.repeat(100)}</eCH-0020:delivery>`;
    expect(refusal((await read(deep)).result).code).toBe('too-deep');
  });

  it('refuses malformed bytes in a UTF-8 delivery', async () => {
    const { xml } = generateEventDelivery('death');
    const bytes = Buffer.from(xml);
    bytes[bytes.indexOf('officialName') + 13] = 0xff;
    expect(refusal((await read(bytes)).result).code).toBe('not-well-formed');
  });
});

describe('schema validation of single deliveries', () => {
  it('reports an invalid delivery with line, column and the XSD message, and hands on no record', async () => {
    const { xml } = generateEventDelivery('moveOut-abroad', { prefixStyle: 'e20' });
    const broken = xml
      .replace('<e20:departureDate>', '\n<e20:departureDate>')
      .replace('<e20:goesTo>', '<e20:nowhere/><e20:goesTo>');
    const { result, records } = await read(broken);
    const r = refusal(result);
    expect(r.code).toBe('schema-invalid');
    expect(r.issues[0]).toMatchObject({
      line: 5,
      column: expect.any(Number),
      message: expect.stringMatching(/nowhere.*not expected/),
    });
    expect(r.issues[0].column).toBeGreaterThan(1);
    expect(r.message).toMatch(/line 5, column \d+/);
    expect(records).toEqual([]);
  });
});

describe('base deliveries are read and validated piece by piece', () => {
  it('hands on every person, validating in several pieces', async () => {
    const { result, records } = await read(baseDelivery(600, { prefixStyle: 'ns2' }), { windowBytes: 64 * 1024 });
    expect(result).toMatchObject({ status: 'accepted', eventElement: 'baseDelivery', records: 600 });
    expect(result.status === 'accepted' && result.validatedPieces).toBeGreaterThan(10);
    expect(records.map((r) => ('index' in r ? r.index : -1))).toEqual([...Array(600).keys()]);
    expect(records.filter((r) => r.kind === 'baseDeliveryPerson').length).toBeGreaterThan(100);
    expect(records.filter((r) => r.kind === 'baseDeliveryCitizen').length).toBeGreaterThan(300);
  });

  it('maps an error deep inside to its line and column in the whole delivery', async () => {
    const lines = baseDelivery(400, { prefixStyle: 'e20' }).split('\n');
    const target = lines.findIndex((l, i) => i > 300 && l.includes('<e20:messages>'));
    lines[target] = lines[target].replace('<e11:religion>', '<e11:religion>x');
    const column = lines[target].indexOf('<e11:religion>') + 1;
    const r = refusal((await read(lines.join('\n'), { windowBytes: 32 * 1024 })).result);
    expect(r.code).toBe('schema-invalid');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ line: target + 1, column, message: expect.stringMatching(/religion/) });
  });

  it('reads the same persons whatever the chunks: bytes split inside characters and tags, comments holding end tags', async () => {
    const xml = baseDelivery(300, { seed: 7 }).replace(/<\/eCH-0020:messages>\n/g, (m, at: number) =>
      at % 3 === 0 ? `${m}<!-- </eCH-0020:messages> -->\n` : m,
    );
    const bytes = Buffer.from(xml);
    const expected = await read(bytes, { windowBytes: 16 * 1024 });
    expect(expected.result).toMatchObject({ status: 'accepted', records: 300 });
    async function* chunks(size: number) {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    }
    for (const size of [777, 4093]) {
      const { result, records } = await read(chunks(size), { windowBytes: 16 * 1024 });
      expect(result).toMatchObject({ status: 'accepted', records: 300 });
      expect(records).toEqual(expected.records);
    }
    // Each person's line is that of its messages element in the whole delivery.
    const lines = xml.split('\n');
    expect(expected.records.map((r) => r.line)).toEqual(
      lines.flatMap((l, i) => (l.startsWith('<eCH-0020:messages>') ? [i + 1] : [])),
    );
    const names = expected.records.flatMap((r) =>
      r.kind === 'baseDeliveryPerson' ? [r.person.identification.officialName] : [],
    );
    expect(names.every((n) => xml.includes(`<eCH-0044:officialName>${n}</eCH-0044:officialName>`))).toBe(true);
  });

  it('reads an ISO-8859-1 base delivery (decoded, then pieced as UTF-8)', async () => {
    const xml = baseDelivery(120, { seed: 9 })
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace(/[^\t\n\r\u0020-\u00ff]/g, 'e');
    const { result, records } = await read(Buffer.from(xml, 'latin1'), { windowBytes: 8 * 1024 });
    expect(result).toMatchObject({ status: 'accepted', records: 120, encoding: 'iso-8859-1' });
    const accented = records
      .flatMap((r) => (r.kind === 'baseDeliveryPerson' ? [r.person.identification.officialName] : []))
      .filter((n) => /[^\u0020-\u007e]/.test(n));
    expect(accented.length).toBeGreaterThan(0);
    for (const name of accented) expect(xml).toContain(`<eCH-0044:officialName>${name}</eCH-0044:officialName>`);
  });

  it('refuses a base delivery cut off after its last complete person', async () => {
    const xml = baseDelivery(50);
    const cut = xml.slice(0, xml.lastIndexOf('</eCH-0020:messages>') + '</eCH-0020:messages>'.length);
    expect(refusal((await read(cut)).result).code).toBe('truncated');
  });

  it('refuses a base delivery whose header is invalid, even when every person is valid', async () => {
    const xml = baseDelivery(20).replace(
      /<eCH-0058:action>1<\/eCH-0058:action>/,
      '<eCH-0058:action>2</eCH-0058:action>',
    );
    const r = refusal((await read(xml, { windowBytes: 8 * 1024 })).result);
    expect(r.issues.filter((i) => /action/.test(i.message))).toHaveLength(1);
  });
});

describe('intake of a delivery whose municipality is outside the canton', () => {
  it('is refused clearly before any event', async () => {
    const { xml } = generateEventDelivery('moveIn-abroad', { municipality: 351 });
    const run = await intake(xml);
    expect(refusal(run.result)).toMatchObject({
      code: 'municipality-outside-canton',
      message: expect.stringMatching(/Bern.*not in Solothurn/),
    });
  });
});
