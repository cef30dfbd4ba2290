import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateEventDelivery } from '../src/ech/generator/delivery-generator.js';
import { fixture } from './fixtures/intake-harness.js';
import { outboxRows, startIntakeApp, type IntakeTestApp } from './support/intake-app.js';
import { baseDelivery } from './support/xml.js';

const MAX_BYTES = 4 * 1024 * 1024;
let t: IntakeTestApp;

beforeAll(async () => {
  t = await startIntakeApp({ limits: { maxBytes: MAX_BYTES } });
}, 90_000);
afterAll(async () => {
  await t?.close();
});

async function expectReady(): Promise<void> {
  const r = await fetch(`${t.url}/health/ready`);
  expect(r.status).toBe(200);
}

const valid = () => generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 7 }).xml;

/** Each attack: its body, the status and refusal code, and words the explanation must contain. */
const CORPUS: Array<[string, number, string, () => Buffer | string, RegExp]> = [
  ['XXE (external entity)', 400, 'dtd-forbidden', () => fixture('attacks/xxe-external-entity.xml'), /DOCTYPE/],
  [
    'billion laughs',
    400,
    'dtd-forbidden',
    () => fixture('attacks/billion-laughs.xml'),
    /DTDs and entity declarations are refused/,
  ],
  ['external DTD', 400, 'dtd-forbidden', () => fixture('attacks/external-dtd.xml'), /DOCTYPE/],
  ['undeclared entity', 400, 'not-well-formed', () => fixture('attacks/undeclared-entity.xml'), /undefined entity/i],
  ['wrong namespace', 422, 'wrong-namespace', () => fixture('attacks/wrong-namespace.xml'), /not an eCH-0020 delivery/],
  [
    'a sedex envelope instead of the payload',
    422,
    'wrong-namespace',
    () => fixture('attacks/sedex-envelope.xml'),
    /sedex envelope/,
  ],
  [
    'remote xsi:schemaLocation (never fetched)',
    422,
    'schema-invalid',
    () => fixture('attacks/xsi-schema-location-remote.xml'),
    /senderId/,
  ],
  ['not XML at all (PDF)', 400, 'not-xml', () => fixture('attacks/not-xml.pdf'), /not XML/],
  ['not XML at all (JSON sent as XML)', 400, 'not-xml', () => fixture('attacks/not-xml.json'), /not XML/],
  ['a truncated file', 400, 'truncated', () => valid().slice(0, Math.floor(valid().length * 0.6)), /ends before/],
  ['an empty body', 400, 'empty', () => '', /empty/],
  [
    'elements nested too deep',
    400,
    'too-deep',
    () => valid().replace('<eCH-0020:moveIn>', `<eCH-0020:moveIn>${'<x>'.repeat(100)}${'</x>'.repeat(100)}`),
    /nested deeper/,
  ],
  [
    'one enormous text',
    400,
    'text-too-long',
    () => valid().replace('<eCH-0044:officialName>', `<eCH-0044:officialName>${'x'.repeat(1_100_000)}`),
    /longer than/,
  ],
  [
    'a very large file (over the intake limit)',
    413,
    'too-large',
    () => baseDelivery(1500, { municipality: 2601, seed: 8 }).xml,
    /exceeds 4194304 bytes/,
  ],
];

describe('the attack corpus: clear refusals while the service stays ready', () => {
  it.each(CORPUS)('%s → %i %s', async (_label, status, code, body, explanation) => {
    const before = (await outboxRows(t)).length;
    const r = await t.deliver('register-connector', body());
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body).toMatchObject({ status, code, deliveryStatus: 'quarantined', deliveryId: expect.any(String) });
    expect(r.body.detail).toMatch(explanation);
    expect((await outboxRows(t)).length).toBe(before);
    // Kept in quarantine with its reason; the bytes kept are bounded.
    const row = await t.sql.query(
      `SELECT d.status, d.refusal->>'code' AS code, coalesce(sum(length(r.chunk)), 0)::int AS kept
      FROM delivery d LEFT JOIN delivery_raw r ON r.delivery_id = d.id WHERE d.id = $1 GROUP BY d.id`,
      [r.body.deliveryId],
    );
    expect(row.rows[0]).toMatchObject({ status: 'quarantined', code });
    expect(row.rows[0].kept).toBeLessThanOrEqual(1024 * 1024);
    await expectReady();
  });

  it('answers a refusal at the start of a large body and closes the connection instead of reading on', async () => {
    const body = Buffer.concat([Buffer.from('%PDF-1.7 not xml\n'), Buffer.alloc(2 * MAX_BYTES, 0x20)]);
    const r = await t.deliver('register-connector', body);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('not-xml');
    await expectReady();
  });

  it('still accepts a valid delivery afterwards', async () => {
    const r = await t.deliver(
      'register-connector',
      generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 99, messageId: 'after-attacks' }).xml,
    );
    expect(r.status).toBe(202);
  });

  it('answers an unauthenticated delivery with 401 before reading it', async () => {
    const r = await t.deliver(null, valid());
    expect(r.status).toBe(401);
  });
});
