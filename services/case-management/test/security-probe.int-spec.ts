import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { openCase } from './support/case-flow.js';
import { daysAgo } from './support/person-events.js';

/** Probes of the security probe (wave 1) that hit case-management's HTTP layer, kept as regressions. */
describe('security probe regressions: case-management', () => {
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await startCaseApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a body nested 250,000 levels deep with 400 problem+json, fast, and still serves (F7)', async () => {
    const { caseId } = await openCase(t, { arrivalDate: daysAgo(5) });
    const deep = `${'['.repeat(250_000)}${']'.repeat(250_000)}`;
    await t.token('ib.solothurn');
    const started = Date.now();
    const r = await t.request(
      'ib.solothurn',
      'POST',
      `/api/v1/cases/${caseId}/first-information/refusal`,
      `{"on":"${daysAgo(1)}","note":"n","x":${deep}}`,
      'application/json',
    );
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body.detail).toMatch(/nested deeper than 32/);
    expect(Date.now() - started).toBeLessThan(5_000); // generous: the machine is shared; the 500 it replaces took 0.7 s alone

    const inKnownField = `{"on":"${daysAgo(1)}","note":"n","languageSkills":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    expect(
      (
        await t.request(
          'ib.solothurn',
          'POST',
          `/api/v1/cases/${caseId}/first-information/refusal`,
          inKnownField,
          'application/json',
        )
      ).status,
    ).toBe(400);
    expect((await t.call('ib.solothurn', 'GET', `/api/v1/cases/${caseId}`)).status).toBe(200);
  });
});
