import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { arrival, GERMANY, personRef, SWITZERLAND } from './support/person-events.js';

describe('opening cases from person.arrived.v1', () => {
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await startCaseApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const casesOf = async (ref: string) =>
    (await t.sql.query('SELECT case_id, municipality, status, phase FROM case_record WHERE person_ref = $1', [ref]))
      .rows;

  it("opens one case per arrival in the municipality, visible in its IB's work list and not in another's", async () => {
    const data = arrival({ bfsNumber: 2601, officialName: 'Ghebremedhin', firstName: 'Abeba' });
    await t.publish('person.arrived.v1', data.personRef, data);
    await eventually(async () => expect(await casesOf(data.personRef)).toHaveLength(1));

    const solothurn = await t.call('ib.solothurn', 'GET', '/api/v1/cases?q=ghebremedhin');
    expect(solothurn.status).toBe(200);
    expect(solothurn.body.items).toHaveLength(1);
    const item = solothurn.body.items[0];
    expect(item).toMatchObject({
      municipality: 2601,
      phase: 'informieren',
      status: 'open',
      person: { officialName: 'Ghebremedhin', firstName: 'Abeba' },
    });
    expect(item.due).toBe(item.firstInformationDue);
    expect(item.dueKind).toBe('first-information');

    const olten = await t.call('ib.olten', 'GET', '/api/v1/cases?q=ghebremedhin');
    expect(olten.status).toBe(200);
    expect(olten.body.items).toHaveLength(0);
    await eventually(() =>
      expect(
        t.emitted('case.opened.v1').some((e) => (e.data as { personRef: string }).personRef === data.personRef),
      ).toBe(true),
    );
  });

  it('keeps the case history append-only in the database, whatever the runtime role is granted (CM4)', async () => {
    const data = arrival({ bfsNumber: 2601 });
    await t.publish('person.arrived.v1', data.personRef, data);
    await eventually(async () => expect(await casesOf(data.personRef)).toHaveLength(1));
    const [{ case_id: caseId }] = await casesOf(data.personRef);
    const history = async () =>
      (await t.sql.query('SELECT seq, action FROM case_history WHERE case_id = $1 ORDER BY seq', [caseId])).rows;
    const before = await history();
    expect(before.length).toBeGreaterThan(0);
    await expect(
      t.sql.query("UPDATE case_history SET reason = 'rewritten' WHERE case_id = $1", [caseId]),
    ).rejects.toThrow(/append-only/);
    await expect(t.sql.query('DELETE FROM case_history WHERE case_id = $1', [caseId])).rejects.toThrow(/append-only/);
    await expect(t.sql.query('TRUNCATE case_history CASCADE')).rejects.toThrow(/append-only|permission denied/);
    expect(await history()).toEqual(before);
  });

  it('never opens two cases for a redelivered or repeated arrival (CM3)', async () => {
    const data = arrival({ bfsNumber: 2601 });
    const first = await t.publish('person.arrived.v1', data.personRef, data);
    await t.publish('person.arrived.v1', data.personRef, data, first.id); // redelivery: same message id
    await t.publish('person.arrived.v1', data.personRef, data); // the same arrival reported again: new id
    await eventually(async () => expect(await casesOf(data.personRef)).toHaveLength(1));
    // Give the later copies time to be consumed, then check again.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await casesOf(data.personRef)).toHaveLength(1);
  });

  it('opens a case in a Leitgemeinde member municipality that keeps its own BFS number and shows for the Leitgemeinde IB', async () => {
    const data = arrival({ bfsNumber: 2545, municipalityName: 'Flumenthal', officialName: 'Flumenthaler' });
    await t.publish('person.arrived.v1', data.personRef, data);
    await eventually(async () => expect(await casesOf(data.personRef)).toHaveLength(1));
    expect((await casesOf(data.personRef))[0].municipality).toBe(2545);
    const hubersdorf = await t.call('ib.hubersdorf', 'GET', '/api/v1/cases?q=flumenthaler');
    expect(hubersdorf.body.items.map((i: { municipality: number }) => i.municipality)).toEqual([2545]);
    expect((await t.call('ib.solothurn', 'GET', '/api/v1/cases?q=flumenthaler')).body.items).toHaveLength(0);
  });

  it('opens no case when the target-group rule says no, nor for a Swiss national (R14)', async () => {
    const notTarget = arrival({ opensCase: false });
    const swiss = arrival({ country: SWITZERLAND, personRef: personRef() });
    const eu = arrival({ country: GERMANY });
    await t.publish('person.arrived.v1', notTarget.personRef, notTarget);
    await t.publish('person.arrived.v1', swiss.personRef, swiss);
    await t.publish('person.arrived.v1', eu.personRef, eu);
    await eventually(async () => expect(await casesOf(eu.personRef)).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await casesOf(notTarget.personRef)).toHaveLength(0);
    expect(await casesOf(swiss.personRef)).toHaveLength(0);
    const euCase = (await t.sql.query('SELECT eu_efta FROM case_record WHERE person_ref = $1', [eu.personRef])).rows[0];
    expect(euCase.eu_efta).toBe(true);
  });
});
