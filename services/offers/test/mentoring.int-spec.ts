import { eventually } from '@si/testing';
import { startOffersApp, type OffersTestApp } from './support/offers-app.js';
import { mentorBody, requestBody } from './support/mentoring-bodies.js';

let t: OffersTestApp;
const mentors: Record<string, string> = {};

beforeAll(async () => {
  t = await startOffersApp();
  for (const [name, over] of [
    ['Anna Keller', {}],
    ['Beat Frei', { gender: 'male' }],
    ['Carla Rossi', { municipality: 2500, interests: [] }],
    ['Dora Graf', { capacity: 2, availability: ['sa-morning', 'su-afternoon'] }],
  ] as const) {
    const r = await t.call('mp.olten', 'POST', '/api/v1/mentoring/pools/olten/mentors', mentorBody(name, over));
    expect(r.status).toBe(201);
    mentors[name] = r.body.id;
  }
}, 60_000);
afterAll(() => t?.close());

describe('Mentoring-Pools', () => {
  it("officers and the Sozialregion ask the pool of their municipality's region; others are refused (MP1)", async () => {
    expect((await t.call('ib.olten', 'POST', '/api/v1/mentoring/requests', requestBody())).body.poolId).toBe('olten');
    expect((await t.call('sr.olten', 'POST', '/api/v1/mentoring/requests', requestBody())).status).toBe(201);
    const foreign = await t.call('ib.solothurn', 'POST', '/api/v1/mentoring/requests', requestBody());
    expect(foreign.status).toBe(403);
    expect(foreign.body.rule).toBe('MP1');
    expect((await t.call('mp.olten', 'GET', '/api/v1/mentoring/pools/solothurn/mentors')).status).toBe(404);
    const noConsent = await t.call('mp.olten', 'POST', '/api/v1/mentoring/pools/olten/mentors', {
      ...mentorBody('Eva Huber'),
      consentOn: undefined,
    });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body).toMatchObject({ rule: 'MP2', errors: [expect.objectContaining({ pointer: '/consentOn' })] });
  });

  it('suggests mentors ranked with reasons, never a man for a request that requires a woman (MP3); reads are audited', async () => {
    const request = (await t.call('ib.olten', 'POST', '/api/v1/mentoring/requests', requestBody())).body;
    const r = await t.call('mp.olten', 'GET', `/api/v1/mentoring/requests/${request.id}/suggestions`);
    expect(r.status).toBe(200);
    const ids = r.body.items.map((s: { mentorId: string }) => s.mentorId);
    expect(ids).not.toContain(mentors['Beat Frei']);
    // Anna and Dora score alike (same place, languages, slot and interests; ties go by id); Carla is farther, without interests.
    expect(new Set(ids.slice(0, 2))).toEqual(new Set([mentors['Anna Keller'], mentors['Dora Graf']]));
    expect(ids[2]).toBe(mentors['Carla Rossi']);
    expect(r.body.items[0].score).toBe(r.body.items[1].score);
    expect(r.body.items[0].reasons.map((x: { kind: string }) => x.kind)).toEqual([
      'languages',
      'distance',
      'availability',
      'interests',
    ]);
    expect(r.body.items[0].score).toBeGreaterThanOrEqual(r.body.items.at(-1).score);
    const audit = await t.sql.query(
      `SELECT actor_username FROM audit_record WHERE action = 'mentor.suggest' AND object_id = $1`,
      [request.id],
    );
    expect(audit.rows).toEqual([{ actor_username: 'mp.olten' }]);
    expect((await t.call('ib.olten', 'GET', `/api/v1/mentoring/requests/${request.id}/suggestions`)).status).toBe(403);
  });

  it('proposes the optimal assignment of the open requests; a tandem goes proposed → active → ended with pseudonymous events', async () => {
    const plan = (await t.call('mp.olten', 'GET', '/api/v1/mentoring/pools/olten/assignment')).body;
    const used = plan.assignments
      .filter((a: { mentorId: string | null }) => a.mentorId)
      .map((a: { mentorId: string }) => a.mentorId);
    // Dora has room for two, Anna and Carla for one each; Beat is never a match for these requests.
    expect(used).not.toContain(mentors['Beat Frei']);
    expect(used.filter((m: string) => m === mentors['Anna Keller'])).toHaveLength(1);
    const first = plan.assignments.find((a: { mentorId: string | null }) => a.mentorId);

    const tandem = (
      await t.call('mp.olten', 'POST', '/api/v1/mentoring/tandems', {
        requestId: first.requestId,
        mentorId: first.mentorId,
      })
    ).body;
    expect(tandem.status).toBe('proposed');
    const ended = await t.call('mp.olten', 'POST', `/api/v1/mentoring/tandems/${tandem.id}/end`, {
      on: '2026-12-01',
      reason: 'completed',
      outcome: 'goals-reached',
    });
    expect(ended.body.rule).toBe('MP4');
    expect(
      (await t.call('mp.olten', 'POST', `/api/v1/mentoring/tandems/${tandem.id}/activate`, { on: '2026-11-01' })).body
        .status,
    ).toBe('active');
    await t.call('mp.olten', 'POST', `/api/v1/mentoring/tandems/${tandem.id}/check-ins`, {
      on: '2026-11-15',
      note: 'Erstes Treffen gut verlaufen.',
    });
    expect(
      (
        await t.call('mp.olten', 'POST', `/api/v1/mentoring/tandems/${tandem.id}/end`, {
          on: '2026-12-01',
          reason: 'completed',
          outcome: 'goals-reached',
        })
      ).body.status,
    ).toBe('ended');
    await eventually(() => {
      expect(t.emitted('mentoring.tandem-activated.v1').map((e) => e.data.tandemId)).toContain(tandem.id);
      const end = t.emitted('mentoring.tandem-ended.v1').find((e) => e.data.tandemId === tandem.id);
      expect(end?.data).toMatchObject({
        poolId: 'olten',
        municipality: 2581,
        menteeRef: 'p-7a1b2c3d4e5f',
        mentorRef: first.mentorId,
        reason: 'completed',
        outcome: 'goals-reached',
        checkIns: 1,
      });
      expect(JSON.stringify(end?.data)).not.toContain('Keller');
    });
  });

  it('refuses a tandem that breaks a hard constraint (MP3)', async () => {
    const request = (await t.call('ib.olten', 'POST', '/api/v1/mentoring/requests', requestBody())).body;
    const r = await t.call('mp.olten', 'POST', '/api/v1/mentoring/tandems', {
      requestId: request.id,
      mentorId: mentors['Beat Frei'],
    });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ rule: 'MP3', details: { violation: 'mentor gender must be female' } });
  });
});
