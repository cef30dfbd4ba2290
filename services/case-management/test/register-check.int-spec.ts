import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { openCase } from './support/case-flow.js';
import { baseDeliveryCompleted, personRef, registered } from './support/person-events.js';

describe('the register check: cases whose person the latest base delivery no longer lists', () => {
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await startCaseApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Publishes a base delivery of `bfs` listing `refs` (and a person without case), then its completion. */
  async function deliver(
    bfs: number,
    refs: string[],
    o: { announced?: number; partial?: unknown } = {},
  ): Promise<string> {
    const messageId = `base-${randomUUID()}`;
    const lines = [...refs, personRef()];
    for (const [i, ref] of lines.entries())
      await t.publish('person.registered.v1', ref, registered(ref, bfs, messageId, i));
    await t.publish(
      'register.base-delivery-completed.v1',
      `municipality-${bfs}`,
      baseDeliveryCompleted(bfs, messageId, o.announced ?? lines.length, o.partial ?? null),
    );
    return messageId;
  }

  it('lists the live cases of the municipality whose person the delivery does not list, with names for the IB and without for AGS', async () => {
    const listed = await openCase(t, { bfsNumber: 2601 });
    const gone = await openCase(t, { bfsNumber: 2601, officialName: 'Weggezogen' });
    const elsewhere = await openCase(t, { bfsNumber: 2581 });
    expect((await t.call('ags.koordination', 'GET', '/api/v1/register-checks/2601')).status).toBe(404); // no base delivery yet
    const messageId = await deliver(2601, [listed.personRef]);
    const check = await eventually(async () => {
      const r = await t.call('ib.solothurn', 'GET', '/api/v1/register-checks/2601');
      expect(r.status).toBe(200);
      expect(r.body.conclusive).toBe(true);
      return r.body;
    });
    expect(check).toMatchObject({ municipality: 2601, messageId, registered: 2, seen: 2, partialDelivery: null });
    expect(check.cases).toEqual([
      expect.objectContaining({
        caseId: gone.caseId,
        personRef: gone.personRef,
        officialName: 'Weggezogen',
        status: 'open',
      }),
    ]);
    expect(JSON.stringify(check)).not.toContain(elsewhere.caseId);

    const ags = await t.call('ags.koordination', 'GET', '/api/v1/register-checks/2601');
    expect(ags.body.cases).toEqual([
      { caseId: gone.caseId, personRef: gone.personRef, registrationDate: expect.any(String), status: 'open' },
    ]);
    const audit = (
      await t.sql.query(
        `SELECT detail FROM audit_record WHERE action = 'register-check.read' AND object_id = '2601' AND outcome = 'granted' AND detail->>'messageId' = $1`,
        [messageId],
      )
    ).rows;
    expect(audit.length).toBe(2);
    expect(audit[0].detail.caseIds).toEqual([gone.caseId]);
    expect(JSON.stringify(audit)).not.toContain('Weggezogen');
  });

  it('refuses an IB another municipality (403, audited) and other roles', async () => {
    expect((await t.call('ib.olten', 'GET', '/api/v1/register-checks/2601')).status).toBe(403);
    expect((await t.call('ib.hubersdorf', 'GET', '/api/v1/register-checks/2601')).status).toBe(403);
    expect((await t.call('sr.olten', 'GET', '/api/v1/register-checks/2581')).status).toBe(403);
    expect((await t.call('ma.integration', 'GET', '/api/v1/register-checks/2581')).status).toBe(403);
    const denied = (
      await t.sql.query(
        `SELECT count(*)::int AS n FROM audit_record WHERE action = 'register-check.read' AND outcome = 'denied' AND object_id = '2601'`,
      )
    ).rows[0];
    expect(denied.n).toBeGreaterThan(0);
  });

  it('is not conclusive while lines of the delivery are missing, nor for one package of a partial delivery', async () => {
    const a = await openCase(t, { bfsNumber: 2547 });
    const first = await deliver(2547, [a.personRef], { announced: 5 });
    const open = await eventually(async () => {
      const r = await t.call('ags.koordination', 'GET', '/api/v1/register-checks/2547');
      expect(r.status).toBe(200);
      return r.body;
    });
    expect(open).toMatchObject({ registered: 5, conclusive: false });
    await deliver(2547, [a.personRef], {
      partial: { uniqueIdDelivery: 'reg-2547', totalNumberOfPackages: 2, numberOfActualPackage: 1 },
    });
    await eventually(async () => {
      const r = await t.call('ags.koordination', 'GET', '/api/v1/register-checks/2547');
      expect(r.body).toMatchObject({ partialDelivery: { numberOfActualPackage: 1 }, conclusive: false, cases: [] });
    });
    // The newer delivery replaced the older one: its lines and members are gone.
    const kept = await t.sql.query(
      'SELECT (SELECT count(*)::int FROM base_delivery_line WHERE message_id = $1) + (SELECT count(*)::int FROM base_delivery_member WHERE message_id = $1) AS n',
      [first],
    );
    expect(kept.rows[0].n).toBe(0);
  });

  it('is conclusive for a register delivered in packages once they are joined: the lines and members of every package count', async () => {
    const inFirst = await openCase(t, { bfsNumber: 2549 });
    const inSecond = await openCase(t, { bfsNumber: 2549 });
    const gone = await openCase(t, { bfsNumber: 2549 });
    const older = await deliver(2549, [inFirst.personRef, inSecond.personRef, gone.personRef]);
    await eventually(async () =>
      expect((await t.call('ags.koordination', 'GET', '/api/v1/register-checks/2549')).body).toMatchObject({
        messageId: older,
        conclusive: true,
        cases: [],
      }),
    );
    // Two packages, each a message of its own (its person events carry its own messageId), then ONE completion.
    const ids = [`pkg1-${randomUUID()}`, `pkg2-${randomUUID()}`];
    const lines = [[inFirst.personRef, personRef()], [inSecond.personRef]];
    for (const [n, refs] of lines.entries()) {
      for (const [i, ref] of refs.entries())
        await t.publish('person.registered.v1', ref, registered(ref, 2549, ids[n], i));
    }
    const partialDelivery = { uniqueIdDelivery: 'reg-2549', totalNumberOfPackages: 2, numberOfActualPackage: 2 };
    await t.publish('register.base-delivery-completed.v1', 'municipality-2549', {
      ...baseDeliveryCompleted(2549, ids[0], 3, partialDelivery),
      packages: [
        { number: 1, messageId: ids[0], persons: 8, registered: 2 },
        { number: 2, messageId: ids[1], persons: 4, registered: 1 },
      ],
    });
    const check = await eventually(async () => {
      const r = await t.call('ib.hubersdorf', 'GET', '/api/v1/register-checks/2549');
      expect(r.body).toMatchObject({
        messageId: ids[0],
        registered: 3,
        seen: 3,
        conclusive: true,
        partialDelivery,
        packageMessageIds: ids,
      });
      return r.body;
    });
    expect(check.cases.map((c: { caseId: string }) => c.caseId)).toEqual([gone.caseId]);
    // The older whole register is forgotten, the packages' lines and members are kept.
    const count = async (table: string, messageIds: string[]) =>
      (await t.sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE message_id = ANY($1)`, [messageIds])).rows[0].n;
    expect(await count('base_delivery_line', [older])).toBe(0);
    expect(await count('base_delivery_line', ids)).toBe(3);
    expect(await count('base_delivery_member', ids)).toBeGreaterThan(0);
  });
});
