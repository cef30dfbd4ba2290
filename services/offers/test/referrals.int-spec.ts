import { eventually } from '@si/testing';
import { startOffersApp, type OffersTestApp } from './support/offers-app.js';
import { offerBody, providerBody } from './support/offer-bodies.js';
import { referralDisclosed, referralMade } from './support/case-events.js';

let t: OffersTestApp;
let offerId: string;

beforeAll(async () => {
  t = await startOffersApp();
  await t.call('ags.koordination', 'POST', '/api/v1/providers', providerBody('vhs-solothurn'));
  await t.call('ags.koordination', 'POST', '/api/v1/providers', providerBody('caritas-solothurn'));
  offerId = (await t.call('anbieter.vhs', 'POST', '/api/v1/offers', offerBody())).body.id;
  await t.call('anbieter.vhs', 'POST', `/api/v1/offers/${offerId}/submit`);
  await t.call('ags.koordination', 'POST', `/api/v1/offers/${offerId}/publish`);
}, 60_000);
afterAll(() => t?.close());

async function referred(over: Record<string, unknown> = {}) {
  const data = referralMade(offerId, over);
  await t.publish('case.referral-made.v1', data.caseId, data);
  await eventually(async () => {
    const items = (await t.call('anbieter.vhs', 'GET', '/api/v1/referrals')).body.items as { referralId: string }[];
    if (!items.some((i) => i.referralId === data.referralId)) throw new Error('not yet');
  });
  return data;
}

describe('referrals and participation', () => {
  it("a referral from a case reaches the offer's provider, pseudonymously, and no other provider", async () => {
    const data = await referred();
    const item = (await t.call('anbieter.vhs', 'GET', '/api/v1/referrals')).body.items.find(
      (i: { referralId: string }) => i.referralId === data.referralId,
    );
    expect(item).toEqual({
      referralId: data.referralId,
      caseId: data.caseId,
      personRef: data.personRef,
      municipality: 2601,
      offerId,
      providerId: 'vhs-solothurn',
      category: 'language',
      madeOn: '2026-11-20',
      stage: 'referred',
      person: null,
      stages: [],
    });
    expect((await t.call('anbieter.caritas', 'GET', '/api/v1/referrals')).body.items).toEqual([]);
    const audited = await t.sql.query(`SELECT actor_username, action FROM audit_record WHERE action = 'referral.list'`);
    expect(audited.rows).toEqual(expect.arrayContaining([{ actor_username: 'anbieter.vhs', action: 'referral.list' }]));
  });

  it("shows the person's name and contact only where the case disclosed them with consent, and audits each showing", async () => {
    const withoutConsent = await referred();
    const consented = referralMade(offerId);
    const disclosure = referralDisclosed(consented, offerId);
    // The disclosure may arrive before its referral: it waits for it.
    await t.publish('case.referral-disclosed.v1', consented.caseId, disclosure);
    await t.publish('case.referral-made.v1', consented.caseId, consented);
    const items = async () =>
      (await t.call('anbieter.vhs', 'GET', '/api/v1/referrals')).body.items as {
        referralId: string;
        person: unknown;
      }[];
    await eventually(async () => {
      const shown = (await items()).find((i) => i.referralId === consented.referralId);
      expect(shown?.person).toEqual({ ...disclosure.person, consentOn: '2026-11-20' });
    });
    expect((await items()).find((i) => i.referralId === withoutConsent.referralId)?.person).toBeNull();
    // Another provider sees neither; AGS sees the referral as the curator.
    expect((await t.call('anbieter.caritas', 'GET', '/api/v1/referrals')).body.items).toEqual([]);

    const reads = await t.sql.query(
      `SELECT actor_username, object_id, detail FROM audit_record WHERE action = 'referral.person-read' AND object_id = $1`,
      [consented.referralId],
    );
    expect(reads.rows.length).toBeGreaterThanOrEqual(2);
    expect(reads.rows[0]).toMatchObject({
      actor_username: 'anbieter.vhs',
      detail: { personRef: consented.personRef, fields: ['address', 'email', 'firstName', 'officialName', 'phone'] },
    });
    expect(JSON.stringify(reads.rows)).not.toContain('Tesfay');
    const none = await t.sql.query(
      `SELECT 1 FROM audit_record WHERE action = 'referral.person-read' AND object_id = $1`,
      [withoutConsent.referralId],
    );
    expect(none.rows).toEqual([]);
    // Findable by the person's reference (export, deletion).
    const kept = await t.sql.query('SELECT official_name FROM referral_disclosure WHERE person_ref = $1', [
      consented.personRef,
    ]);
    expect(kept.rows).toEqual([{ official_name: 'Tesfay' }]);
  });

  it('the provider confirms enrolment, attendance and completion; each goes back as a pseudonymous event', async () => {
    const data = await referred();
    for (const [step, on] of [
      ['enrolled', '2026-11-25'],
      ['attending', '2026-11-26'],
      ['completed', '2026-12-01'],
    ] as const) {
      const r = await t.call('anbieter.vhs', 'POST', `/api/v1/referrals/${data.referralId}/participation`, {
        step,
        on,
      });
      expect(r.status).toBe(200);
    }
    await eventually(() => {
      const events = t.emitted('offer.participation-recorded.v1').filter((e) => e.data.referralId === data.referralId);
      expect(events.map((e) => e.data.step)).toEqual(['enrolled', 'attending', 'completed']);
      expect(events[2]!.data).toEqual({
        referralId: data.referralId,
        caseId: data.caseId,
        personRef: data.personRef,
        municipality: 2601,
        offerId,
        providerId: 'vhs-solothurn',
        category: 'language',
        step: 'completed',
        on: '2026-12-01',
      });
    });
    const again = await t.call('anbieter.vhs', 'POST', `/api/v1/referrals/${data.referralId}/participation`, {
      step: 'attending',
      on: '2026-12-01',
    });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('PA2');
  });

  it('another provider cannot confirm (PA1), and the refusal is audited', async () => {
    const data = await referred();
    const r = await t.call('anbieter.caritas', 'POST', `/api/v1/referrals/${data.referralId}/participation`, {
      step: 'enrolled',
      on: '2026-11-25',
    });
    expect(r.status).toBe(403);
    expect(r.body.rule).toBe('PA1');
    const denied = await t.sql.query(
      `SELECT outcome FROM audit_record WHERE action = 'referral.confirm' AND object_id = $1`,
      [data.referralId],
    );
    expect(denied.rows).toEqual([{ outcome: 'denied' }]);
  });

  it('a referral to an offer unknown here, or to a regular structure, is not kept', async () => {
    const unknown = referralMade('00000000-0000-4000-8000-000000000000');
    await t.publish('case.referral-made.v1', unknown.caseId, unknown);
    const structure = referralMade(offerId, { target: { kind: 'regular-structure', structure: 'school' } });
    await t.publish('case.referral-made.v1', structure.caseId, structure);
    const marker = await referred();
    const ids = (await t.call('ags.koordination', 'GET', '/api/v1/referrals')).body.items.map(
      (i: { referralId: string }) => i.referralId,
    );
    expect(ids).toContain(marker.referralId);
    expect(ids).not.toContain(unknown.referralId);
    expect(ids).not.toContain(structure.referralId);
  });
});
