import { eventually } from '@si/testing';
import { bodies, daysAgo } from './support/case-bodies.js';
import { handoverData } from './support/handover-event.js';
import { startDfpaApp, type DfpaTestApp } from './support/dfpa-app.js';
import { takeOverIn } from './support/take-over.js';

/** Points 2–5 and 8: the DFPA case from take-over to return or closure; events pseudonymous; health protected. */
describe('dfpa case', () => {
  let t: DfpaTestApp;

  beforeAll(async () => {
    t = await startDfpaApp({ regions: 'olten,thal-gaeu' });
  });
  afterAll(() => t?.close());

  const takeOver = (region = 'olten', caller: 'sr.olten' | 'sr.thal-gaeu' = 'sr.olten') =>
    takeOverIn(t, region, caller);

  it("records versioned assessments; health only for the case's own caseworkers, never in events or for the region's system (R9, R22)", async () => {
    const { id } = await takeOver();
    expect((await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/assessments`, bodies.assessment())).status).toBe(201);
    const second = await t.as(
      'sr.olten',
      'POST',
      `/api/v1/cases/${id}/assessments`,
      bodies.assessment({ yearsOfSchooling: 10, health: undefined }),
    );
    expect(second.status).toBe(201);
    expect(second.body.progress).toBe('assessment-done');

    const own = await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`);
    expect(own.body.assessments.map((a: { version: number }) => a.version)).toEqual([2, 1]);
    expect(own.body.assessments[1].languages[1]).toEqual({
      language: 'de',
      oral: 'A2',
      written: 'A1',
      evidence: 'fide',
      assessedOn: daysAgo(3),
    });
    expect(own.body.assessments[1].health).toEqual({
      restriction: 'under-clarification',
      workCapacityPercent: 80,
      note: 'Rückenbeschwerden, Abklärung beim Hausarzt',
    });

    const system = await t.as('sr-olten-connector', 'GET', `/api/v1/cases/${id}`);
    expect(system.status).toBe(200);
    expect(JSON.stringify(system.body)).not.toContain('Rückenbeschwerden');
    expect(system.body.assessments[1].health).toBeUndefined();

    const event = await eventually(() => {
      const e = t
        .emitted('dfpa.assessment-completed.v1')
        .find((x) => x.subject === id && x.data.assessmentVersion === 1);
      if (!e) throw new Error('not yet');
      return e;
    });
    expect(event.data).toMatchObject({
      employability: 'arbeitsmarktfaehig',
      schoolingOverSixYears: true,
      languages: [
        { language: 'ti', oral: 'C2', written: 'B2' },
        { language: 'de', oral: 'A2', written: 'A1' },
      ],
    });
    const read = await t.sql.query(
      `SELECT detail FROM audit_record WHERE action = 'dfpa.case.read' AND object_id = $1 ORDER BY id`,
      [id],
    );
    expect(read.rows.map((r) => r.detail.health)).toEqual([true, false]);
  });

  it('refuses an assessment that mixes oral and written or lacks the date of employability, naming the field and rule', async () => {
    const { id } = await takeOver();
    const bad = await t.as(
      'sr.olten',
      'POST',
      `/api/v1/cases/${id}/assessments`,
      bodies.assessment({ languages: [{ language: 'de', level: 'A2', evidence: 'fide', assessedOn: daysAgo(1) }] }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ rule: 'R9', details: { field: 'languages[0].oral' } });
    const noDate = await t.as(
      'sr.olten',
      'POST',
      `/api/v1/cases/${id}/assessments`,
      bodies.assessment({ employability: { status: 'arbeitsmarktfaehig' } }),
    );
    expect(noDate.body).toMatchObject({ rule: 'R19b', details: { field: 'employability.assessedOn' } });
    const plan = await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/plans`, bodies.plan());
    expect(plan.status).toBe(409);
    expect(plan.body.code).toBe('plan-before-assessment');
  });

  it('agrees a plan, runs measures with review and end deadlines, reports to the RAV and records a placement (points 4, 5, 8)', async () => {
    const { id } = await takeOver();
    await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/assessments`, bodies.assessment());
    expect((await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/plans`, bodies.plan())).body.progress).toBe(
      'plan-active',
    );
    const both = await t.as(
      'sr.olten',
      'POST',
      `/api/v1/cases/${id}/measures`,
      bodies.measure({ structure: 'berufsbildung' }),
    );
    expect(both.body.rule).toBe('R3');
    const francs = await t.as(
      'sr.olten',
      'POST',
      `/api/v1/cases/${id}/measures`,
      bodies.measure({ costRappen: 1800.5 }),
    );
    expect(francs.body).toMatchObject({ rule: 'DF3', details: { field: 'costRappen' } });
    expect((await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/measures`, bodies.measure())).status).toBe(201);
    const detail = await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`);
    const measureId = detail.body.measures[0].measureId as string;
    expect(detail.body.deadlines.map((d: { kind: string }) => d.kind).sort()).toEqual(['measure-end', 'plan-review']);
    expect(
      (
        await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/measures/${measureId}/status`, {
          status: 'running',
          on: daysAgo(0),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/measures/${measureId}/status`, {
          status: 'ended',
          on: daysAgo(0),
        })
      ).status,
    ).toBe(200);
    expect((await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/reviews`, bodies.review())).status).toBe(201);
    expect((await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/rav-reports`, { reportedOn: daysAgo(0) })).status).toBe(
      201,
    );
    expect(
      (
        await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/placements`, {
          placedOn: daysAgo(0),
          kind: 'apprenticeship',
        })
      ).status,
    ).toBe(201);
    const after = await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`);
    expect(after.body.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['plan-review']);
    for (const type of [
      'dfpa.plan-agreed.v1',
      'dfpa.measure-started.v1',
      'dfpa.measure-ended.v1',
      'dfpa.rav-reported.v1',
      'dfpa.placement-recorded.v1',
    ]) {
      await eventually(() => expect(t.emitted(type).some((e) => e.subject === id)).toBe(true));
    }
    expect(t.emitted('dfpa.measure-started.v1').find((e) => e.subject === id)?.data).toMatchObject({
      kipArea: 'sprache',
      offerId: 'offer-1234',
      structure: null,
      costRappen: 180000,
    });
  });

  it('changes caseworkers (health follows them), returns the case to the municipality and then refuses changes (DF2)', async () => {
    const { h, id } = await takeOver();
    await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/assessments`, bodies.assessment());
    expect(
      (await t.as('sr.olten', 'PUT', `/api/v1/cases/${id}/caseworkers`, { caseworkers: ['m.keller'] })).status,
    ).toBe(200);
    expect((await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`)).body.assessments[0].health).toBeUndefined();
    const back = await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/return`, {
      reasonCode: 'goals-reached',
      reason: 'Lehrstelle angetreten.',
    });
    expect(back.body.status).toBe('returned');
    await eventually(() =>
      expect(t.emitted('dfpa.case-returned.v1').find((e) => e.subject === h.caseId)?.data).toMatchObject({
        handoverId: h.handoverId,
        reasonCode: 'goals-reached',
        sozialregionId: 'olten',
      }),
    );
    const late = await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/assessments`, bodies.assessment());
    expect(late.status).toBe(409);
    expect(late.body.rule).toBe('DF2');
  });

  it('opens a case directly for an assigned VA/FL person, closes it with an exit reason; it cannot be returned (R16)', async () => {
    const opened = await t.as('sr.thal-gaeu', 'POST', '/api/v1/cases', {
      personRef: 'p-va-0001',
      caseworker: 'sr.thal-gaeu',
      assignedOn: daysAgo(2),
      municipality: 2401,
      person: {
        officialName: 'Haidari',
        firstName: 'Omid',
        dateOfBirth: '2001-05-05',
        sex: 'male',
        permitCode: '0503',
      },
    });
    expect(opened.status).toBe(201);
    const id = opened.body.dfpaCaseId as string;
    expect(opened.body).toMatchObject({ origin: 'direct', sozialregionId: 'thal-gaeu', caseId: null });
    expect((await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`)).status).toBe(404);
    const back = await t.as('sr.thal-gaeu', 'POST', `/api/v1/cases/${id}/return`, { reasonCode: 'other' });
    expect(back.body.code).toBe('no-municipal-case');
    const closed = await t.as('sr.thal-gaeu', 'POST', `/api/v1/cases/${id}/closure`, {
      exitReason: 'naturalisation',
      closedOn: daysAgo(0),
    });
    expect(closed.body.status).toBe('closed');
    await eventually(() =>
      expect(t.emitted('dfpa.case-closed.v1').find((e) => e.subject === id)?.data).toMatchObject({
        exitReason: 'naturalisation',
        sozialregionId: 'thal-gaeu',
      }),
    );
  });

  it("lists the region's cases newest first with the work-list line of each case, by status, audited with the ids shown", async () => {
    const { id } = await takeOver();
    expect((await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/assessments`, bodies.assessment())).status).toBe(201);
    expect((await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/plans`, bodies.plan())).status).toBe(201);
    const detail = (await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`)).body;
    const list = await t.as('sr.olten', 'GET', '/api/v1/cases?limit=200');
    expect(list.status).toBe(200);
    const line = list.body.items.find((c: { dfpaCaseId: string }) => c.dfpaCaseId === id);
    const summaryKeys = ['dfpaCaseId', 'sozialregionId', 'origin', 'caseId', 'municipality', 'personRef', 'name'];
    const more = ['status', 'progress', 'caseworkers', 'openedOn', 'nextReviewOn'];
    expect(line).toEqual(Object.fromEntries([...summaryKeys, ...more].map((k) => [k, detail[k]])));
    expect(line.name).toBe('Tesfay, Senait');
    expect(line.nextReviewOn).toBe(detail.plan.reviewOn);
    const opened = list.body.items.map((c: { openedOn: string }) => c.openedOn);
    expect(opened).toEqual([...opened].sort().reverse());
    const audit = await t.sql.query(
      `SELECT object_id, detail FROM audit_record WHERE action = 'dfpa.case.list' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]).toEqual({
      object_id: 'sozialregion=olten;status=active',
      detail: { cases: list.body.items.map((c: { dfpaCaseId: string }) => c.dfpaCaseId) },
    });
    const closed = await t.as('sr.olten', 'GET', '/api/v1/cases?status=closed');
    expect(closed.body.items.map((c: { dfpaCaseId: string }) => c.dfpaCaseId)).not.toContain(id);
    const thal = await t.as('sr.thal-gaeu', 'GET', '/api/v1/cases?limit=200');
    expect(thal.body.items.map((c: { dfpaCaseId: string }) => c.dfpaCaseId)).not.toContain(id);
  });

  it('ends the DFPA case when case-management closes the municipal case (case.closed.v1), and withdraws an unanswered hand-over', async () => {
    const { h, id } = await takeOver();
    const open = handoverData('olten');
    await t.publishHandover(open);
    await eventually(async () =>
      expect((await t.as('sr.olten', 'GET', `/api/v1/handovers/${open.handoverId}`)).status).toBe(200),
    );
    const closed = (caseId: string) => ({
      caseId,
      personRef: 'p-x',
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
      sozialregionId: 'olten',
    });
    await t.publishCaseEvent('case.closed.v1', h.caseId, closed(h.caseId));
    await t.publishCaseEvent('case.closed.v1', open.caseId, closed(open.caseId));
    await eventually(async () =>
      expect((await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`)).body.status).toBe('closed'),
    );
    await eventually(async () =>
      expect((await t.as('sr.olten', 'GET', `/api/v1/handovers/${open.handoverId}`)).body.status).toBe('withdrawn'),
    );
  });

  it('emits no name, AHV number, address or health in any event (point 8)', async () => {
    await eventually(() => expect(t.emitted().length).toBeGreaterThan(10));
    const wire = JSON.stringify(t.emitted());
    for (const secret of [
      'Tesfay',
      'Senait',
      '7561234567897',
      'Bahnhofstrasse',
      'Haidari',
      'Rückenbeschwerden',
      'under-clarification',
      'workCapacityPercent',
    ])
      expect(wire).not.toContain(secret);
  });

  // Last: it moves this file's clock.
  it('reminds the caseworkers of a plan review and a measure end before they are due, once (job or sweep, point 4)', async () => {
    const { id } = await takeOver();
    await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/assessments`, bodies.assessment());
    await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/plans`, bodies.plan());
    await t.as('sr.olten', 'POST', `/api/v1/cases/${id}/measures`, bodies.measure());
    const queue = t.app.get((await import('../src/dfpa/jobs/deadline-queue.js')).DeadlineQueue);
    await queue.sweep();
    const pending = (await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`)).body.deadlines as {
      kind: string;
      remindedAt: string | null;
    }[];
    expect(pending.map((d) => [d.kind, d.remindedAt])).toEqual([
      ['measure-end', null],
      ['plan-review', null],
    ]);
    t.clock.advanceDays(120 - 5); // the measure ends in 120 days, reminded 5 days before
    await queue.sweep();
    const reminded = (await t.as('sr.olten', 'GET', `/api/v1/cases/${id}`)).body.deadlines as {
      kind: string;
      remindedAt: string | null;
    }[];
    expect(reminded.find((d) => d.kind === 'measure-end')?.remindedAt).toEqual(expect.any(String));
    expect(reminded.find((d) => d.kind === 'plan-review')?.remindedAt).toBeNull();
    expect(await queue.sweep()).toBe(0);
  });
});
