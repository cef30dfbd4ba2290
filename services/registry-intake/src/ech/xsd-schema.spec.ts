import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXsdCatalog, XSD_DIR } from './xsd-catalog.js';
import { EchSchemaValidator } from './xsd-schema-validator.js';
import { baseDeliveryChunks, generateEventDelivery } from './generator/delivery-generator.js';

const validator = EchSchemaValidator.load();

describe('the local eCH-0020 v3.0 XSD set', () => {
  it('maps every schemaLocation imported by the set to a file in the repository folder', () => {
    const catalog = readXsdCatalog();
    const imports = readdirSync(XSD_DIR)
      .filter((f) => f.endsWith('.xsd'))
      .flatMap((f) =>
        [...readFileSync(join(XSD_DIR, f), 'utf8').matchAll(/schemaLocation="([^"]+)"/g)].map((m) => m[1]),
      );
    expect(imports.length).toBeGreaterThan(10);
    for (const url of imports) expect(catalog.get(url)).toMatch(/^\/.*\/xsd\/eCH-[\d-]+\.xsd$/);
  });

  it('ignores catalog entries that point outside the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xsd-catalog-'));
    writeFileSync(
      join(dir, 'catalog.xml'),
      '<catalog><uri name="http://x/a.xsd" uri="../../etc/passwd"/><uri name="http://x/b.xsd" uri="b.xsd"/></catalog>',
    );
    expect([...readXsdCatalog(dir).keys()]).toEqual(['http://x/b.xsd']);
  });

  it('validates a generated single-event delivery in well under a millisecond once compiled', () => {
    const { xml } = generateEventDelivery('moveIn-abroad');
    expect(validator.validate(xml)).toEqual([]);
    const started = performance.now();
    for (let i = 0; i < 200; i++) validator.validate(xml);
    expect((performance.now() - started) / 200).toBeLessThan(5);
  });

  it('reports what is wrong and where: line, column and the XSD message', () => {
    const { xml } = generateEventDelivery('moveIn-abroad', { prefixStyle: 'e20' });
    const broken = xml.replace(/<e44:sex>\d<\/e44:sex>/, '\n  <e44:sex>7</e44:sex>');
    const issues = validator.validate(broken as string) as Array<{ line: number; column: number; message: string }>;
    expect(issues[0]).toMatchObject({ line: 5, column: 3 });
    expect(issues[0].message).toMatch(/sex.*'7'.*(not an element of the set|enumeration)/);
  });
});

describe('validation worker threads', () => {
  it('a worker that dies fails the piece it held, and the next piece goes to a new worker', async () => {
    const pool = EchSchemaValidator.load({ workers: 1 });
    await pool.ready();
    try {
      const xml = [...baseDeliveryChunks(30, { seed: 5 })].join('');
      const piece = () => new Uint8Array(Buffer.from(xml));
      expect(await pool.readWindow(piece(), 0)).toMatchObject({
        issues: [],
        records: expect.arrayContaining([expect.objectContaining({ index: 29 })]),
      });
      // Stands for a crash of the thread (out of memory, a fault in libxml2) while it holds a piece.
      const held = pool.readWindow(piece(), 0);
      await (pool as unknown as { workers: Array<{ close(): Promise<void> }> }).workers[0].close();
      await expect(held).rejects.toThrow(/worker/);
      const next = await pool.readWindow(piece(), 30);
      expect(next.issues).toEqual([]);
      expect(next.records).toHaveLength(30);
      expect(pool.workersStarted).toBe(2);
    } finally {
      await pool.close();
    }
  });
});
