import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { bodies, caseUpToReport, openCase } from './support/case-flow.js';
import { daysAgo, GERMANY } from './support/person-events.js';

describe('case actions over HTTP (Informieren, Fördern, Fordern, Sanktionieren, deadlines)', () => {
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await startCaseApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (user: Parameters<CaseTestApp['call']>[0], caseId: string, path: string, body: unknown) =>
    t.call(user, 'POST', `/api/v1/cases/${caseId}${path}`, body);

  it('records a first-information talk and refuses one without the three VIntA Art. 8 topics (R2) as problem+json', async () => {
    const { caseId } = await openCase(t);
    const refused = await post(
      'ib.solothurn',
      caseId,
      '/first-information/talk',
      bodies.talk({ topics: { languageEducationWork: true, languageOffers: false, legalOrderAndNorms: true } }),
    );
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      status: 422,
      rule: 'R2',
      type: 'urn:start-integration:problem:invalid-command',
    });

    const done = await post('ib.solothurn', caseId, '/first-information/talk', bodies.talk());
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      phase: 'foerdern',
      firstInformation: { outcome: 'completed', record: { form: 'talk', supportNeed: 'special' } },
    });
    expect(done.body.firstInformationDeadline.status).toBe('met');
    expect(done.body.history.map((h: { action: string }) => h.action)).toEqual([
      'case-opened',
      'first-information-completed',
    ]);

    const again = await post('ib.solothurn', caseId, '/first-information/info-folder', {
      handedOutOn: daysAgo(1),
      language: 'tir',
    });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('R1');
  });

  it('answers malformed input with 400 naming CM7', async () => {
    const { caseId } = await openCase(t);
    const r = await post('ib.solothurn', caseId, '/first-information/info-folder', {
      handedOutOn: 'yesterday',
      language: 'tir',
      extra: 1,
    });
    expect(r.status).toBe(400);
    expect(r.body.rule).toBe('CM7');
    expect(r.body.errors.length).toBeGreaterThan(0);
  });

  it('serves a household with one talk: every case gets the same record, or none does', async () => {
    const household = `HH-${Date.now()}`;
    const a = await openCase(t, { householdId: household, officialName: 'Haile', firstName: 'Mulu' });
    const b = await openCase(t, { householdId: household, officialName: 'Haile', firstName: 'Selam' });
    const detail = await t.call('ib.solothurn', 'GET', `/api/v1/cases/${a.caseId}`);
    expect(detail.body.household.map((m: { id: string }) => m.id)).toEqual([b.caseId]);
    const listed = await t.call('ib.solothurn', 'GET', `/api/v1/cases?household=${household}`);
    expect(listed.body.items.map((i: { id: string }) => i.id).sort()).toEqual([a.caseId, b.caseId].sort());

    const r = await post(
      'ib.solothurn',
      a.caseId,
      '/first-information/talk',
      bodies.talk({ householdCaseIds: [b.caseId] }),
    );
    expect(r.status).toBe(200);
    const other = await t.call('ib.solothurn', 'GET', `/api/v1/cases/${b.caseId}`);
    expect(other.body.firstInformation.record.talkId).toBe(r.body.firstInformation.record.talkId);
    expect(other.body.firstInformation.record.householdSize).toBe(2);
    const audit = (
      await t.sql.query(
        `SELECT detail FROM audit_record WHERE action = 'case.read' AND object_id = $1 ORDER BY id LIMIT 1`,
        [a.caseId],
      )
    ).rows[0];
    expect(audit.detail.householdCaseIds).toEqual([b.caseId]);

    // All or none: a third member already informed refuses the talk for the whole household.
    const c = await openCase(t, { householdId: household, officialName: 'Haile', firstName: 'Tesfu' });
    const d = await openCase(t, { householdId: household, officialName: 'Haile', firstName: 'Ruth' });
    await post('ib.solothurn', d.caseId, '/first-information/info-folder', {
      handedOutOn: daysAgo(2),
      language: 'tir',
    });
    const refused = await post(
      'ib.solothurn',
      c.caseId,
      '/first-information/talk',
      bodies.talk({ householdCaseIds: [d.caseId] }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('R1');
    expect((await t.call('ib.solothurn', 'GET', `/api/v1/cases/${c.caseId}`)).body.firstInformation.outcome).toBe(
      'pending',
    );
    // A case of another household cannot ride along.
    const stranger = await openCase(t, { householdId: `HH-other-${Date.now()}` });
    const mixed = await post(
      'ib.solothurn',
      c.caseId,
      '/first-information/talk',
      bodies.talk({ householdCaseIds: [stranger.caseId] }),
    );
    expect(mixed.status).toBe(422);
  });

  it('records no-show with re-invitation and refusal', async () => {
    const { caseId } = await openCase(t);
    const noShow = await post('ib.solothurn', caseId, '/first-information/no-shows', {
      missedOn: daysAgo(3),
      reinvitedFor: daysAgo(-7),
    });
    expect(noShow.status).toBe(200);
    expect(noShow.body.firstInformation.noShows).toEqual([{ missedOn: daysAgo(3), reinvitedFor: daysAgo(-7) }]);
    const refusal = await post('ib.solothurn', caseId, '/first-information/refusal', {
      on: daysAgo(1),
      note: 'Lehnt Gespräch ab.',
    });
    expect(refusal.body).toMatchObject({ phase: 'foerdern', firstInformation: { outcome: 'refused' } });
  });

  it('makes referrals with a status and refuses a step the status machine does not allow (CM2)', async () => {
    const { caseId } = await openCase(t);
    await post('ib.solothurn', caseId, '/first-information/talk', bodies.talk());
    const made = await post(
      'ib.solothurn',
      caseId,
      '/referrals',
      bodies.referral({
        target: { kind: 'regular-structure', structure: 'employment-services' },
        category: 'education-work',
        measure: 'RAV-Anmeldung',
      }),
    );
    expect(made.status).toBe(200);
    const referralId = made.body.referrals[0].referralId;
    expect(
      (await post('ib.solothurn', caseId, `/referrals/${referralId}/status`, { status: 'agreed', on: daysAgo(1) }))
        .status,
    ).toBe(200);
    const wrong = await post('ib.solothurn', caseId, `/referrals/${referralId}/status`, {
      status: 'completed',
      on: daysAgo(0),
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.rule).toBe('CM2');
    const missing = await post('ib.solothurn', caseId, '/referrals/nope/status', { status: 'agreed', on: daysAgo(0) });
    expect(missing.status).toBe(404);
    expect(missing.body.rule).toBe('CM7');
  });

  it('refuses an agreement before an integration talk (R28) and a report before Abs. 2 was considered (R4)', async () => {
    const { caseId } = await openCase(t);
    await post('ib.solothurn', caseId, '/first-information/talk', bodies.talk());
    const early = await post('ib.solothurn', caseId, '/agreements', bodies.agreement());
    expect(early.status).toBe(409);
    expect(early.body.rule).toBe('R28');
    await post(
      'ib.solothurn',
      caseId,
      '/integration-talks',
      bodies.integrationTalk({
        abs2: {
          considered: false,
          disability: false,
          illness: false,
          otherWeightyCircumstances: false,
          assessment: '',
        },
      }),
    );
    const report = await post('ib.solothurn', caseId, '/migrationsamt-reports', {
      reportedOn: daysAgo(0),
      reason: { kind: 'integration-refused', statement: 'Verweigert jede Mitwirkung.' },
    });
    expect(report.status).toBe(422);
    expect(report.body.rule).toBe('R4');
  });

  it('goes through integration talk, agreement, review and report; the report is a logged disclosure; the Migrationsamt decides', async () => {
    const { caseId } = await openCase(t);
    const { reportId } = await caseUpToReport(t, caseId);
    const audit = (
      await t.sql.query(
        `SELECT recipient, detail FROM audit_record WHERE action = 'case.report-to-migrationsamt' AND object_id = $1`,
        [caseId],
      )
    ).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0].recipient).toBe('migrationsamt');
    expect(audit[0].detail.dataSetFields).toEqual(
      expect.arrayContaining(['identification.officialName', 'reason.kind', 'abs2Consideration.considered']),
    );
    expect(JSON.stringify(audit[0].detail)).not.toContain('Tesfay'); // field names, never values

    const before = await t.call(
      'ma.integration',
      'POST',
      `/api/v1/cases/${caseId}/migrationsamt-reports/${reportId}/decision`,
      bodies.bindingDecision(),
    );
    expect(before.status).toBe(409);
    expect(before.body.rule).toBe('R6');
    expect(
      (
        await t.call(
          'ma.integration',
          'POST',
          `/api/v1/cases/${caseId}/migrationsamt-reports/${reportId}/review`,
          bodies.maReview(),
        )
      ).status,
    ).toBe(200);
    const decided = await t.call(
      'ma.integration',
      'POST',
      `/api/v1/cases/${caseId}/migrationsamt-reports/${reportId}/decision`,
      bodies.bindingDecision(),
    );
    expect(decided.status).toBe(200);
    // The decision flows back to the municipality's case (R7).
    const ib = await t.call('ib.solothurn', 'GET', `/api/v1/cases/${caseId}`);
    expect(ib.body.reports[0]).toMatchObject({ status: 'decided', decision: { kind: 'binding-agreement' } });
    expect(ib.body.phase).toBe('sanktionieren');
  });

  it('refuses a binding agreement for an EU/EFTA national with a clear message: recommendation only (R10)', async () => {
    const { caseId } = await openCase(t, { country: GERMANY });
    const { reportId } = await caseUpToReport(t, caseId);
    await t.call(
      'ma.integration',
      'POST',
      `/api/v1/cases/${caseId}/migrationsamt-reports/${reportId}/review`,
      bodies.maReview(),
    );
    const refused = await t.call(
      'ma.integration',
      'POST',
      `/api/v1/cases/${caseId}/migrationsamt-reports/${reportId}/decision`,
      bodies.bindingDecision(),
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      rule: 'R10',
      type: 'urn:start-integration:problem:binding-agreement-not-allowed',
    });
    expect(refused.body.title).toContain('Integrationsempfehlung');
    const recommended = await t.call(
      'ma.integration',
      'POST',
      `/api/v1/cases/${caseId}/migrationsamt-reports/${reportId}/decision`,
      { ...bodies.bindingDecision(), kind: 'recommendation' },
    );
    expect(recommended.status).toBe(200);
  });

  it('suspends, resumes and extends the first-information deadline with reasons (CM6)', async () => {
    const { caseId } = await openCase(t);
    const before = (await t.call('ib.solothurn', 'GET', `/api/v1/cases/${caseId}`)).body.firstInformationDeadline
      .due as string;
    const noReason = await post('ib.solothurn', caseId, '/first-information-deadline/suspension', {
      since: daysAgo(5),
      reason: ' ',
    });
    expect(noReason.body.rule).toBe('CM6');
    const suspended = await post('ib.solothurn', caseId, '/first-information-deadline/suspension', {
      since: daysAgo(5),
      reason: 'Im Ausland',
    });
    expect(suspended.body.firstInformationDeadline.status).toBe('suspended');
    const listed = await t.call('ib.solothurn', 'GET', `/api/v1/cases?q=tesfay&limit=100`);
    expect(listed.body.items.find((i: { id: string }) => i.id === caseId).firstInformationDeadline).toBe('suspended');
    const resumed = await post('ib.solothurn', caseId, '/first-information-deadline/resumption', { on: daysAgo(0) });
    expect(resumed.body.firstInformationDeadline.due > before).toBe(true);
    const earlier = await post('ib.solothurn', caseId, '/first-information-deadline/extension', {
      to: before,
      reason: 'x',
    });
    expect(earlier.status).toBe(409);
    expect(earlier.body.rule).toBe('CM6');
    const extended = await post('ags.koordination', caseId, '/first-information-deadline/extension', {
      to: daysAgo(-200),
      reason: 'Sprachkurs im Herkunftsland',
    });
    expect(extended.status).toBe(200);
    expect(extended.body.person).toBeNull(); // AGS sees no personal data
  });

  it('closes a case with a reason; a closed case refuses every change (CM1)', async () => {
    const { caseId } = await openCase(t);
    expect(
      (await post('ib.solothurn', caseId, '/closure', { on: daysAgo(0), note: 'Weggezogen ohne Abmeldung' })).body
        .status,
    ).toBe('closed');
    const after = await post('ib.solothurn', caseId, '/first-information/info-folder', {
      handedOutOn: daysAgo(0),
      language: 'tir',
    });
    expect(after.status).toBe(409);
    expect(after.body.rule).toBe('CM1');
    await new Promise((r) => setTimeout(r, 300));
    expect(t.emitted('case.closed.v1').some((e) => (e.data as { caseId: string }).caseId === caseId)).toBe(true);
  });

  it('writes every read and every change of a case to the audit log', async () => {
    const { caseId } = await openCase(t);
    await t.call('ib.solothurn', 'GET', `/api/v1/cases/${caseId}`);
    await post('ib.solothurn', caseId, '/first-information/info-folder', { handedOutOn: daysAgo(1), language: 'tir' });
    await t.call('ib.olten', 'GET', `/api/v1/cases/${caseId}`);
    const rows = (
      await t.sql.query('SELECT action, outcome, actor_username FROM audit_record WHERE object_id = $1 ORDER BY id', [
        caseId,
      ])
    ).rows;
    expect(rows).toEqual([
      { action: 'case.open', outcome: 'granted', actor_username: 'registry-intake' },
      { action: 'case.read', outcome: 'granted', actor_username: 'ib.solothurn' },
      { action: 'case.record-info-folder', outcome: 'granted', actor_username: 'ib.solothurn' },
      { action: 'case.read', outcome: 'denied', actor_username: 'ib.olten' },
    ]);
  });
});
