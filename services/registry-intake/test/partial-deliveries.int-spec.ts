import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import { basePackages } from '../src/ech/generator/delivery-generator.js';
import { PartialDeliveryQueue } from '../src/deliveries/jobs/partial-delivery-queue.js';
import { outboxRows, startIntakeApp, type IntakeTestApp, type Json } from './support/intake-app.js';
import { baseDelivery } from './support/xml.js';

/**
 * Issue 9 point 2: the packages of an eCH-0058 partialDelivery (one register sent as several messages) are joined
 * into one base delivery once all are in, in any order, a copy of a package changing nothing; the join closes with
 * ONE register.base-delivery-completed.v1 after the person events, as a register sent in one message does; a
 * package missing past the deadline is reported in the quarantine (BullMQ job, reconciliation sweep).
 */
const run = Date.now().toString(36);
let seq = 0;

interface Package {
  number: number;
  xml: string;
  messageId: string;
  foreign: number;
}

/** The packages of one register of Olten (2581), `persons` persons in `count` packages. */
function register(persons: number, count: number, seed: number): { uniqueIdDelivery: string; packages: Package[] } {
  const uniqueIdDelivery = `reg-2581-${++seq}-${run}`;
  const packages = basePackages(persons, count, {
    municipality: 2581,
    seed,
    messageId: `pk-${seq}-${run}`,
    uniqueIdDelivery,
  }).map((p) => {
    const { xml, stats } = baseDelivery(p.persons, p.options);
    return { number: p.number, xml, messageId: stats.messageId, foreign: stats.foreign };
  });
  return { uniqueIdDelivery, packages };
}

async function completions(t: IntakeTestApp, uniqueIdDelivery: string) {
  return (await outboxRows(t, 'register.base-delivery-completed.v1')).filter(
    (e) =>
      (e.payload.data as { partialDelivery?: { uniqueIdDelivery?: string } }).partialDelivery?.uniqueIdDelivery ===
      uniqueIdDelivery,
  );
}

/** Outbox rows (in outbox order) of the packages' person events and of the register's completion. */
async function registerRows(t: IntakeTestApp, packages: Package[], uniqueIdDelivery: string) {
  const ids = new Set(packages.map((p) => p.messageId));
  return (await outboxRows(t)).filter((e) => {
    const data = e.payload.data as {
      baseDelivery?: { messageId?: string };
      partialDelivery?: { uniqueIdDelivery?: string };
    };
    return ids.has(data.baseDelivery?.messageId ?? '') || data.partialDelivery?.uniqueIdDelivery === uniqueIdDelivery;
  });
}

async function deliver(t: IntakeTestApp, xml: string) {
  const r = await t.deliver('register-connector', xml);
  return r;
}

async function notesOf(t: IntakeTestApp, id: string): Promise<string[]> {
  const r = await t.call('ags.koordination', 'GET', `/api/v1/deliveries/${id}`);
  expect(r.status).toBe(200);
  return r.body.notes as string[];
}

