import { eventually } from '@si/testing';
import { bodies, daysAgo } from './support/case-bodies.js';
import { startDfpaApp, type DfpaTestApp } from './support/dfpa-app.js';
import { takeOverIn } from './support/take-over.js';

/**
 * Point 5, the person moves: to another municipality (case.transferred.v1, the case stays and notes it) and to another
 * Sozialregion (the case goes back to the municipality to be handed to the new region; this region keeps only what
 * it must). The whole way through case-management to the new region: test/e2e/dfpa-handover.e2e-spec.ts.
 */
describe('dfpa case: the person moves', () => {
  let t: DfpaTestApp;

  beforeAll(async () => {
    t = await startDfpaApp({ regions: 'olten,thal-gaeu' });
  });
  afterAll(() => t?.close());

  const takeOver = () => takeOverIn(t);

  it('moves a case to another region: back to the municipality with person-moved and the new region; keeps references, history, assessments without health, plan and measures; erases the person, the hand-over request and health (point 5)', async () => {
    const { h, id } = await takeOver();
    expect((await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/assessments`, bodies.assessment())).status).toBe(201);
    expect((await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/plans`, bodies.plan())).status).toBe(201);
    expect((await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/measures`, bodies.measure())).status).toBe(201);
    const health = async () =>
      (await t.sql.query('SELECT count(*)::int AS n FROM assessment_health WHERE dfpa_case_id = $1', [id])).rows[0].n;
    expect(await health()).toBe(1);

    const sameRegion = await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/move`, {
      toSozialregion: 'olten',
      movedOn: daysAgo(0),
    });
    expect(sameRegion.status).toBe(422);
    expect(sameRegion.body.rule).toBe('R25');

    const moved = await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/move`, {
      toSozialregion: 'thal-gaeu',
      movedOn: daysAgo(0),
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('moved');

    // What the region keeps: references, the history, the assessment (levels, no health), the plan and its measures.
    const detail = await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`);
    expect(detail.body).toMatchObject({
      dfpaCaseId: id,
      caseId: h.caseId,
      handoverId: h.handoverId,
      personRef: h.person.personRef,
      person: null,
      name: null,
      status: 'moved',
      exit: { kind: 'moved', toSozialregion: 'thal-gaeu' },
      plan: { version: 1 },
      measures: [expect.objectContaining({ costRappen: bodies.measure().costRappen })],
    });
    expect(detail.body.assessments).toHaveLength(1);
    expect(detail.body.assessments[0].health).toBeNull();
    expect(detail.body.history.at(-1)).toMatchObject({
      action: 'moved-to-region',
      details: { toSozialregion: 'thal-gaeu', erased: ['person', 'handover-request', 'health'] },
    });
    // What it erases: the person in the case, the hand-over as received (but who sent it), the health constraints.
    expect(await health()).toBe(0);
    const request = (
      await t.sql.query('SELECT request, person_ref FROM handover WHERE handover_id = $1', [h.handoverId])
    ).rows[0];
    expect(request.request).toEqual({
      person: { personRef: h.person.personRef },
      requestedBy: h.requestedBy,
      contact: h.contact,
    });
    const stored = JSON.stringify(
      (await t.sql.query('SELECT state FROM dfpa_case WHERE dfpa_case_id = $1', [id])).rows[0].state,
    );
    for (const personal of [h.person.officialName, h.person.firstName, h.person.dateOfBirth, 'Rückenbeschwerden'])
      expect(stored).not.toContain(personal);

    // The municipality gets the case back with the new region, to hand it over there; closed here as moved.
    const returned = await eventually(() => {
      const e = t.emitted('dfpa.case-returned.v1').find((x) => x.subject === h.caseId);
      if (!e) throw new Error('not yet');
      return e;
    });
    expect(returned.sozialregionid).toBe('olten');
    expect(returned.data).toMatchObject({
      handoverId: h.handoverId,
      reasonCode: 'person-moved',
      toSozialregion: 'thal-gaeu',
    });
    expect(JSON.stringify(returned.data)).not.toContain(h.person.officialName);
    await eventually(() =>
      expect(t.emitted('dfpa.case-closed.v1').find((x) => x.subject === id)?.data).toMatchObject({
        exitReason: 'moved-to-region',
        toSozialregion: 'thal-gaeu',
      }),
    );
    // A moved case changes no more.
    const after = await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/rav-reports`, { reportedOn: daysAgo(0) });
    expect(after.status).toBe(409);
  });

  it('follows a move of the person to another municipality (case.transferred.v1): the history names the new region', async () => {
    const { h, id } = await takeOver();
    await t.publishCaseEvent('case.transferred.v1', h.caseId, {
      caseId: h.caseId,
      personRef: h.person.personRef,
      municipality: 2401,
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
      fromMunicipality: 2581,
      toMunicipality: 2401,
      movedOn: daysAgo(0),
      status: 'at-sozialregion',
      firstInformationDue: null,
      sozialregionId: 'olten',
    });
    const entry = await eventually(async () => {
      const e = (await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`)).body.history.find(
        (x: { action: string }) => x.action === 'municipality-changed',
      );
      if (!e) throw new Error('not yet');
      return e;
    });
    expect(entry.details).toMatchObject({ from: 2581, to: 2401, toSozialregion: 'thal-gaeu', otherRegion: true });
    expect((await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`)).body).toMatchObject({
      status: 'active',
      municipality: 2401,
    });
  });
});
