import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import {
  FI,
  firstInformation,
  integrationTalk,
  IT,
  OP,
  participation,
  startSubsidiesApp,
  type SubsidiesTestApp,
} from './support/subsidies-app.js';

/** Issue 13 points 1 and 2: tariffs and the ledger, fed over the real broker, in a real database. */
describe('tariffs and ledger', () => {
  let t: SubsidiesTestApp;
  beforeAll(async () => {
    t = await startSubsidiesApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const entriesOf = async (caseId: string, expected: number) =>
    eventually(
      async () => {
        const r = await t.as('ags.koordination', 'GET', '/api/v1/ledger?limit=5000');
        const mine = r.body.items.filter((e: { caseId: string }) => e.caseId === caseId);
        expect(mine).toHaveLength(expected);
        return mine;
      },
      { timeoutMs: 15_000 },
    );
  const refusalOf = async (caseId: string) =>
    eventually(
      async () => {
        const r = await t.as('ags.koordination', 'GET', '/api/v1/ledger/refusals');
        const found = r.body.find((x: { caseId: string }) => x.caseId === caseId);
        expect(found).toBeDefined();
        return found;
      },
      { timeoutMs: 15_000 },
    );

  it('lists the placeholder demo tariffs, marked as placeholders', async () => {
    const r = await t.as('ib.solothurn', 'GET', '/api/v1/tariffs');
    expect(r.status).toBe(200);
    expect(r.body.map((v: { item: string }) => v.item)).toEqual(
      expect.arrayContaining(['first-information-talk', 'info-folder', 'integration-talk', 'interpreter']),
    );
    expect(
      r.body.every(
        (v: { placeholder: boolean; amountRappen: number }) => v.placeholder && Number.isInteger(v.amountRappen),
      ),
    ).toBe(true);
  });

  it('books a first-information talk at the rate valid on its date, for the member municipality, once per event', async () => {
    const data = firstInformation({ municipality: 2545, on: '2027-02-03', interpreter: true });
    const event = await t.publish(FI, data.caseId, data);
    const entries = await entriesOf(data.caseId, 2);
    const tariffs = (await t.as('ags.koordination', 'GET', '/api/v1/tariffs')).body;
    const rate = (item: string) =>
      tariffs
        .filter(
          (v: { item: string; validFrom: string; validTo: string | null }) =>
            v.item === item && v.validFrom <= '2027-02-03' && (!v.validTo || v.validTo >= '2027-02-03'),
        )
        .at(-1).amountRappen;
    expect(entries).toEqual([
      expect.objectContaining({
        eventId: event.id,
        caseId: data.caseId,
        municipality: 2545,
        item: 'first-information-talk',
        date: '2027-02-03',
        period: '2027-Q1',
        rateRappen: rate('first-information-talk'),
        amountRappen: rate('first-information-talk'),
      }),
      expect.objectContaining({ eventId: event.id, item: 'interpreter', amountRappen: rate('interpreter') }),
    ]);
    // The same event delivered again (same id) books nothing more.
    await t.publish(FI, data.caseId, data, event.id);
    const other = firstInformation({ municipality: 2601, on: '2027-02-04' });
    await t.publish(FI, other.caseId, other);
    await entriesOf(other.caseId, 1);
    await entriesOf(data.caseId, 2);
  });

  it('pays a household talk once and records the second case with the rule that refused it (S2)', async () => {
    const talkId = `fi-household-${randomUUID()}`;
    const a = firstInformation({ on: '2027-02-10', talkId });
    const b = firstInformation({ on: '2027-02-10', talkId });
    await t.publish(FI, a.caseId, a);
    await entriesOf(a.caseId, 1);
    await t.publish(FI, b.caseId, b);
    expect(await refusalOf(b.caseId)).toMatchObject({ rule: 'S2', eventType: FI });
    await entriesOf(b.caseId, 0);
  });

  it('pays an integration talk only with integration deficits (S3)', async () => {
    const paid = integrationTalk({ on: '2027-03-01', deficits: ['c', 'd'] });
    const none = integrationTalk({ on: '2027-03-01', deficits: [] });
    await t.publish(IT, paid.caseId, paid);
    await t.publish(IT, none.caseId, none);
    expect((await entriesOf(paid.caseId, 1))[0]).toMatchObject({ item: 'integration-talk' });
    expect(await refusalOf(none.caseId)).toMatchObject({ rule: 'S3' });
  });

  it('books a completed participation in a subsidised offer once per referral; other steps earn nothing (S17)', async () => {
    const enrolled = participation({ on: '2027-03-02', step: 'enrolled' });
    await t.publish(OP, enrolled.referralId, enrolled);
    expect(await refusalOf(enrolled.caseId)).toMatchObject({ rule: 'S17', eventType: OP });
    const done = participation({
      caseId: enrolled.caseId,
      referralId: enrolled.referralId,
      on: '2027-03-20',
      step: 'completed',
    });
    await t.publish(OP, done.referralId, done);
    expect((await entriesOf(enrolled.caseId, 1))[0]).toMatchObject({
      item: 'offer-participation',
      date: '2027-03-20',
      municipality: 2601,
    });
  });

  it('books the new rate after a tariff change and leaves the old entry as it was', async () => {
    const before = firstInformation({ on: '2027-05-10' });
    await t.publish(FI, before.caseId, before);
    const [old] = await entriesOf(before.caseId, 1);
    const r = await t.as('ags.koordination', 'POST', '/api/v1/tariffs', {
      item: 'first-information-talk',
      validFrom: '2027-06-01',
      amountRappen: old.rateRappen + 2_500,
      placeholder: true,
      reference: 'Test',
      reason: 'Neuer Satz ab Juni',
    });
    expect(r.status).toBe(201);
    expect(r.body.corrections).toEqual([]);
    const after = firstInformation({ on: '2027-06-02' });
    await t.publish(FI, after.caseId, after);
    const [fresh] = await entriesOf(after.caseId, 1);
    expect(fresh.rateRappen).toBe(old.rateRappen + 2_500);
    expect((await entriesOf(before.caseId, 1))[0]).toEqual(old);
  });

  it('books a retroactive change as correction entries with its reason, never editing the booking', async () => {
    const booked = firstInformation({ on: '2027-07-05' });
    await t.publish(FI, booked.caseId, booked);
    const [original] = await entriesOf(booked.caseId, 1);
    const r = await t.as('ags.koordination', 'POST', '/api/v1/tariffs', {
      item: 'first-information-talk',
      validFrom: '2027-07-01',
      validTo: '2027-07-31',
      amountRappen: original.rateRappen - 1_000,
      placeholder: true,
      reference: 'Kreisschreiben (Test)',
      reason: 'Rückwirkende Senkung Juli',
    });
    expect(r.status).toBe(201);
    expect(r.body.corrections).toEqual([
      { entryId: original.id, caseId: booked.caseId, date: '2027-07-05', deltaRappen: -1_000 },
    ]);
    const entries = await entriesOf(booked.caseId, 2);
    expect(entries[0]).toEqual(original);
    expect(entries[1]).toMatchObject({
      kind: 'correction',
      correctsEntry: original.id,
      amountRappen: -1_000,
      reason: expect.stringContaining('Rückwirkende Senkung Juli'),
    });
  });

  it('filters the ledger by municipality, period and item, and shows an IB only their municipalities', async () => {
    const hubersdorf = await t.as('ib.hubersdorf', 'GET', '/api/v1/ledger?period=2027-Q1');
    expect(hubersdorf.status).toBe(200);
    expect(hubersdorf.body.items.length).toBeGreaterThan(0);
    expect(
      hubersdorf.body.items.every(
        (e: { municipality: number; period: string }) => e.municipality === 2545 && e.period === '2027-Q1',
      ),
    ).toBe(true);
    const interpreter = await t.as('ags.koordination', 'GET', '/api/v1/ledger?item=interpreter&municipality=2545');
    expect(interpreter.body.items.map((e: { item: string }) => e.item)).toEqual(['interpreter']);
    expect((await t.as('ib.olten', 'GET', '/api/v1/ledger?municipality=2545')).status).toBe(403);
    expect((await t.as('ib.olten', 'GET', '/api/v1/ledger')).body.items).toEqual([]);
    const audit = await t.sql.query(
      `SELECT actor_username, municipality FROM audit_record WHERE action = 'ledger.list' AND actor_username = 'ib.olten'`,
    );
    expect(audit.rows).toEqual(expect.arrayContaining([{ actor_username: 'ib.olten', municipality: null }]));
    const bad = await t.as('ags.koordination', 'GET', '/api/v1/ledger?item=pizza');
    expect(bad).toMatchObject({ status: 422, body: { rule: 'S16' } });
  });

  it('refuses the runtime role to UPDATE or DELETE ledger rows (append-only in the database)', async () => {
    await expect(t.sql.query('UPDATE ledger_entry SET amount_rappen = 0')).rejects.toThrow(/append-only/);
    await expect(t.sql.query('DELETE FROM ledger_entry')).rejects.toThrow(/append-only/);
    await expect(t.sql.query('UPDATE tariff_version SET amount_rappen = 1')).rejects.toThrow(/append-only/);
    const [{ current_user: role }] = (await t.sql.query('SELECT current_user')).rows;
    expect(role).toBe(t.db.appRole);
  });

  it('refuses a tariff amount that is not whole Rappen with a problem naming the field', async () => {
    const r = await t.as('ags.koordination', 'POST', '/api/v1/tariffs', {
      item: 'info-folder',
      validFrom: '2027-01-01',
      amountRappen: 50.5,
      placeholder: false,
      reference: 'x',
      reason: 'x',
    });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.detail).toContain('amountRappen');
  });
});
