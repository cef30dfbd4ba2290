import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Projector } from '../src/log/application/projector.js';
import { CaseStory } from './support/case-events.js';
import { startReportingApp, type ReportingTestApp } from './support/reporting-app.js';

/** Point 4: a frozen period keeps its hash through a full replay; late events make version 2 with its difference, never an edit. */
describe('snapshots', () => {
  let t: ReportingTestApp;
  const olten = new CaseStory({ municipality: 2581 });
  beforeAll(async () => {
    t = await startReportingApp();
    const a = new CaseStory({ municipality: 2601 });
    const b = new CaseStory({ municipality: 2601, euEfta: true });
    await t.publish([
      a.opened('2027-01-04'),
      a.talk('2027-01-20'),
      b.opened('2027-02-01'),
      b.folder('2027-02-10'),
      olten.opened('2027-03-01'),
    ]);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('freezes a period with its catalogue version and hash, reproduces the hash after a replay, and versions late events', async () => {
    const first = await t.call('ags.koordination', 'POST', '/api/v1/snapshots', { period: '2027-Q1' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      period: '2027-Q1',
      version: 1,
      catalogueVersion: '2026.1',
      contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      difference: null,
      lateEvents: 0,
      created: true,
    });
    const again = await t.call('ags.koordination', 'POST', '/api/v1/snapshots', { period: '2027-Q1' });
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id, created: false } });

    await t.app.get(Projector).rebuild(t.app.get(getDataSourceToken()));
    const verified = await t.call('ags.koordination', 'GET', `/api/v1/snapshots/${first.body.id}/verification`);
    expect(verified.body).toEqual({
      id: first.body.id,
      contentHash: first.body.contentHash,
      recomputedHash: first.body.contentHash,
      matches: true,
    });

    // A first information in Olten, dated in Q1, arrives after the freeze.
    await t.publish([olten.talk('2027-03-20')]);
    const listed = await t.call('ags.koordination', 'GET', '/api/v1/snapshots?period=2027-Q1');
    expect(listed.body).toEqual([expect.objectContaining({ id: first.body.id, lateEvents: 1 })]);
    expect(
      (await t.call('ags.koordination', 'GET', `/api/v1/snapshots/${first.body.id}/verification`)).body.matches,
    ).toBe(true);

    const second = await t.call('ags.koordination', 'POST', '/api/v1/snapshots', { period: '2027-Q1' });
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);
    expect(second.body.contentHash).not.toBe(first.body.contentHash);
    expect(second.body.difference).toEqual(
      expect.arrayContaining([
        {
          figure: 'first-information',
          level: 'municipality',
          breakdown: null,
          area: '2581',
          column: 'talk',
          before: 0,
          after: 1,
        },
        {
          figure: 'first-information',
          level: 'canton',
          breakdown: 'euEfta',
          area: 'SO',
          column: 'third-country',
          before: 1,
          after: 2,
        },
      ]),
    );
    const stored = await t.call('ags.koordination', 'GET', `/api/v1/snapshots/${first.body.id}`);
    const reached = stored.body.content.tables.find(
      (x: { level: string; table: { figure: string } }) =>
        x.level === 'municipality' && x.table.figure === 'first-information',
    );
    expect(reached.table.rows.find((r: { area: { id: string } }) => r.area.id === '2581').values).toEqual([0, 0]); // version 1 unchanged
    expect(stored.body.content.publicPattern['first-information']['2601']).toEqual(['talk', 'info-folder']);
    await expect(t.sql.query(`UPDATE report_snapshot SET content_hash = 'x'`)).rejects.toThrow(/append-only/);
  });

  it("traces a snapshot's figure as it was frozen", async () => {
    const [v1] = (await t.call('ags.koordination', 'GET', '/api/v1/snapshots?period=2027-Q1')).body;
    const then = await t.call(
      'ags.koordination',
      'GET',
      `/api/v1/figures/first-information/trace?period=2027-Q1&level=municipality&area=2581&snapshot=${v1.id}`,
    );
    const now = await t.call(
      'ags.koordination',
      'GET',
      '/api/v1/figures/first-information/trace?period=2027-Q1&level=municipality&area=2581',
    );
    expect([then.body.count, now.body.count]).toEqual([0, 1]);
  });

  it('is for AGS only and refuses a bad period naming RP1', async () => {
    expect((await t.call('ib.solothurn', 'POST', '/api/v1/snapshots', { period: '2027-Q1' })).status).toBe(403);
    const bad = await t.call('ags.koordination', 'POST', '/api/v1/snapshots', { period: 'Q1' });
    expect(bad.status).toBe(422);
    expect(bad.body.rule).toMatch(/^RP1/);
  });
});
