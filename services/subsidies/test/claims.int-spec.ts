import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import { Pain001Schema } from '../src/payout/infrastructure/pain001-schema.js';
import { FI, firstInformation, startSubsidiesApp, type SubsidiesTestApp } from './support/subsidies-app.js';

/** Issue 13 points 3–6: claims, four eyes, payout files, payment, budget, events out and the audit of every step. */
describe('claims, approval and payout', () => {
  let t: SubsidiesTestApp;
  beforeAll(async () => {
    t = await startSubsidiesApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const book = async (municipality: number, on: string) => {
    const data = firstInformation({ municipality, on });
    await t.publish(FI, data.caseId, data);
    return data.caseId;
  };
  const booked = (n: number) =>
    eventually(
      async () =>
        expect((await t.as('ags.koordination', 'GET', '/api/v1/ledger?limit=5000')).body.items).toHaveLength(n),
      { timeoutMs: 15_000 },
    );
  const claimOf = async (municipality: number, period: string) => {
    const r = await t.as('ags.koordination', 'GET', `/api/v1/claims?municipality=${municipality}&period=${period}`);
    expect(r.body).toHaveLength(1);
    return r.body[0] as { id: string; totalRappen: number; payableRappen: number; status: string };
  };

  let solothurnQ1: string;
  let rate: number;

  it('drafts one claim per municipality at period end; a second run drafts nothing twice', async () => {
    const solothurnCase = await book(2601, '2027-02-01');
    await book(2601, '2027-03-15');
    await book(2545, '2027-03-20');
    await book(2601, '2027-04-01'); // next quarter: not in this claim
    await booked(4);
    t.clock.day = '2027-03-31';
    expect((await t.as('ags.koordination', 'POST', '/api/v1/claim-runs')).body).toMatchObject({ claims: 0 });
    t.clock.day = '2027-04-01';
    expect((await t.as('ags.koordination', 'POST', '/api/v1/claim-runs')).body).toEqual({
      periods: ['2027-Q1'],
      claims: 2,
      lines: 3,
    });
    expect((await t.as('ags.koordination', 'POST', '/api/v1/claim-runs')).body).toEqual({
      periods: [],
      claims: 0,
      lines: 0,
    });
    const claim = await claimOf(2601, '2027-Q1');
    solothurnQ1 = claim.id;
    const detail = (await t.as('ib.solothurn', 'GET', `/api/v1/claims/${claim.id}`)).body;
    rate = detail.lines[0].rateRappen;
    expect(detail).toMatchObject({
      status: 'draft',
      municipality: 2601,
      period: '2027-Q1',
      periodFrom: '2027-01-01',
      periodTo: '2027-03-31',
      totalRappen: 2 * rate,
    });
    expect(
      detail.lines.map((l: { caseId: string; serviceDate: string; late: boolean }) => [l.serviceDate, l.late]),
    ).toEqual([
      ['2027-02-01', false],
      ['2027-03-15', false],
    ]);
    expect(detail.lines[0].caseId).toBe(solothurnCase);
    // No names on a claim line: case reference, date, item, rate, amount.
    expect(Object.keys(detail.lines[0]).sort()).toEqual([
      'amountRappen',
      'caseId',
      'disputedReason',
      'entryId',
      'item',
      'late',
      'rateRappen',
      'serviceDate',
    ]);
  });

  it("shows the officer only their municipalities' claims; another IB gets 404", async () => {
    expect(
      (await t.as('ib.solothurn', 'GET', '/api/v1/claims')).body.map((c: { municipality: number }) => c.municipality),
    ).toEqual([2601]);
    expect(
      (await t.as('ib.hubersdorf', 'GET', '/api/v1/claims')).body.map((c: { municipality: number }) => c.municipality),
    ).toEqual([2545]);
    expect((await t.as('ib.olten', 'GET', `/api/v1/claims/${solothurnQ1}`)).status).toBe(404);
    expect((await t.as('ib.olten', 'POST', `/api/v1/claims/${solothurnQ1}/submit`)).status).toBe(404);
  });

  it('lets the officer dispute a line with a reason (not paid) and submit; the submitted event is pseudonymous', async () => {
    const detail = (await t.as('ib.solothurn', 'GET', `/api/v1/claims/${solothurnQ1}`)).body;
    const empty = await t.as(
      'ib.solothurn',
      'POST',
      `/api/v1/claims/${solothurnQ1}/lines/${detail.lines[1].entryId}/dispute`,
      { reason: '   ' },
    );
    expect(empty).toMatchObject({ status: 422, body: { rule: 'S10' } });
    const disputed = await t.as(
      'ib.solothurn',
      'POST',
      `/api/v1/claims/${solothurnQ1}/lines/${detail.lines[1].entryId}/dispute`,
      { reason: 'Gespräch fand nicht statt' },
    );
    expect(disputed.body).toMatchObject({ payableRappen: rate, totalRappen: 2 * rate });
    const submitted = await t.as('ib.solothurn', 'POST', `/api/v1/claims/${solothurnQ1}/submit`);
    expect(submitted.body.status).toBe('submitted');
    expect(
      (
        await t.as('ib.solothurn', 'POST', `/api/v1/claims/${solothurnQ1}/lines/${detail.lines[0].entryId}/dispute`, {
          reason: 'zu spät',
        })
      ).body.rule,
    ).toBe('S7');
    const [event] = await eventually(() => {
      const e = t.emitted('subsidy.claim-submitted.v1');
      expect(e).toHaveLength(1);
      return e;
    });
    expect(event!.data).toMatchObject({
      claimId: solothurnQ1,
      municipality: 2601,
      period: '2027-Q1',
      payableRappen: rate,
      lineCount: 2,
      items: [{ item: 'first-information-talk', count: 1, amountRappen: rate }],
    });
    expect(JSON.stringify(event!.data)).not.toContain(detail.lines[0].caseId);
  });

  it('checks with ags.koordination, refuses the same person approving (four eyes) and approves with ags.finanzen', async () => {
    expect((await t.as('ib.solothurn', 'POST', `/api/v1/claims/${solothurnQ1}/check`, {})).status).toBe(403);
    expect((await t.as('ags.koordination', 'POST', `/api/v1/claims/${solothurnQ1}/approve`, {})).body).toMatchObject({
      status: 409,
      rule: 'S7',
    });
    const checked = await t.as('ags.koordination', 'POST', `/api/v1/claims/${solothurnQ1}/check`, {
      comment: 'sachlich richtig',
    });
    expect(checked.body.status).toBe('checked');
    const self = await t.as('ags.koordination', 'POST', `/api/v1/claims/${solothurnQ1}/approve`, {});
    expect(self).toMatchObject({
      status: 403,
      body: { rule: 'S6', type: 'urn:start-integration:problem:approval-needs-finance-role' },
    });
    const approved = await t.as('ags.finanzen', 'POST', `/api/v1/claims/${solothurnQ1}/approve`, {});
    expect(approved.body.status).toBe('approved');
    expect(approved.body.steps.map((s: { step: string; actorName: string }) => [s.step, s.actorName])).toEqual([
      ['submit', 'ib.solothurn'],
      ['check', 'ags.koordination'],
      ['approve', 'ags.finanzen'],
    ]);
    const audit = await t.sql.query(
      `SELECT actor_username, action, outcome FROM audit_record WHERE object_id = $1 AND action <> 'claim.read' ORDER BY id`,
      [solothurnQ1],
    );
    expect(audit.rows.map((r) => [r.actor_username, r.action, r.outcome])).toEqual([
      ['ib.solothurn', 'claim.dispute', 'denied'],
      ['ib.solothurn', 'claim.dispute', 'granted'],
      ['ib.solothurn', 'claim.submit', 'granted'],
      ['ib.solothurn', 'claim.dispute', 'denied'],
      ['ags.koordination', 'claim.approve', 'denied'],
      ['ags.koordination', 'claim.check', 'granted'],
      ['ags.koordination', 'claim.approve', 'denied'],
      ['ags.finanzen', 'claim.approve', 'granted'],
    ]);
    await expect(t.sql.query('DELETE FROM claim_step')).rejects.toThrow(/append-only/);
  });

  it('refuses the finance user approving a claim they checked themselves (S6, four eyes)', async () => {
    const hub = await claimOf(2545, '2027-Q1');
    await t.as('ib.hubersdorf', 'POST', `/api/v1/claims/${hub.id}/submit`);
    expect((await t.as('ags.finanzen', 'POST', `/api/v1/claims/${hub.id}/check`, {})).body.status).toBe('checked');
    expect((await t.as('ags.finanzen', 'POST', `/api/v1/claims/${hub.id}/approve`, {})).body).toMatchObject({
      status: 403,
      rule: 'S6',
      type: 'urn:start-integration:problem:four-eyes',
    });
    const back = await t.as('ags.finanzen', 'POST', `/api/v1/claims/${hub.id}/return`, {
      comment: 'Bitte Zeile 1 belegen',
    });
    expect(back.body).toMatchObject({ status: 'returned', checkedBy: null });
    expect(back.body.steps.at(-1)).toMatchObject({ step: 'return', comment: 'Bitte Zeile 1 belegen' });
  });

  it('exports approved claims as CSV and XSD-valid pain.001 once, marks them exported, and serves the same bytes again', async () => {
    const r = await t.as('ags.finanzen', 'POST', '/api/v1/exports');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ claimIds: [solothurnQ1], totalRappen: rate });
    const xml = (await t.as('ags.koordination', 'GET', `/api/v1/exports/${r.body.id}/pain001.xml`)).body as string;
    expect(new Pain001Schema().issues(xml)).toEqual([]);
    expect(xml).toContain(`<NbOfTxs>1</NbOfTxs><CtrlSum>${(rate / 100).toFixed(2)}</CtrlSum>`);
    expect(xml).toContain('<IBAN>CH1409000026010000001</IBAN>');
    expect((await t.as('ags.koordination', 'GET', `/api/v1/exports/${r.body.id}/pain001.xml`)).body).toBe(xml);
    const csv = (await t.as('ags.koordination', 'GET', `/api/v1/exports/${r.body.id}/booking.csv`)).body as string;
    expect(csv.split('\r\n')[1]).toContain(
      `${solothurnQ1},2601,K002601,2027-01-01,2027-03-31,${(rate / 100).toFixed(2)},`,
    );
    expect((await t.as('ags.finanzen', 'POST', '/api/v1/exports')).body).toMatchObject({ status: 409, rule: 'S12' });
    expect((await t.as('ags.koordination', 'GET', `/api/v1/claims/${solothurnQ1}`)).body.status).toBe('exported');
  });

  it('confirms the payment by hand, emits claim-paid, and the budget shows committed, approved, paid and the warning', async () => {
    expect(
      (await t.as('ags.koordination', 'POST', `/api/v1/claims/${solothurnQ1}/payment`, { paidOn: '2027-04-20' }))
        .status,
    ).toBe(403);
    const paid = await t.as('ags.finanzen', 'POST', `/api/v1/claims/${solothurnQ1}/payment`, { paidOn: '2027-04-20' });
    expect(paid.body).toMatchObject({ status: 'paid' });
    expect(
      (await t.as('ags.finanzen', 'POST', `/api/v1/claims/${solothurnQ1}/payment`, { paidOn: '2027-04-20' })).body.rule,
    ).toBe('S13');
    await eventually(() =>
      expect(t.emitted('subsidy.claim-paid.v1').map((e) => e.data.claimId)).toEqual([solothurnQ1]),
    );
    expect(t.emitted('subsidy.claim-approved.v1')).toHaveLength(1);
    const set = await t.as('ags.finanzen', 'PUT', '/api/v1/budget/2027', {
      amountRappen: 5 * rate,
      warnPercent: [50, 90],
    });
    expect(set.status).toBe(200);
    // Paid: one line; committed: the disputed line's claim is paid without it, so it no longer counts; open Hubersdorf line and the April entry.
    expect(set.body).toMatchObject({
      paidRappen: rate,
      approvedRappen: 0,
      committedRappen: 2 * rate,
      remainingRappen: 2 * rate,
      usedPercent: 60,
      warning: 50,
    });
  });

  it("late entries of a claimed period go into the next period's claim as late lines", async () => {
    await book(2601, '2027-03-30');
    await booked(5);
    t.clock.day = '2027-07-01';
    await t.as('ags.koordination', 'POST', '/api/v1/claim-runs');
    const q2 = (await t.as('ib.solothurn', 'GET', `/api/v1/claims/${(await claimOf(2601, '2027-Q2')).id}`)).body;
    expect(q2.lines.map((l: { serviceDate: string; late: boolean }) => [l.serviceDate, l.late])).toEqual([
      ['2027-03-30', true],
      ['2027-04-01', false],
    ]);
  });

  it('refuses a payee with a wrong IBAN check digit (S9)', async () => {
    const r = await t.as('ags.finanzen', 'PUT', '/api/v1/payees/2601', {
      name: 'Einwohnergemeinde Solothurn',
      iban: 'CH94 0076 2011 6238 5295 7',
      creditorNo: 'K002601',
      street: 'Baseltor',
      postCode: '4500',
      town: 'Solothurn',
    });
    expect(r).toMatchObject({ status: 422, body: { rule: 'S9' } });
  });
});
