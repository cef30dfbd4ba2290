import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { openCase } from './support/case-flow.js';

describe('organisation model per municipality (R29), maintained by AGS', () => {
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await startCaseApp({ config: { organisationCacheMs: 0 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A Hubersdorf IB whose token lists only Hubersdorf: what the members add comes from the model alone. */
  const ibWithClaims = async (gemeinden: string[]) => ({
    token: await t.oidc.mintAccessToken({ gemeinden }, { username: 'ib.hubersdorf' }),
  });

  it("lets AGS record a Leitgemeinde period; the Leitgemeinde IB then works the member's cases, which keep the member BFS number", async () => {
    const { caseId } = await openCase(t, { bfsNumber: 2541, officialName: 'Balmer' });
    const lead = await ibWithClaims(['2548']);
    const member = await ibWithClaims(['2541']);
    expect((await t.call(lead, 'GET', `/api/v1/cases/${caseId}`)).status).toBe(404);
    expect((await t.call(member, 'GET', `/api/v1/cases/${caseId}`)).status).toBe(200); // in-house until a period says otherwise

    const changed = await t.call('ags.koordination', 'POST', '/api/v1/organisation/municipalities/2541/periods', {
      model: 'leitgemeinde',
      leitgemeinde: 2548,
      validFrom: '2022-01-01',
      reason: 'Zusammenarbeitsvertrag Unterleberberg',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual([
      expect.objectContaining({
        municipality: 2541,
        model: { kind: 'leitgemeinde', leitgemeinde: 2548 },
        validFrom: '2022-01-01',
        validTo: null,
      }),
    ]);

    const asLead = await t.call(lead, 'GET', `/api/v1/cases/${caseId}`);
    expect(asLead.status).toBe(200);
    expect(asLead.body.municipality).toBe(2541);
    expect((await t.call(lead, 'GET', '/api/v1/cases?q=balmer')).body.items.map((i: { id: string }) => i.id)).toEqual([
      caseId,
    ]);
    expect((await t.call(member, 'GET', `/api/v1/cases/${caseId}`)).status).toBe(404); // the member delegated the task

    const models = await t.call('ags.koordination', 'GET', '/api/v1/organisation/municipalities');
    expect(models.body.find((m: { municipality: number }) => m.municipality === 2548)).toMatchObject({
      model: { kind: 'in-house' },
      members: [2541],
    });
    const audit = (
      await t.sql.query(`SELECT actor_username, detail FROM audit_record WHERE action = 'organisation.change-model'`)
    ).rows;
    expect(audit).toEqual([
      {
        actor_username: 'ags.koordination',
        detail: { validFrom: '2022-01-01', model: { kind: 'leitgemeinde', leitgemeinde: 2548 } },
      },
    ]);
  });

  it('keeps the history append-only and refuses what the model forbids with R29', async () => {
    const back = await t.call('ags.koordination', 'POST', '/api/v1/organisation/municipalities/2541/periods', {
      model: 'in-house',
      validFrom: '2027-01-01',
      reason: 'Eigene IB',
    });
    expect(back.status).toBe(200);
    expect(back.body.map((p: { validFrom: string; validTo: string | null }) => [p.validFrom, p.validTo])).toEqual([
      ['2022-01-01', '2026-12-31'],
      ['2027-01-01', null],
    ]);
    const retro = await t.call('ags.koordination', 'POST', '/api/v1/organisation/municipalities/2541/periods', {
      model: 'in-house',
      validFrom: '2026-06-01',
      reason: 'rückwirkend',
    });
    expect(retro.status).toBe(422);
    expect(retro.body).toMatchObject({ rule: 'R29', code: 'not-append-only' });
    const chain = await t.call('ags.koordination', 'POST', '/api/v1/organisation/municipalities/2549/periods', {
      model: 'leitgemeinde',
      leitgemeinde: 2541,
      validFrom: '2023-01-01',
      reason: 'Kette',
    });
    expect(chain.body.rule).toBe('R29');
    const history = await t.call('ib.hubersdorf', 'GET', '/api/v1/organisation/municipalities/2541/periods');
    expect(history.body).toHaveLength(2);
    await expect(t.sql.query('DELETE FROM organisation_period')).rejects.toThrow(/append-only/);
  });
});
