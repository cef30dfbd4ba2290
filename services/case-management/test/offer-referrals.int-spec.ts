import { randomUUID } from 'node:crypto';
import { eventually } from '@si/testing';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { bodies, openCase } from './support/case-flow.js';
import { daysAgo } from './support/person-events.js';

let t: CaseTestApp;
beforeAll(async () => {
  t = await startCaseApp();
}, 60_000);
afterAll(() => t?.close());

const published = (offerId: string, version = 1) => ({
  offerId,
  providerId: 'vhs-solothurn',
  version,
  publishedOn: daysAgo(10),
  category: 'language',
  title: 'Französischkurs A1',
  originalLanguage: 'de',
  municipalities: [2601],
  online: false,
  startsOn: daysAgo(5),
  endsOn: daysAgo(-90),
  subsidised: true,
});

async function informedCase() {
  const { caseId, personRef } = await openCase(t);
  const r = await t.call('ib.solothurn', 'POST', `/api/v1/cases/${caseId}/first-information/talk`, bodies.talk());
  expect(r.status).toBe(200);
  return { caseId, personRef };
}

async function known(offerId: string, status: string) {
  await eventually(async () => {
    const rows = (await t.sql.query('SELECT status FROM offer_catalogue WHERE offer_id = $1', [offerId])).rows;
    if (rows[0]?.status !== status) throw new Error('catalogue not updated yet');
  });
}

describe('referrals to offers of the Angebotsplattform (CM8)', () => {
  it('accepts a published offer and refuses an unknown or withdrawn one, naming CM8', async () => {
    const offerId = randomUUID();
    const { caseId } = await informedCase();
    const unknown = await t.call(
      'ib.solothurn',
      'POST',
      `/api/v1/cases/${caseId}/referrals`,
      bodies.referral({ target: { kind: 'offer', offerId } }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ rule: 'CM8', code: 'offer-unknown' });

    await t.publish('offer.published.v1', offerId, published(offerId));
    await known(offerId, 'published');
    const ok = await t.call(
      'ib.solothurn',
      'POST',
      `/api/v1/cases/${caseId}/referrals`,
      bodies.referral({ target: { kind: 'offer', offerId } }),
    );
    expect(ok.status).toBe(200);

    await t.publish('offer.withdrawn.v1', offerId, {
      offerId,
      providerId: 'vhs-solothurn',
      withdrawnOn: daysAgo(0),
      reason: 'withdrawn',
    });
    await known(offerId, 'withdrawn');
    // A late re-publication of an older version does not revive a withdrawn offer.
    await t.publish('offer.published.v1', offerId, published(offerId, 1));
    const refused = await t.call(
      'ib.solothurn',
      'POST',
      `/api/v1/cases/${caseId}/referrals`,
      bodies.referral({ target: { kind: 'offer', offerId } }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'CM8', code: 'offer-withdrawn' });
  });

  it("sends name and contact to the offer's provider only where the officer recorded the person's consent (audited)", async () => {
    const offerId = randomUUID();
    await t.publish('offer.published.v1', offerId, published(offerId));
    await known(offerId, 'published');
    const { caseId } = await informedCase();
    const refer = (over: Record<string, unknown>) =>
      t.call(
        'ib.solothurn',
        'POST',
        `/api/v1/cases/${caseId}/referrals`,
        bodies.referral({ target: { kind: 'offer', offerId }, ...over }),
      );
    const without = await refer({});
    expect(without.status).toBe(200);
    expect(without.body.referrals.at(-1).disclosureConsent).toBe(false);
    const consented = await refer({ disclosureConsent: true });
    expect(consented.status).toBe(200);
    const referralId = consented.body.referrals.at(-1).referralId as string;
    expect(consented.body.referrals.at(-1).disclosureConsent).toBe(true);

    await eventually(() =>
      expect(t.emitted('case.referral-disclosed.v1').filter((e) => e.subject === caseId)).toHaveLength(1),
    );
    const [disclosed] = t.emitted('case.referral-disclosed.v1').filter((e) => e.subject === caseId);
    expect(disclosed!.data).toMatchObject({
      referralId,
      caseId,
      offerId,
      person: { officialName: 'Tesfay', firstName: 'Senait', address: expect.objectContaining({ town: 'Solothurn' }) },
    });
    // The pseudonymous referral events (to reporting and subsidies as well) never carry the name.
    await eventually(() =>
      expect(t.emitted('case.referral-made.v1').filter((e) => e.subject === caseId)).toHaveLength(2),
    );
    for (const e of t.emitted('case.referral-made.v1')) expect(JSON.stringify(e.data)).not.toContain('Tesfay');
    const audit = (
      await t.sql.query(
        `SELECT recipient, detail FROM audit_record WHERE action = 'case.make-referral' AND object_id = $1 ORDER BY id`,
        [caseId],
      )
    ).rows;
    expect(audit).toHaveLength(2);
    expect(audit[0].recipient).toBeNull();
    expect(audit[1].recipient).toBe(`offer:${offerId}`);
    expect(audit[1].detail.disclosedPersonFields).toEqual(['address', 'email', 'firstName', 'officialName', 'phone']);
    expect(JSON.stringify(audit[1].detail)).not.toContain('Tesfay');

    const freeText = await refer({ target: { kind: 'free-text', text: 'Quartiertreff' }, disclosureConsent: true });
    expect(freeText.status).toBe(422);
    expect(freeText.body).toMatchObject({ rule: 'R3' });
    expect(JSON.stringify(freeText.body)).toContain('disclosureConsent');
  });

  it("the provider's confirmations move the referral's status to completed, with the steps in between", async () => {
    const offerId = randomUUID();
    await t.publish('offer.published.v1', offerId, published(offerId));
    await known(offerId, 'published');
    const { caseId, personRef } = await informedCase();
    const made = await t.call(
      'ib.solothurn',
      'POST',
      `/api/v1/cases/${caseId}/referrals`,
      bodies.referral({ target: { kind: 'offer', offerId } }),
    );
    const referralId = made.body.referrals.at(-1).referralId as string;
    const step = (s: string, on: string) =>
      t.publish('offer.participation-recorded.v1', referralId, {
        referralId,
        caseId,
        personRef,
        municipality: 2601,
        offerId,
        providerId: 'vhs-solothurn',
        category: 'language',
        step: s,
        on,
      });
    await step('attending', daysAgo(2));
    await step('completed', daysAgo(1));
    await eventually(async () => {
      const r = await t.call('ib.solothurn', 'GET', `/api/v1/cases/${caseId}`);
      const referral = r.body.referrals.find((x: { referralId: string }) => x.referralId === referralId);
      expect(referral.status).toBe('completed');
      expect(referral.statusHistory.map((h: { status: string }) => h.status)).toEqual([
        'proposed',
        'agreed',
        'started',
        'completed',
      ]);
    });
  });
});
