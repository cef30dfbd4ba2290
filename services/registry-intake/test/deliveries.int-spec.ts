import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import {
  EVENT_KINDS,
  generateEventDeliveries,
  generateEventDelivery,
  type EventKind,
} from '../src/ech/generator/delivery-generator.js';
import { fixture } from './fixtures/intake-harness.js';
import { outboxRows, startIntakeApp, type IntakeTestApp } from './support/intake-app.js';
import { baseDelivery, breakSchema } from './support/xml.js';

let t: IntakeTestApp;
let seq = 0;
const run = Date.now().toString(36);
/** eCH-0058 messageIds have at most 36 characters. */
const messageId = (label: string) => `${label.slice(0, 20)}-${++seq}-${run}`;

beforeAll(async () => {
  // A small stage threshold sends base deliveries of a few hundred persons through the staged path.
  t = await startIntakeApp({ stageThreshold: 300 });
}, 90_000);
afterAll(async () => {
  await t?.close();
});

async function detail(id: string) {
  const r = await t.call('ags.koordination', 'GET', `/api/v1/deliveries/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

describe('the issue\'s "done when"', () => {
  it('accepts an XSD-valid move-in from abroad by ib.solothurn for 2601, emits person.arrived.v1, and reports the re-post as duplicate', async () => {
    const delivery = generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 1, messageId: 'done-when-1' });
    const r = await t.deliver('ib.solothurn', delivery.xml);
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({
      id: expect.any(String),
      status: 'accepted',
      eventsFound: 1,
      emitted: 1,
      skipped: 0,
      municipality: 2601,
    });
    const events = await eventually(() => {
      const found = t.emitted('person.arrived.v1').filter((e) => e.data.source.messageId === 'done-when-1');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(events[0]).toMatchObject({
      source: '/si/registry-intake',
      subject: expect.stringMatching(/^p-[0-9a-f]{32}$/),
    });
    expect(events[0].data).toMatchObject({
      bfsNumber: 2601,
      comesFromUnknown: false,
      targetGroup: { ruleVersion: 'so-default-2026.1', opensCase: expect.any(Boolean) },
      personalData: { officialName: delivery.persons[0].officialName },
    });

    const again = await t.deliver('ib.solothurn', delivery.xml);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: r.body.id, status: 'duplicate' });
    // Nothing is emitted again, and the first delivery counts the repeat.
    expect(
      (await outboxRows(t, 'person.arrived.v1')).filter((e) => e.payload.data.source.messageId === 'done-when-1'),
    ).toHaveLength(1);
    expect(await detail(r.body.id)).toMatchObject({
      status: 'accepted',
      duplicates: 1,
      outcomes: [{ action: 'emit', eventType: 'person.arrived.v1', eventId: events[0].id }],
    });
  });

  it('lets the register connector deliver for any Solothurn municipality', async () => {
    const r = await t.deliver(
      'register-connector',
      generateEventDelivery('moveIn-abroad', { municipality: 2581, seed: 2, messageId: messageId('rc') }).xml,
    );
    expect(r.status).toBe(202);
    expect(r.body.municipality).toBe(2581);
  });

  it('refuses an IB delivering for another municipality with 403, keeping no delivery and emitting nothing', async () => {
    const id = messageId('olten-for-solothurn');
    const r = await t.deliver(
      'ib.olten',
      generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 3, messageId: id }).xml,
    );
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body.detail).toMatch(/BFS 2601/);
    expect((await t.sql.query('SELECT 1 FROM delivery WHERE message_id = $1', [id])).rowCount).toBe(0);
    expect((await outboxRows(t)).filter((e) => e.payload.data.source?.messageId === id)).toHaveLength(0);
    const audit = await t.sql.query(
      `SELECT outcome, municipality FROM audit_record WHERE action = 'delivery.create' AND outcome = 'denied'`,
    );
    expect(audit.rows).toContainEqual({ outcome: 'denied', municipality: 2601 });
  });

  it('lets a Leitgemeinde IB deliver for a member municipality', async () => {
    const r = await t.deliver(
      'ib.hubersdorf',
      generateEventDelivery('moveIn-abroad', { municipality: 2545, seed: 4, messageId: messageId('hubersdorf') }).xml,
    );
    expect(r.status).toBe(202);
  });

  it.each([
    ['v1 (ORDIPRO style)', 'legacy/ech-0020-v1-ordipro-style.xml', /eCH-0020 version 1/],
    ['v2 (INFOSTAR style)', 'legacy/ech-0020-v2-infostar-style.xml', /eCH-0020 version 2/],
  ])('refuses eCH-0020 %s with 422 naming the version found and the one accepted', async (_label, file, found) => {
    const r = await t.deliver('register-connector', fixture(file));
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      code: 'unsupported-version',
      deliveryStatus: 'quarantined',
      deliveryId: expect.any(String),
    });
    expect(r.body.detail).toMatch(found);
    expect(r.body.detail).toMatch(/accepts eCH-0020 version 3\.0 only/);
  });
});

describe('each event type', () => {
  const kinds = Object.keys(EVENT_KINDS) as EventKind[];

  it.each(kinds)('%s: accepted with the expected outcome', async (kind) => {
    const id = messageId(kind);
    const delivery = generateEventDelivery(kind, {
      municipality: 2601,
      seed: 100 + kinds.indexOf(kind),
      messageId: id,
    });
    const r = await t.deliver('register-connector', delivery.xml);
    expect(r.status).toBe(202);
    const d = await detail(r.body.id);
    const expected = EVENT_KINDS[kind].expected;
    if ('emit' in expected) {
      expect(d.outcomes).toEqual([
        expect.objectContaining({ action: 'emit', eventType: expected.emit, eventId: expect.any(String) }),
      ]);
      const rows = await outboxRows(t, expected.emit);
      const row = rows.find((e) => e.id === d.outcomes[0].eventId);
      expect(row?.payload.data.source).toMatchObject({ messageId: id });
    } else {
      // Swiss citizens and events start.integration does not use are logged with their reason and not emitted.
      expect(d.outcomes).toEqual([
        expect.objectContaining({ action: 'skip', reason: expected.skip, eventId: null, detail: expect.any(String) }),
      ]);
      expect(d).toMatchObject({ emitted: 0, skipped: 1, summary: { skipped: { [expected.skip]: 1 } } });
    }
  });

  it.each(kinds)('%s: refused with 422 naming line, column and the XSD message when invalid', async (kind) => {
    const delivery = generateEventDelivery(kind, {
      municipality: 2601,
      seed: 200 + kinds.indexOf(kind),
      messageId: messageId(`${kind}-bad`),
    });
    const r = await t.deliver('register-connector', breakSchema(delivery.xml));
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'schema-invalid', deliveryStatus: 'quarantined', reprocessable: false });
    expect(r.body.errors[0]).toMatchObject({
      line: expect.any(Number),
      column: expect.any(Number),
      message: expect.stringMatching(/officialNameX/),
    });
    expect(r.body.errors[0].line).toBeGreaterThan(1);
    expect(r.body.errors[0].column).toBeGreaterThan(0);
    const d = await detail(r.body.deliveryId);
    expect(d).toMatchObject({ status: 'quarantined', emitted: 0, outcomes: [], refusal: { code: 'schema-invalid' } });
  });

  it('logs a move from another canton into another canton (outside Solothurn) as skipped, not emitted', async () => {
    // The delivery is Olten's, but the moveOut goes from Olten to Bern: a departure; a moveOut of another canton's
    // municipality inside the same delivery is skipped as outside the canton.
    const delivery = generateEventDelivery('moveOut-other-canton', {
      municipality: 2581,
      seed: 9,
      messageId: messageId('out'),
    });
    const foreign = delivery.xml.replace(
      /(<([\w-]+:)?reportingMunicipality>[\s\S]*?<([\w-]+:)?municipalityId>)2581(<)/,
      '$1351$4',
    );
    expect(foreign).not.toBe(delivery.xml);
    const r = await t.deliver('register-connector', foreign);
    // The delivery's own municipality is outside the canton: refused clearly, not silently skipped.
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('municipality-outside-canton');
  });
});

describe('follow-up events', () => {
  it('gives a permit change the permit last seen for the person', async () => {
    const [arrival, change] = [
      ...generateEventDeliveries(2, {
        municipality: 2601,
        seed: 77,
        messageId: messageId('follow'),
        kinds: ['moveIn-abroad'],
      }),
    ];
    expect((await t.deliver('register-connector', arrival.xml)).status).toBe(202);
    void change;
    const permitChange = generateEventDeliveries(1, {
      municipality: 2601,
      seed: 77,
      messageId: messageId('follow-change'),
      kinds: ['changeResidencePermit'],
    }).next().value;
    if (!permitChange) throw new Error('no delivery');
    // Same seed: the generator's first resident is the person who arrived above.
    expect(permitChange.persons[0].localId).toEqual(arrival.persons[0].localId);
    const r = await t.deliver('register-connector', permitChange.xml);
    expect(r.status).toBe(202);
    const d = await detail(r.body.id);
    const row = (await outboxRows(t, 'person.residence-permit-changed.v1')).find((e) => e.id === d.outcomes[0].eventId);
    expect(row?.payload.data.previousPermit).toMatchObject({ code: arrival.persons[0].permit?.code });
    expect(typeof row?.payload.data.categoryChanged).toBe('boolean');
  });
});

describe('base deliveries (staged, nothing partial)', () => {
  it('accepts a base delivery: one registration per foreign main resident, Swiss citizens logged as skipped', async () => {
    const id = messageId('base');
    const { xml, stats } = baseDelivery(1500, { municipality: 2581, messageId: id, seed: 5 });
    expect(xml.length).toBeGreaterThan(4 * 1024 * 1024); // larger than what is held in memory: the raw bytes spill too
    const r = await t.deliver('register-connector', xml);
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ eventsFound: 1500, emitted: stats.foreign, skipped: stats.swiss });
    const rows = (await outboxRows(t, 'person.registered.v1')).filter(
      (e) => e.payload.data.baseDelivery.messageId === id,
    );
    expect(rows).toHaveLength(stats.foreign);
    // In delivery order, with the rule version recorded on each.
    expect(rows.map((e) => e.payload.data.baseDelivery.position)).toEqual(
      [...rows.map((e) => e.payload.data.baseDelivery.position)].sort((a, b) => a - b),
    );
    expect(rows.every((e) => e.payload.data.targetGroup.ruleVersion === 'so-default-2026.1')).toBe(true);
    const raw = await t.sql.query('SELECT sum(length(chunk))::int AS n FROM delivery_raw WHERE delivery_id = $1', [
      r.body.id,
    ]);
    expect(raw.rows[0].n).toBe(Buffer.byteLength(xml));
    // The log: a line per emitted event (with its id and target-group decision); the Swiss citizens counted by reason.
    const d = await detail(r.body.id);
    expect(d).toMatchObject({
      outcomesTotal: stats.foreign,
      summary: { skipped: { 'swiss-citizen': stats.swiss }, emitted: { 'person.registered.v1': stats.foreign } },
    });
    const first = await t.call('ags.koordination', 'GET', `/api/v1/deliveries/${r.body.id}/outcomes?limit=300`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(300);
    const rest = await t.call(
      'ags.koordination',
      'GET',
      `/api/v1/deliveries/${r.body.id}/outcomes?from=${first.body.next}&limit=1000`,
    );
    expect(rest.body).toMatchObject({ total: stats.foreign, next: null });
    expect(first.body.items.length + rest.body.items.length).toBe(stats.foreign);
    expect(rest.body.items[0].seq).toBeGreaterThan(first.body.items[299].seq);
    expect(
      rest.body.items.every((i: { action: string; targetGroup: unknown }) => i.action === 'emit' && i.targetGroup),
    ).toBe(true);

    // Closed by register.base-delivery-completed.v1, written after every person event of the delivery.
    const all = (await outboxRows(t)).filter(
      (e) => e.payload.data.baseDelivery?.messageId === id || e.payload.data.messageId === id,
    );
    expect(all.at(-1)).toMatchObject({
      type: 'register.base-delivery-completed.v1',
      subject: 'municipality-2581',
      payload: {
        data: {
          bfsNumber: 2581,
          municipalityName: 'Olten',
          messageId: id,
          persons: 1500,
          registered: stats.foreign,
          partialDelivery: null,
        },
      },
    });
    expect(all.filter((e) => e.type === 'register.base-delivery-completed.v1')).toHaveLength(1);

    const again = await t.deliver('register-connector', xml);
    expect(again.body).toEqual({ id: r.body.id, status: 'duplicate' });
    expect(
      (await outboxRows(t, 'register.base-delivery-completed.v1')).filter((e) => e.payload.data.messageId === id),
    ).toHaveLength(1);
  });

  it('takes a package of a partial delivery as it comes, notes which package of which delivery it was and waits for the others', async () => {
    const id = messageId('base-package');
    const { xml, stats } = baseDelivery(40, { municipality: 2581, messageId: id, seed: 8 });
    const pkg =
      '<eCH-0058:partialDelivery><eCH-0058:uniqueIdDelivery>register-2581-2026-03</eCH-0058:uniqueIdDelivery>' +
      '<eCH-0058:totalNumberOfPackages>3</eCH-0058:totalNumberOfPackages><eCH-0058:numberOfActualPackage>2</eCH-0058:numberOfActualPackage></eCH-0058:partialDelivery>';
    const r = await t.deliver(
      'register-connector',
      xml.replace('</eCH-0058:sendingApplication>', `</eCH-0058:sendingApplication>${pkg}`),
    );
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ eventsFound: 40, emitted: stats.foreign });
    expect((await detail(r.body.id)).notes).toEqual(
      expect.arrayContaining([
        'package 2 of 3 of the partial delivery register-2581-2026-03',
        expect.stringMatching(/^partial delivery register-2581-2026-03: waiting for packages 1, 3 \(deadline /),
      ]),
    );
    // One package is not the register: no completion event until all are in (test/partial-deliveries.int-spec.ts).
    expect(
      (await outboxRows(t, 'register.base-delivery-completed.v1')).filter((e) => e.payload.data.messageId === id),
    ).toEqual([]);
  });

  it('emits nothing of a base delivery refused near its end: every batch already written is rolled back', async () => {
    const id = messageId('base-bad');
    const { xml } = baseDelivery(1200, { municipality: 2581, messageId: id, seed: 6 });
    const cut = xml.lastIndexOf('officialName>', xml.length - 2000);
    const open = xml.lastIndexOf('<', cut);
    const broken = `${xml.slice(0, open)}<bogus/>${xml.slice(open)}`;
    const before = (await outboxRows(t)).length;
    const r = await t.deliver('register-connector', broken);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('schema-invalid');
    expect(r.body.errors[0]).toMatchObject({
      line: broken.slice(0, open).split('\n').length,
      message: expect.stringMatching(/officialName/),
    });
    expect((await outboxRows(t)).length).toBe(before);
    const lines = await t.sql.query('SELECT count(*)::int AS n FROM delivery_outcome WHERE delivery_id = $1', [
      r.body.deliveryId,
    ]);
    expect(lines.rows[0].n).toBe(0);
    const permits = await t.sql.query('SELECT count(*)::int AS n FROM person_permit WHERE delivery_id = $1', [
      r.body.deliveryId,
    ]);
    expect(permits.rows[0].n).toBe(0);
    expect(await detail(r.body.deliveryId)).toMatchObject({
      status: 'quarantined',
      emitted: 0,
      refusal: { code: 'schema-invalid' },
    });
  });
});

describe('quarantine and resend', () => {
  it('accepts a corrected resend of a refused message (a refusal does not block the messageId) and supersedes the refused one', async () => {
    const id = messageId('resend');
    const good = generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 31, messageId: id }).xml;
    const bad = await t.deliver('register-connector', breakSchema(good));
    expect(bad.status).toBe(422);
    const ok = await t.deliver('register-connector', good);
    expect(ok.status).toBe(202);
    expect((await detail(bad.body.deliveryId)).status).toBe('superseded');
  });
});

describe('content types', () => {
  it('refuses JSON with 415 problem+json', async () => {
    const r = await t.deliver('register-connector', '{"a":1}', 'application/json');
    expect(r.status).toBe(415);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('accepts text/xml too', async () => {
    const r = await t.deliver(
      'register-connector',
      generateEventDelivery('death', { municipality: 2601, seed: 41, messageId: messageId('textxml') }).xml,
      'text/xml; charset=utf-8',
    );
    expect(r.status).toBe(202);
  });
});
