import { eventually } from '@si/testing';
import { daysAgo } from './support/case-bodies.js';
import { handoverData } from './support/handover-event.js';
import { startDfpaApp, type DfpaTestApp } from './support/dfpa-app.js';
import { takeOverIn } from './support/take-over.js';

/** Points 1 and 2: hand-overs reach only their region; the inbox, take-over, rejection and the overdue reminder. */
describe('dfpa hand-overs (instance serving Olten only)', () => {
  let t: DfpaTestApp;

  beforeAll(async () => {
    t = await startDfpaApp({ regions: 'olten' });
  });
  afterAll(() => t?.close());

  const inbox = async () =>
    (await t.as('sr.olten', 'GET', '/api/v1/handovers')).body.items as {
      handoverId: string;
      overdue: boolean;
      reminded: boolean;
      person: { officialName: string };
    }[];

  it("delivers an Olten hand-over to Olten's inbox and never receives, stores or consumes Thal-Gäu's (point 1)", async () => {
    const olten = handoverData('olten');
    const thal = handoverData('thal-gaeu');
    await t.publishHandover(thal);
    await t.publishHandover(olten);
    await eventually(async () => expect((await inbox()).map((h) => h.handoverId)).toContain(olten.handoverId));
    const mine = (await inbox()).find((h) => h.handoverId === olten.handoverId)!;
    expect(mine.person.officialName).toBe('Tesfay');
    // Thal-Gäu's hand-over waits in Thal-Gäu's own queue for Thal-Gäu's instance; this one never saw it.
    await eventually(async () => expect(await t.waiting('dfpa.handovers.thal-gaeu')).toBe(1));
    expect(await t.waiting('dfpa.handovers.olten')).toBe(0);
    const stored = await t.sql.query('SELECT sozialregion_id FROM handover');
    expect(stored.rows).toEqual([{ sozialregion_id: 'olten' }]);
    const received = await t.sql.query(
      `SELECT count(*)::int AS n FROM audit_record WHERE action = 'dfpa.handover.received' AND object_id = $1`,
      [thal.handoverId],
    );
    expect(received.rows[0].n).toBe(0);
  });

  it("closes Olten's DFPA case on the closing of its municipal case, which never reaches Thal-Gäu's queue (issue 11 point 5)", async () => {
    const { h, id } = await takeOverIn(t);
    const closed = (caseId: string, sozialregionId: string) => ({
      caseId,
      personRef: h.person.personRef,
      municipality: 2581,
      attributes: {
        nationality: { bfsCode: 8362, iso2: 'ER' },
        permitCode: '0503',
        permitAusweis: 'F',
        euEfta: false,
        familyOfSwiss: false,
        sex: 'female',
        birthYear: 1994,
        language: 'tir',
      },
      closedOn: daysAgo(0),
      reason: 'departed-abroad',
      phase: 'foerdern',
      firstInformationOutcome: 'completed',
      sozialregionId,
    });
    const thalBefore = await t.waiting('dfpa.handovers.thal-gaeu');
    const thalCase = handoverData('thal-gaeu').caseId;
    await t.publishCaseEvent('case.closed.v1', h.caseId, closed(h.caseId, 'olten'));
    await t.publishCaseEvent('case.closed.v1', thalCase, closed(thalCase, 'thal-gaeu'));
    // The Olten instance hears the closing of the case it leads and closes its DFPA case.
    await eventually(async () =>
      expect((await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`)).body).toMatchObject({
        status: 'closed',
        exit: { kind: 'closed', reason: 'departure' },
      }),
    );
    // Thal-Gäu's queue, the only one a Thal-Gäu instance reads, gets Thal-Gäu's closing and not Olten's; Olten's is consumed.
    await eventually(async () => expect(await t.waiting('dfpa.handovers.thal-gaeu')).toBe(thalBefore + 1));
    expect(await t.waiting('dfpa.handovers.olten')).toBe(0);
  });

  it('refuses staff of a region this instance does not serve, as it refuses other roles (R25)', async () => {
    const refused = await t.as('sr.thal-gaeu', 'GET', '/api/v1/handovers');
    expect(refused.status).toBe(403);
    expect(refused.body.rule).toBe('R25');
    expect((await t.as('ib.olten', 'GET', '/api/v1/handovers')).status).toBe(403);
  });

  it('takes a hand-over over: a DFPA case with its caseworker, dfpa.case-accepted.v1 with the region attribute, and only once (DF1)', async () => {
    const h = handoverData('olten');
    await t.publishHandover(h);
    await eventually(async () => expect((await inbox()).map((x) => x.handoverId)).toContain(h.handoverId));
    const accepted = await t.as('sr.olten', 'POST', `/api/v1/handovers/${h.handoverId}/acceptance`, {
      caseworker: 'sr.olten',
    });
    expect(accepted.status).toBe(201);
    expect((await inbox()).map((x) => x.handoverId)).not.toContain(h.handoverId);
    const event = await eventually(() => {
      const e = t.emitted('dfpa.case-accepted.v1').find((x) => x.subject === h.caseId);
      if (!e) throw new Error('not emitted yet');
      return e;
    });
    expect(event.sozialregionid).toBe('olten');
    expect(event.data).toMatchObject({
      handoverId: h.handoverId,
      caseId: h.caseId,
      sozialregionId: 'olten',
      dfpaCaseRef: accepted.body.dfpaCaseId,
    });
    const again = await t.as('sr.olten', 'POST', `/api/v1/handovers/${h.handoverId}/acceptance`, {
      caseworker: 'sr.olten',
    });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('DF1');
    const opened = await t.as('sr.olten', 'GET', `/api/v1/cases/${accepted.body.dfpaCaseId}`);
    expect(opened.body).toMatchObject({
      status: 'active',
      progress: 'accepted',
      caseworkers: ['sr.olten'],
      caseId: h.caseId,
      person: { officialName: 'Tesfay' },
    });
  });

  it('sends a hand-over back with a coded reason (dfpa.case-rejected.v1) and refuses unknown reasons naming the field', async () => {
    const h = handoverData('olten');
    await t.publishHandover(h);
    await eventually(async () => expect((await inbox()).map((x) => x.handoverId)).toContain(h.handoverId));
    const bad = await t.as('sr.olten', 'POST', `/api/v1/handovers/${h.handoverId}/rejection`, {
      reasonCode: 'keine-lust',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.detail).toContain('reasonCode');
    const rejected = await t.as('sr.olten', 'POST', `/api/v1/handovers/${h.handoverId}/rejection`, {
      reasonCode: 'not-in-target-group',
      reason: 'Kein Integrationsbedarf im Sinne der IAS.',
    });
    expect(rejected.status).toBe(200);
    await eventually(() =>
      expect(t.emitted('dfpa.case-rejected.v1').find((e) => e.subject === h.caseId)?.data).toMatchObject({
        reasonCode: 'not-in-target-group',
        sozialregionId: 'olten',
      }),
    );
    expect((await inbox()).map((x) => x.handoverId)).not.toContain(h.handoverId);
  });

  it('answers 404 for a hand-over that does not exist or belongs elsewhere, 400 for a malformed id', async () => {
    expect((await t.as('sr.olten', 'GET', '/api/v1/handovers/0d3f6a1c-2b4e-4f8a-9c1d-7e6f5a4b3c2d')).status).toBe(404);
    const malformed = await t.as('sr.olten', 'GET', '/api/v1/handovers/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.rule).toBe('DF4');
  });

  it('shows an unanswered hand-over as overdue after 10 working days and reminds the region once (job or sweep)', async () => {
    const h = handoverData('olten');
    await t.publishHandover(h);
    await eventually(async () => expect((await inbox()).map((x) => x.handoverId)).toContain(h.handoverId));
    const before = (await inbox()).find((x) => x.handoverId === h.handoverId)!;
    expect(before).toMatchObject({ overdue: false, reminded: false });
    t.clock.advanceDays(15); // 10 working days are at least 14 calendar days
    const sweep = t.app.get((await import('../src/dfpa/jobs/deadline-queue.js')).DeadlineQueue);
    expect(await sweep.sweep()).toBeGreaterThanOrEqual(1);
    expect(await sweep.sweep()).toBe(0);
    const after = (await inbox()).find((x) => x.handoverId === h.handoverId)!;
    expect(after).toMatchObject({ overdue: true, reminded: true });
  });

  it('pages the inbox oldest first by cursor and audits each read with exactly the hand-overs it showed', async () => {
    const published = [handoverData('olten'), handoverData('olten'), handoverData('olten')];
    for (const handover of published) await t.publishHandover(handover);
    // The whole inbox once all three have arrived (the earlier tests' hand-overs are in it too).
    const all = await eventually(async () => {
      const ids = (await inbox()).map((h) => h.handoverId);
      expect(ids).toEqual(expect.arrayContaining(published.map((h) => h.handoverId)));
      return ids;
    });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { status: number; body: { items: { handoverId: string }[]; next: string | null } } = await t.as(
        'sr.olten',
        'GET',
        `/api/v1/handovers?limit=3${after ? `&after=${after}` : ''}`,
      );
      expect(page.status).toBe(200);
      const shown = page.body.items.map((h) => h.handoverId);
      const audit = await t.sql.query(
        `SELECT actor_username, outcome, object_id, detail FROM audit_record WHERE action = 'dfpa.handover.list' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit.rows[0]).toMatchObject({
        actor_username: 'sr.olten',
        outcome: 'granted',
        object_id: 'sozialregion=olten',
        detail: { handovers: shown },
      });
      seen.push(...shown);
      after = page.body.next;
    } while (after);
    expect(seen).toEqual(all);
    const broken = await t.as('sr.olten', 'GET', '/api/v1/handovers?after=bm9uc2Vuc2U');
    expect(broken.status).toBe(422);
    expect(broken.body.detail).toContain('after');
  });
});
