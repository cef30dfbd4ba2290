import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReadAuditWriter } from '../src/shared/read-audit-writer.js';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { openCase } from './support/case-flow.js';
import { daysAgo } from './support/person-events.js';

/** Security probe F2: one caller's odd value in a read record must not fail the reads of others in the same batch. */
describe('read audit: group commit survives bad values', () => {
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await startCaseApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers every valid read while another user sends ids with NUL and BFS numbers beyond integer, and records all of them readable', async () => {
    const { caseId } = await openCase(t, { arrivalDate: daysAgo(5) });
    const before = Number((await t.sql.query('SELECT count(*) FROM audit_record')).rows[0].count);
    const valid = Array.from({ length: 20 }, () => t.call('ib.solothurn', 'GET', `/api/v1/cases/${caseId}`));
    const odd = Array.from({ length: 10 }, (_, i) =>
      i % 2
        ? t.call('sr.olten', 'GET', `/api/v1/cases/${caseId}%00`)
        : t.call('ib.olten', 'GET', '/api/v1/register-checks/99999999999'),
    );
    const answers = await Promise.all(valid);
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    for (const a of await Promise.all(odd)) expect(a.status).toBeLessThan(500);
    const after = Number((await t.sql.query('SELECT count(*) FROM audit_record')).rows[0].count);
    expect(after - before).toBeGreaterThanOrEqual(20);
  });

  it('stores a NUL, a lone surrogate and an out-of-range municipality as readable values instead of failing the batch', async () => {
    const writer = t.app.get(ReadAuditWriter);
    const actor = { subject: 'probe', username: 'sr.olten', roles: ['sozialregion'], scope: { sozialregion: 'olten' } };
    const entries = [
      { objectId: 'abc\u0000def', municipality: 2601 },
      { objectId: 'x\ud800y', municipality: 99_999_999_999 },
      { objectId: 'plain', municipality: 2581, detail: { q: 'a\u0000b' } },
    ];
    await Promise.all(
      entries.map((e) =>
        writer.record({ actor, action: 'case.read', objectType: 'case', outcome: 'granted', ...e } as never),
      ),
    );
    const { rows } = await t.sql.query(
      "SELECT object_id, municipality, detail FROM audit_record WHERE actor_subject = 'probe' ORDER BY object_id",
    );
    expect(rows).toEqual([
      { object_id: 'abc\\0def', municipality: 2601, detail: null },
      { object_id: 'plain', municipality: 2581, detail: { q: 'a\\0b' } },
      { object_id: 'x\ufffdy', municipality: null, detail: null },
    ]);
  });

  it('writes a read record naming the household members an action answer shows (security probe F3)', async () => {
    const household = `HH-audit-${Date.now()}`;
    const a = await openCase(t, { householdId: household, arrivalDate: daysAgo(5) });
    const b = await openCase(t, { householdId: household, arrivalDate: daysAgo(5) });
    const r = await t.call('ib.solothurn', 'POST', `/api/v1/cases/${a.caseId}/first-information-deadline/suspension`, {
      since: daysAgo(1),
      reason: 'Spitalaufenthalt',
    });
    expect(r.status).toBe(200);
    expect(r.body.household.map((m: { id: string }) => m.id)).toEqual([b.caseId]);
    const { rows } = await t.sql.query(
      "SELECT actor_username, detail FROM audit_record WHERE action = 'case.read' AND object_id = $1 AND detail->>'answerOf' = 'action'",
      [a.caseId],
    );
    expect(rows).toEqual([
      {
        actor_username: 'ib.solothurn',
        detail: { view: 'gemeinde', answerOf: 'action', householdCaseIds: [b.caseId] },
      },
    ]);
  });
});
