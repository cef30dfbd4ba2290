import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import { ClaimRunQueue, CLAIM_RUN_JOB } from '../src/claims/jobs/claim-run.queue.js';
import { FI, firstInformation, startSubsidiesApp, type SubsidiesTestApp } from './support/subsidies-app.js';

/** Issue 13 point 3: the period-end claim run is a BullMQ job scheduler; nobody has to press a button. */
describe('scheduled claim run', () => {
  let t: SubsidiesTestApp;
  beforeAll(async () => {
    t = await startSubsidiesApp({ jobsEnabled: true, claimRunEveryMs: 1000 });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('drafts the claim of a closed period on its own, and a later run drafts nothing twice', async () => {
    expect((await t.app.get(ClaimRunQueue).queue.getJobSchedulers()).map((s) => s.key)).toEqual([CLAIM_RUN_JOB]);
    t.clock.day = '2027-04-02';
    const data = firstInformation({ municipality: 2581, on: '2027-03-10' });
    await t.publish(FI, data.caseId, data);
    const claims = await eventually(
      async () => {
        const r = await t.as('ib.olten', 'GET', '/api/v1/claims');
        expect(r.body).toHaveLength(1);
        return r.body;
      },
      { timeoutMs: 20_000 },
    );
    expect(claims[0]).toMatchObject({ municipality: 2581, period: '2027-Q1', status: 'draft' });
    // Runs keep coming every second; the claim stays one, with its one line.
    await new Promise((r) => setTimeout(r, 2_500));
    const after = await t.as('ib.olten', 'GET', '/api/v1/claims');
    expect(after.body).toHaveLength(1);
    expect((await t.as('ib.olten', 'GET', `/api/v1/claims/${claims[0].id}`)).body.lines).toHaveLength(1);
  });
});
