import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import { camt054 } from './support/camt054.js';
import { FI, firstInformation, startSubsidiesApp, type SubsidiesTestApp, type User } from './support/subsidies-app.js';

/** Issue 13 point 4: payment confirmed by reading the bank's camt.054, matched to exported claims by end-to-end id. */
describe('payment confirmed from a camt.054', () => {
  let t: SubsidiesTestApp;
  let solothurn: { id: string; payableRappen: number };
  let olten: { id: string; payableRappen: number };
  const e2e = (id: string) => id.replaceAll('-', '');
  const chf = (rappen: number) => (rappen / 100).toFixed(2);
  const read = (user: User, xml: string, type = 'application/xml') =>
    t.send(user, 'POST', '/api/v1/payment-notifications', xml, type);
  const statusOf = async (id: string) => (await t.as('ags.koordination', 'GET', `/api/v1/claims/${id}`)).body;

  beforeAll(async () => {
    t = await startSubsidiesApp();
    for (const municipality of [2601, 2581]) {
      const data = firstInformation({ municipality, on: '2031-02-03' });
      await t.publish(FI, data.caseId, data);
    }
    await eventually(
      async () =>
        expect((await t.as('ags.koordination', 'GET', '/api/v1/ledger?period=2031-Q1')).body.items).toHaveLength(2),
      { timeoutMs: 15_000 },
    );
    t.clock.day = '2031-04-01';
    await t.as('ags.koordination', 'POST', '/api/v1/claim-runs');
    const claims = (await t.as('ags.koordination', 'GET', '/api/v1/claims?period=2031-Q1')).body as {
      id: string;
      municipality: number;
      payableRappen: number;
    }[];
    for (const claim of claims) {
      const officer: User = claim.municipality === 2601 ? 'ib.solothurn' : 'ib.olten';
      for (const [user, step] of [
        [officer, 'submit'],
        ['ags.koordination', 'check'],
        ['ags.finanzen', 'approve'],
      ] as const)
        expect((await t.as(user, 'POST', `/api/v1/claims/${claim.id}/${step}`, {})).status).toBe(200);
    }
    expect((await t.as('ags.finanzen', 'POST', '/api/v1/exports')).status).toBe(201);
    solothurn = claims.find((c) => c.municipality === 2601)!;
    olten = claims.find((c) => c.municipality === 2581)!;
  }, 90_000);
  afterAll(async () => {
    await t?.close();
  });

  it('confirms the claim whose end-to-end id and payable amount the booked debit names; says why not for the others', async () => {
    const xml = camt054({
      entries: [
        {
          bookedOn: '2031-04-03',
          txs: [
            { endToEndId: e2e(solothurn.id), amount: chf(solothurn.payableRappen) },
            { endToEndId: e2e(olten.id), amount: chf(olten.payableRappen + 5) },
            { endToEndId: 'FOREIGN-PAYMENT-1', amount: '10.00' },
          ],
        },
      ],
    });
    const r = await read('ags.finanzen', xml);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      payments: 3,
      confirmed: 1,
      lines: [
        {
          endToEndId: e2e(solothurn.id),
          claimId: solothurn.id,
          amountRappen: solothurn.payableRappen,
          outcome: 'confirmed',
          paidOn: '2031-04-03',
        },
        {
          endToEndId: e2e(olten.id),
          claimId: olten.id,
          amountRappen: olten.payableRappen + 5,
          outcome: 'amount-differs',
          paidOn: null,
        },
        {
          endToEndId: 'FOREIGN-PAYMENT-1',
          claimId: null,
          amountRappen: 1000,
          outcome: 'no-claim-reference',
          paidOn: null,
        },
      ],
    });
    expect(await statusOf(solothurn.id)).toMatchObject({ status: 'paid', paidOn: '2031-04-03' });
    expect(await statusOf(olten.id)).toMatchObject({ status: 'exported', paidOn: null });
    await eventually(() =>
      expect(t.emitted('subsidy.claim-paid.v1').map((e) => e.data.claimId)).toEqual([solothurn.id]),
    );
    const audit = await t.sql.query(
      `SELECT actor_username, action, detail FROM audit_record WHERE action IN ('payout.read-camt054', 'claim.confirm-payment') ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      {
        actor_username: 'ags.finanzen',
        action: 'claim.confirm-payment',
        detail: { paidOn: '2031-04-03', source: 'camt.054' },
      },
      { actor_username: 'ags.finanzen', action: 'payout.read-camt054', detail: { payments: 3, confirmed: 1 } },
    ]);

    // The same file again confirms nothing twice; the right amount for Olten then confirms Olten.
    const again = await read('ags.finanzen', xml);
    expect(again.body).toMatchObject({ confirmed: 0, lines: [{ outcome: 'already-paid' }, {}, {}] });
    const corrected = camt054({
      entries: [{ bookedOn: '2031-04-04', txs: [{ endToEndId: e2e(olten.id), amount: chf(olten.payableRappen) }] }],
    });
    expect((await read('ags.finanzen', corrected)).body).toMatchObject({ confirmed: 1 });
    expect(await statusOf(olten.id)).toMatchObject({ status: 'paid', paidOn: '2031-04-04' });
  });

  it('refuses what is not a readable camt.054 with rule S18, a JSON body with 415, and every role but AGS Finanzen', async () => {
    const broken = await read('ags.finanzen', '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><Bk');
    expect(broken.status).toBe(422);
    expect(broken.headers.get('content-type')).toContain('application/problem+json');
    expect(broken.body).toMatchObject({ rule: 'S18', code: 'camt054-unreadable' });
    const json = await t.as('ags.finanzen', 'POST', '/api/v1/payment-notifications', { entries: [] });
    expect(json.status).toBe(415);
    const empty = camt054({ entries: [] });
    for (const user of ['ags.koordination', 'ib.solothurn', 'sr.olten'] as const)
      expect((await read(user, empty)).status).toBe(403);
  });
});