describe('partial deliveries joined (deadline one hour after the first package)', () => {
  let t: IntakeTestApp;
  beforeAll(async () => {
    t = await startIntakeApp({ partialDelivery: { timeoutSeconds: 3600, sweepEveryMs: 3_600_000 } });
  }, 90_000);
  afterAll(async () => {
    await t?.close();
  });

  it("joins packages delivered in order: person events as each comes, one completion for the whole register after the last package's", async () => {
    const { uniqueIdDelivery, packages } = register(36, 3, 101);
    const ids: string[] = [];
    for (const p of packages.slice(0, 2)) {
      const r = await deliver(t, p.xml);
      expect(r.status).toBe(202);
      expect(r.body.emitted).toBe(p.foreign);
      ids.push(r.body.id);
    }
    expect(await completions(t, uniqueIdDelivery)).toEqual([]);
    expect(await notesOf(t, ids[1])).toContainEqual(
      expect.stringMatching(new RegExp(`partial delivery ${uniqueIdDelivery}: waiting for package 3 \\(deadline `)),
    );

    const last = await deliver(t, packages[2].xml);
    expect(last.status).toBe(202);
    const rows = await registerRows(t, packages, uniqueIdDelivery);
    const registered = packages.reduce((s, p) => s + p.foreign, 0);
    expect(rows.filter((e) => e.type === 'person.registered.v1')).toHaveLength(registered);
    expect(rows.filter((e) => e.type === 'register.base-delivery-completed.v1')).toHaveLength(1);
    expect(rows.at(-1)).toMatchObject({
      type: 'register.base-delivery-completed.v1',
      subject: 'municipality-2581',
      payload: {
        data: {
          bfsNumber: 2581,
          municipalityName: 'Olten',
          messageId: packages[0].messageId,
          persons: 36,
          registered,
          partialDelivery: { uniqueIdDelivery, totalNumberOfPackages: 3, numberOfActualPackage: 3 },
          packages: packages.map((p) => ({
            number: p.number,
            messageId: p.messageId,
            persons: 12,
            registered: p.foreign,
          })),
        },
      },
    });
    expect(await notesOf(t, last.body.id)).toContain(
      `partial delivery ${uniqueIdDelivery} complete: its 3 packages joined into one base delivery (register.base-delivery-completed.v1)`,
    );
    const join = await t.sql.query('SELECT status, joined_at FROM partial_delivery WHERE unique_id_delivery = $1', [
      uniqueIdDelivery,
    ]);
    expect(join.rows).toEqual([{ status: 'joined', joined_at: expect.any(Date) }]);
  });

  it('joins packages delivered out of order (3, 1, 2): completed by package 2, named by package 1', async () => {
    const { uniqueIdDelivery, packages } = register(30, 3, 202);
    for (const p of [packages[2], packages[0]]) expect((await deliver(t, p.xml)).status).toBe(202);
    expect(await completions(t, uniqueIdDelivery)).toEqual([]);
    expect((await deliver(t, packages[1].xml)).status).toBe(202);
    const done = await completions(t, uniqueIdDelivery);
    expect(done).toHaveLength(1);
    expect(done[0].payload.data).toMatchObject({
      messageId: packages[0].messageId,
      persons: 30,
      registered: packages.reduce((s, p) => s + p.foreign, 0),
      partialDelivery: { numberOfActualPackage: 2 },
      packages: [{ number: 1 }, { number: 2 }, { number: 3 }],
    });
    // The completion comes after every person event of the register, the last package's included.
    const rows = await registerRows(t, packages, uniqueIdDelivery);
    expect(rows.at(-1)?.type).toBe('register.base-delivery-completed.v1');
  });

  it('takes a package delivered twice (same message, or the same package under a new messageId) as a duplicate that changes nothing', async () => {
    const { uniqueIdDelivery, packages } = register(20, 2, 303);
    const first = await deliver(t, packages[0].xml);
    expect(first.status).toBe(202);
    const before = (await registerRows(t, packages, uniqueIdDelivery)).length;
    expect(await deliver(t, packages[0].xml)).toMatchObject({
      status: 200,
      body: { id: first.body.id, status: 'duplicate' },
    });
    const resent = packages[0].xml.replace(
      `<eCH-0058:messageId>${packages[0].messageId}</eCH-0058:messageId>`,
      `<eCH-0058:messageId>${packages[0].messageId}-again</eCH-0058:messageId>`,
    );
    expect(resent).not.toBe(packages[0].xml);
    expect(await deliver(t, resent)).toMatchObject({ status: 200, body: { id: first.body.id, status: 'duplicate' } });
    const copies = (await outboxRows(t, 'person.registered.v1')).filter(
      (e) =>
        (e.payload.data as { baseDelivery: { messageId: string } }).baseDelivery.messageId ===
        `${packages[0].messageId}-again`,
    );
    expect(copies).toEqual([]);
    expect((await registerRows(t, packages, uniqueIdDelivery)).length).toBe(before);
    const log = await t.call('ags.koordination', 'GET', `/api/v1/deliveries/${first.body.id}`);
    expect(log.body.duplicates).toBe(2);

    expect((await deliver(t, packages[1].xml)).status).toBe(202);
    const done = await completions(t, uniqueIdDelivery);
    expect(done).toHaveLength(1);
    expect(done[0].payload.data).toMatchObject({ persons: 20, registered: packages[0].foreign + packages[1].foreign });
    // A copy after the join changes nothing either.
    expect(
      await deliver(t, packages[1].xml.replaceAll(packages[1].messageId, `${packages[1].messageId}-late`)),
    ).toMatchObject({ status: 200, body: { status: 'duplicate' } });
    expect(await completions(t, uniqueIdDelivery)).toHaveLength(1);
  });

  it('refuses a package whose total contradicts the earlier packages (422, quarantined, nothing emitted)', async () => {
    const { uniqueIdDelivery, packages } = register(20, 2, 404);
    expect((await deliver(t, packages[0].xml)).status).toBe(202);
    const wrong = packages[1].xml.replace(
      '<eCH-0058:totalNumberOfPackages>2</eCH-0058:totalNumberOfPackages>',
      '<eCH-0058:totalNumberOfPackages>3</eCH-0058:totalNumberOfPackages>',
    );
    const r = await deliver(t, wrong);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      code: 'partial-delivery-inconsistent',
      deliveryStatus: 'quarantined',
      reprocessable: false,
    });
    expect(r.body.detail).toBe(
      `package 2 of the partial delivery ${uniqueIdDelivery} announces 3 packages, the earlier ones 2`,
    );
    const emitted = (await outboxRows(t, 'person.registered.v1')).filter(
      (e) =>
        (e.payload.data as { baseDelivery: { messageId: string } }).baseDelivery.messageId === packages[1].messageId,
    );
    expect(emitted).toEqual([]);
    expect(await completions(t, uniqueIdDelivery)).toEqual([]);
  });

  it('reports an open partial delivery past its deadline once, through the reconciliation sweep (when Redis lost its job)', async () => {
    const { uniqueIdDelivery, packages } = register(20, 2, 505);
    expect((await deliver(t, packages[1].xml)).status).toBe(202);
    const queue = t.app.get(PartialDeliveryQueue);
    const join = (
      await t.sql.query('SELECT id FROM partial_delivery WHERE unique_id_delivery = $1', [uniqueIdDelivery])
    ).rows[0] as { id: string };
    expect(await queue.bullQueue.getJob(`partial-overdue-${join.id}`)).toBeDefined(); // the job waits for the deadline
    await queue.bullQueue.remove(`partial-overdue-${join.id}`);
    await t.sql.query(`UPDATE partial_delivery SET deadline_at = now() - interval '1 second' WHERE id = $1`, [join.id]);
    const reported = await queue.deadlines.sweep();
    expect(reported).toHaveLength(1);
    expect(await queue.deadlines.sweep()).toEqual([]);
    const quarantine = await t.call('ags.koordination', 'GET', '/api/v1/deliveries/quarantine?municipality=2581');
    const entry = (quarantine.body.items as Json[]).find((i) => i.id === reported[0]);
    expect(entry).toMatchObject({
      status: 'quarantined',
      municipality: 2581,
      eventElement: 'baseDelivery',
      reprocessable: false,
      refusal: { code: 'partial-delivery-incomplete' },
    });
  });

  it('reports a package missing past the deadline in the quarantine by its BullMQ job with a clear reason; the late package still completes the register and resolves the report', async () => {
    const { uniqueIdDelivery, packages } = register(30, 3, 606);
    const first = await deliver(t, packages[0].xml);
    expect((await deliver(t, packages[2].xml)).status).toBe(202);
    // The deadline passes (here: is moved into the past) and the job scheduled for it wakes (promoted instead of waiting an hour).
    const join = (
      await t.sql.query(
        'SELECT id, deadline_at - first_received_at AS timeout FROM partial_delivery WHERE unique_id_delivery = $1',
        [uniqueIdDelivery],
      )
    ).rows[0] as { id: string; timeout: { hours: number } };
    expect(join.timeout).toMatchObject({ hours: 1 });
    await t.sql.query(`UPDATE partial_delivery SET deadline_at = now() - interval '1 second' WHERE id = $1`, [join.id]);
    const job = await t.app.get(PartialDeliveryQueue).bullQueue.getJob(`partial-overdue-${join.id}`);
    if (!job) throw new Error('no overdue job scheduled');
    await job.promote();
    const entry = await eventually(
      async () => {
        const r = await t.call('register-connector', 'GET', '/api/v1/deliveries/quarantine');
        expect(r.status).toBe(200);
        const found = (r.body.items as Array<{ id: string; refusal: { code: string; message: string } }>).find((i) =>
          i.refusal?.message.includes(uniqueIdDelivery),
        );
        expect(found).toBeDefined();
        return found as { id: string; refusal: { code: string; message: string } };
      },
      { timeoutMs: 15_000 },
    );
    expect(entry.refusal.code).toBe('partial-delivery-incomplete');
    expect(entry.refusal.message).toMatch(
      new RegExp(
        `^partial delivery ${uniqueIdDelivery} of BFS 2581 is incomplete: package 2 of 3 missing since .+; received 1, 3\\.`,
      ),
    );
    const detail = await t.call('ags.koordination', 'GET', `/api/v1/deliveries/${entry.id}`);
    expect(detail.body.notes.join(' ')).toContain(first.body.id);
    const reprocess = await t.call('ags.koordination', 'POST', `/api/v1/deliveries/${entry.id}/reprocess`);
    expect(reprocess.status).toBe(409);
    expect(reprocess.body.detail).toBe(
      `delivery ${entry.id} reports packages of a partial delivery missing: nothing to reprocess; the sender must deliver them`,
    );
    expect(await completions(t, uniqueIdDelivery)).toEqual([]);
    // Reported once, by the job (the sweep runs hourly here).
    const reports = await t.sql.query(
      `SELECT count(*)::int AS n FROM delivery WHERE refusal->>'code' = 'partial-delivery-incomplete' AND refusal->>'message' LIKE $1`,
      [`%${uniqueIdDelivery}%`],
    );
    expect(reports.rows[0].n).toBe(1);

    expect((await deliver(t, packages[1].xml)).status).toBe(202);
    expect(await completions(t, uniqueIdDelivery)).toHaveLength(1);
    const resolved = await t.call('ags.koordination', 'GET', `/api/v1/deliveries/${entry.id}`);
    expect(resolved.body.status).toBe('superseded');
    const quarantine = await t.call('ags.koordination', 'GET', '/api/v1/deliveries/quarantine');
    expect((quarantine.body.items as Json[]).map((i) => i.id)).not.toContain(entry.id);
    expect(await job.getState()).toBe('completed');
  }, 30_000);
});
