import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { generateEventDelivery } from '../src/ech/generator/delivery-generator.js';
import { SedexInbox } from '../src/deliveries/sedex/sedex-inbox.js';
import { SEDEX_LOCK_KEY, SedexPoller } from '../src/deliveries/sedex/sedex-poller.js';
import { SedexProcessor } from '../src/deliveries/sedex/sedex-processor.js';
import { outboxRows, startIntakeApp, type IntakeTestApp } from './support/intake-app.js';
import { baseDelivery, breakSchema } from './support/xml.js';

let t: IntakeTestApp;
let inbox: SedexInbox;
let poller: SedexPoller;
let processor: SedexProcessor;

beforeAll(async () => {
  t = await startIntakeApp({ stageThreshold: 100 });
  inbox = new SedexInbox(t.inboxDir);
  poller = t.app.get(SedexPoller);
  processor = t.app.get(SedexProcessor);
}, 90_000);
afterAll(async () => {
  await t?.close();
});

let n = 0;
let pair = '';
beforeEach(() => {
  pair = `pair-${++n}-${Date.now().toString(36)}`;
});

function envelope(messageId: string, version: 1 | 2 = 2, sender = 'T1-2601-1'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<eCH-0090:envelope xmlns:eCH-0090="http://www.ech.ch/xmlns/eCH-0090/${version}" version="${version}.0">
  <eCH-0090:messageId>${messageId}</eCH-0090:messageId>
  <eCH-0090:messageType>20001</eCH-0090:messageType>
  <eCH-0090:messageClass>0</eCH-0090:messageClass>
  <eCH-0090:senderId>${sender}</eCH-0090:senderId>
  <eCH-0090:recipientId>T6-SO-1</eCH-0090:recipientId>
  <eCH-0090:eventDate>2026-03-01T08:00:00</eCH-0090:eventDate>
  <eCH-0090:messageDate>2026-03-01T08:00:00</eCH-0090:messageDate>
</eCH-0090:envelope>`;
}

/** Drops a pair as sedex does: the data file first, the envelope last. */
function drop(id: string, data: string, env: string = envelope(id)): void {
  writeFileSync(inbox.data(id, 'inbox'), data);
  writeFileSync(inbox.envelope(id, 'inbox'), env);
}

function where(id: string): { envelope?: string; data?: string } {
  const found: { envelope?: string; data?: string } = {};
  for (const f of ['inbox', 'processing', 'processed', 'failed'] as const) {
    if (existsSync(inbox.envelope(id, f))) found.envelope = f;
    if (existsSync(inbox.data(id, f))) found.data = f;
  }
  return found;
}

async function deliveriesOf(id: string) {
  return (await t.sql.query('SELECT id, status, message_id, refusal FROM delivery WHERE source_ref = $1', [id])).rows;
}

async function eventsOf(messageId: string, type = 'person.arrived.v1') {
  return (await outboxRows(t, type)).filter(
    (e) => e.payload.data.source?.messageId === messageId || e.payload.data.baseDelivery?.messageId === messageId,
  );
}

describe('the sedex inbox', () => {
  it('processes a pair once and moves it to processed/', async () => {
    const msg = `sx-${n}-once`;
    drop(pair, generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 1, messageId: msg }).xml);
    expect(await poller.pollOnce()).toEqual([
      { pair, to: 'processed', deliveryId: expect.any(String), result: 'accepted' },
    ]);
    expect(where(pair)).toEqual({ envelope: 'processed', data: 'processed' });
    expect(await poller.pollOnce()).toEqual([]);
    expect(await deliveriesOf(pair)).toEqual([expect.objectContaining({ status: 'accepted', message_id: msg })]);
    expect(await eventsOf(msg)).toHaveLength(1);
  });

  it('reads eCH-0090 v1 envelopes as well as v2', async () => {
    const msg = `sx-${n}-v1`;
    drop(pair, generateEventDelivery('death', { municipality: 2601, seed: 2, messageId: msg }).xml, envelope(pair, 1));
    expect(await poller.pollOnce()).toEqual([expect.objectContaining({ pair, to: 'processed', result: 'accepted' })]);
  });

  it('neither loses nor doubles a pair when the process dies between the commit and the move', async () => {
    const msg = `sx-${n}-crash`;
    drop(pair, generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 3, messageId: msg }).xml);
    // The poller's steps, cut off after the commit: claimed and settled in the database, never moved.
    expect(await inbox.claim(pair)).toBe(true);
    expect(await processor.settle(pair)).toMatchObject({ to: 'processed', result: 'accepted' });
    expect(where(pair)).toEqual({ envelope: 'processing', data: 'processing' });
    // The next round (after a restart, or on the instance that took over) finds it and only moves it.
    expect(await poller.pollOnce()).toEqual([expect.objectContaining({ pair, to: 'processed', result: 'accepted' })]);
    expect(where(pair)).toEqual({ envelope: 'processed', data: 'processed' });
    expect(await deliveriesOf(pair)).toHaveLength(1);
    expect(await eventsOf(msg)).toHaveLength(1);
  });

  it('finishes a claim cut off between its two renames (envelope claimed, data still in the inbox)', async () => {
    const msg = `sx-${n}-claim`;
    drop(pair, generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 4, messageId: msg }).xml);
    await rename(inbox.envelope(pair, 'inbox'), inbox.envelope(pair, 'processing'));
    expect(await poller.pollOnce()).toEqual([expect.objectContaining({ pair, to: 'processed' })]);
    expect(where(pair)).toEqual({ envelope: 'processed', data: 'processed' });
    expect(await eventsOf(msg)).toHaveLength(1);
  });

  it('finishes a move cut off between its two renames (data moved, envelope not)', async () => {
    const msg = `sx-${n}-move`;
    drop(pair, generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 5, messageId: msg }).xml);
    await inbox.claim(pair);
    await processor.settle(pair);
    await rename(inbox.data(pair, 'processing'), inbox.data(pair, 'processed'));
    await poller.pollOnce();
    expect(where(pair)).toEqual({ envelope: 'processed', data: 'processed' });
    expect(await eventsOf(msg)).toHaveLength(1);
  });

  it('resumes a base delivery whose processing died half-way: processed again from the file, emitted once', async () => {
    const msg = `sx-${n}-base`;
    const { xml, stats } = baseDelivery(400, { municipality: 2581, seed: 6, messageId: msg });
    drop(pair, xml, envelope(pair, 2, 'T1-2581-1'));
    await inbox.claim(pair);
    // What a dead instance leaves: the row in processing, its lease still running (its transaction died with it).
    const dead = '00000000-0000-4000-8000-00000000b001';
    await t.sql.query(
      `INSERT INTO delivery (id, message_id, source, source_ref, submitted_by, submitted_by_subject, status, raw_store, raw_complete, lease_until)
      VALUES ($1, $2, 'sedex', $3, 'sedex', 'system', 'processing', 'sedex-file', true, now() + interval '1 minute')`,
      [dead, msg, pair],
    );
    expect(await poller.pollOnce()).toEqual([{ pair, to: 'processed', deliveryId: dead, result: 'accepted' }]);
    expect(await eventsOf(msg, 'person.registered.v1')).toHaveLength(stats.foreign);
    expect(await deliveriesOf(pair)).toEqual([expect.objectContaining({ id: dead, status: 'accepted' })]);
  });

  it('moves a refused payload to failed/ with its reason and keeps it in quarantine', async () => {
    drop(
      pair,
      breakSchema(
        generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 7, messageId: `sx-${n}-bad` }).xml,
      ),
    );
    expect(await poller.pollOnce()).toEqual([
      expect.objectContaining({ pair, to: 'failed', result: expect.stringMatching(/^schema-invalid: /) }),
    ]);
    expect(where(pair)).toEqual({ envelope: 'failed', data: 'failed' });
    const reason = JSON.parse(readFileSync(join(inbox.folder('failed'), `reason_${pair}.json`), 'utf8'));
    expect(reason).toMatchObject({ pair, deliveryId: expect.any(String) });
    expect(await deliveriesOf(pair)).toEqual([
      expect.objectContaining({ status: 'quarantined', refusal: expect.objectContaining({ code: 'schema-invalid' }) }),
    ]);
  });

  it('moves a pair with an unusable envelope to failed/ and logs it', async () => {
    drop(
      pair,
      generateEventDelivery('death', { municipality: 2601, seed: 8 }).xml,
      '<!DOCTYPE x [<!ENTITY a "b">]><x/>',
    );
    expect(await poller.pollOnce()).toEqual([
      expect.objectContaining({ pair, to: 'failed', result: expect.stringMatching(/DOCTYPE/) }),
    ]);
    expect(await deliveriesOf(pair)).toEqual([
      expect.objectContaining({
        status: 'quarantined',
        refusal: expect.objectContaining({ code: 'envelope-invalid' }),
      }),
    ]);
  });

  it('treats a second pair with an accepted messageId as duplicate: processed/, nothing emitted again', async () => {
    const msg = `sx-${n}-dup`;
    const xml = generateEventDelivery('moveIn-abroad', { municipality: 2601, seed: 9, messageId: msg }).xml;
    drop(pair, xml);
    await poller.pollOnce();
    const second = `${pair}-again`;
    drop(second, xml);
    const [first] = await deliveriesOf(pair);
    expect(await poller.pollOnce()).toEqual([
      { pair: second, to: 'processed', deliveryId: first.id, result: 'duplicate' },
    ]);
    expect(await eventsOf(msg)).toHaveLength(1);
  });

  it('leaves the inbox alone while another instance holds the poller lock', async () => {
    drop(pair, generateEventDelivery('death', { municipality: 2601, seed: 10, messageId: `sx-${n}-lock` }).xml);
    // The app's poller holds the lock from the earlier rounds; a second instance (another session) cannot take it.
    const other = new pg.Client({ connectionString: t.db.appUrl });
    await other.connect();
    try {
      const r = await other.query('SELECT pg_try_advisory_lock($1) AS locked', [SEDEX_LOCK_KEY]);
      expect(r.rows[0].locked).toBe(false);
    } finally {
      await other.end();
    }
    expect(poller.isLeader()).toBe(true);
    expect(await poller.pollOnce()).toEqual([expect.objectContaining({ pair })]);
  });
});
