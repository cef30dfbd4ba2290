import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import { DfpaPlatform, type DfpaInstance } from '../support/dfpa-platform.js';

/**
 * Issue 11, point 10, fault: the dfpa service (serving Olten, Thal-Gäu and Solothurn) is killed (SIGKILL) while
 * 1,000 hand-overs for those three regions flow, and started again. Every hand-over lands exactly once, in its own
 * region; hand-overs for a region the instance does not serve (Dorneck) stay in that region's queue, untouched.
 */
const REGIONS = [
  { id: 'olten', bfs: 2581, town: 'Olten', postalCode: '4600' },
  { id: 'thal-gaeu', bfs: 2401, town: 'Egerkingen', postalCode: '4622' },
  { id: 'solothurn', bfs: 2601, town: 'Solothurn', postalCode: '4500' },
];
const TOTAL = 1_000;
const day = new Date().toISOString().slice(0, 10);

function handover(i: number, region: { id: string; bfs: number; town: string; postalCode: string }) {
  const caseId = randomUUID();
  return {
    type: 'case.dfpa-handover-requested.v1',
    subject: caseId,
    data: {
      handoverId: randomUUID(),
      caseId,
      sozialregionId: region.id,
      municipality: region.bfs,
      requestedOn: day,
      requestedBy: { role: 'gemeinde' },
      reason: 'Besonderer Integrationsbedarf.',
      contact: null,
      person: {
        personRef: `p-fault-${i}`,
        householdRef: null,
        officialName: `Person${i}`,
        firstName: 'Test',
        dateOfBirth: '1990-01-01',
        sex: 'unknown',
        nationality: { bfsCode: 8362, iso2: 'ER' },
        permitCode: '0503',
        euEfta: false,
        familyOfSwiss: false,
        language: null,
        address: { street: 'Hauptstrasse', postalCode: region.postalCode, town: region.town },
      },
      caseSummary: {
        phase: 'informieren',
        registrationDate: day,
        firstInformation: { outcome: 'pending', form: null, completedOn: null, supportNeed: null, languageSkills: [] },
        referrals: [],
        integrationTalks: [],
        agreements: [],
        reportToMigrationsamtOpen: false,
      },
    },
  };
}

describe('dfpa killed while 1,000 hand-overs for three regions flow', () => {
  let p: DfpaPlatform;
  let dfpa: DfpaInstance;
  beforeAll(async () => {
    p = await DfpaPlatform.create();
    dfpa = await p.startDfpa('olten,thal-gaeu,solothurn');
  }, 200_000);
  afterAll(() => p?.stop(), 60_000);

  it('stores every hand-over exactly once, in its own region only', async () => {
    const events = Array.from({ length: TOTAL }, (_, i) => handover(i, REGIONS[i % REGIONS.length]!));
    const dorneck = Array.from({ length: 20 }, (_, i) =>
      handover(TOTAL + i, { id: 'dorneck', bfs: 2473, town: 'Dornach', postalCode: '4143' }),
    );
    await p.publish('case-management', [...events.slice(0, 500), ...dorneck]);
    const count = async () => (await dfpa.sql.query('SELECT count(*)::int AS n FROM handover')).rows[0].n as number;
    await eventually(async () => expect(await count()).toBeGreaterThanOrEqual(50), {
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    await dfpa.process.kill();
    const atKill = await count();
    // The municipalities keep handing over while the service is down.
    await p.publish('case-management', events.slice(500));
    dfpa = await p.startDfpa('olten,thal-gaeu,solothurn');
    await eventually(async () => expect(await count()).toBe(TOTAL), { timeoutMs: 120_000, intervalMs: 250 });
    expect(atKill).toBeLessThan(TOTAL); // the kill came mid-stream

    const rows = (await dfpa.sql.query('SELECT handover_id, sozialregion_id FROM handover')).rows as {
      handover_id: string;
      sozialregion_id: string;
    }[];
    const expected = new Map<string, string>(events.map((e) => [e.data.handoverId, e.data.sozialregionId]));
    expect(rows).toHaveLength(TOTAL);
    expect(rows.filter((r) => expected.get(r.handover_id) !== r.sozialregion_id)).toEqual([]);
    // Applied once: one audit record of receipt per hand-over, none twice, and one answer deadline each.
    const received = (
      await dfpa.sql.query(
        `SELECT object_id, count(*)::int AS n FROM audit_record WHERE action = 'dfpa.handover.received' GROUP BY object_id HAVING count(*) <> 1`,
      )
    ).rows;
    expect(received).toEqual([]);
    expect(
      (await dfpa.sql.query(`SELECT count(*)::int AS n FROM deadline WHERE kind = 'handover-answer'`)).rows[0].n,
    ).toBe(TOTAL);
    // Dorneck's hand-overs wait in Dorneck's queue for Dorneck's instance; the three queues served here are drained.
    expect(await p.waiting('dfpa.handovers.dorneck')).toBe(20);
    for (const r of REGIONS) await eventually(async () => expect(await p.waiting(`dfpa.handovers.${r.id}`)).toBe(0));
  }, 300_000);
});
