import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { bodies, openCase } from './support/case-flow.js';
import {
  corrected,
  daysAgo,
  departed,
  died,
  GERMANY,
  moved,
  naturalized,
  permitChanged,
} from './support/person-events.js';

describe('register facts and the DFPA round-trip', () => {
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await startCaseApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const row = async (caseId: string) =>
    (
      await t.sql.query(
        'SELECT status, municipality, eu_efta, handover_sozialregion, snapshot FROM case_record WHERE case_id = $1',
        [caseId],
      )
    ).rows[0];

  it('transfers the case on a move to another Solothurn municipality, keeping its history; a repeated report of the move changes nothing', async () => {
    const { caseId, personRef } = await openCase(t, { bfsNumber: 2601 });
    await t.publish('person.moved.v1', personRef, moved(personRef, 2601, 2581));
    await eventually(async () => expect((await row(caseId)).municipality).toBe(2581));
    await t.publish('person.moved.v1', personRef, moved(personRef, 2601, 2581)); // moveIn reported by Olten after the moveOut
    await new Promise((r) => setTimeout(r, 800));
    const detail = await t.call('ib.olten', 'GET', `/api/v1/cases/${caseId}`);
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['case-opened', 'transferred']);
    expect(detail.body.transfers).toEqual([{ from: 2601, to: 2581, movedOn: daysAgo(2) }]);
    expect((await t.call('ib.solothurn', 'GET', `/api/v1/cases/${caseId}`)).status).toBe(404);
    await eventually(() => expect(t.emitted('case.transferred.v1').some((e) => e.subject === caseId)).toBe(true));
  });

  it('closes the case on departure, naturalisation and death with that reason', async () => {
    const a = await openCase(t);
    const b = await openCase(t);
    const c = await openCase(t);
    const d = await openCase(t);
    await t.publish('person.departed.v1', a.personRef, departed(a.personRef, 2601, 'abroad'));
    await t.publish('person.departed.v1', b.personRef, departed(b.personRef, 2601, 'other-canton'));
    await t.publish('person.naturalized.v1', c.personRef, naturalized(c.personRef, 2601));
    await t.publish('person.died.v1', d.personRef, died(d.personRef, 2601));
    await eventually(async () => {
      const reasons = await Promise.all([a, b, c, d].map(async (x) => (await row(x.caseId)).snapshot.closure?.reason));
      expect(reasons).toEqual(['departed-abroad', 'departed-other-canton', 'naturalised', 'died']);
    });
    // A second departure message for a closed case is a no-op (it has no live case any more).
    await t.publish('person.departed.v1', a.personRef, departed(a.personRef, 2601, 'abroad'));
  });

  it('updates the permit and its EU/EFTA status on a permit change', async () => {
    const { caseId, personRef } = await openCase(t);
    expect((await row(caseId)).eu_efta).toBe(false);
    await t.publish('person.residence-permit-changed.v1', personRef, permitChanged(personRef, 2601, '0301'));
    await eventually(async () => expect((await row(caseId)).snapshot.subject.permit.code).toBe('0301'));
    expect((await row(caseId)).eu_efta).toBe(true); // regulation 01 = EU/EFTA agreement (R10)
  });

  it("takes the register's correction of nationality, sex and birth year into the case; EU/EFTA follows where the permit does not decide", async () => {
    const { caseId, personRef } = await openCase(t, { permitCode: '02' }); // a category without regulation: the nationality decides (R10)
    expect((await row(caseId)).eu_efta).toBe(false);
    await t.publish(
      'person.corrected.v1',
      personRef,
      corrected(personRef, 2601, ['nationality', 'sex', 'dateOfBirth'], {
        country: GERMANY,
        sex: 'male',
        yearOfBirth: 1990,
        permitCode: '02',
      }),
    );
    await eventually(async () =>
      expect((await row(caseId)).snapshot.subject.nationality.bfsCode).toBe(GERMANY.bfsCode),
    );
    const r = await row(caseId);
    expect(r.eu_efta).toBe(true);
    expect(r.snapshot.subject).toMatchObject({ sex: 'male', birthYear: 1990, euEfta: true });
    const detail = await t.call('ib.solothurn', 'GET', `/api/v1/cases/${caseId}`);
    const entry = detail.body.history.find((h: { action: string }) => h.action === 'subject-corrected');
    expect(entry.details).toMatchObject({
      sex: { from: 'female', to: 'male' },
      birthYear: { from: 1994, to: 1990 },
      euEfta: { from: false, to: true },
    });
    // The same correction again changes nothing.
    await t.publish(
      'person.corrected.v1',
      personRef,
      corrected(personRef, 2601, ['nationality'], {
        country: GERMANY,
        sex: 'male',
        yearOfBirth: 1990,
        permitCode: '02',
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 800));
    const again = await t.call('ib.solothurn', 'GET', `/api/v1/cases/${caseId}`);
    expect(again.body.history.filter((h: { action: string }) => h.action === 'subject-corrected')).toHaveLength(1);
  });

  it('hands a case to the Sozialregion of its municipality; it is "at Sozialregion X" once accepted and back with the IB when returned', async () => {
    const { caseId } = await openCase(t, { bfsNumber: 2581, municipalityName: 'Olten' });
    const requested = await t.call('ib.olten', 'POST', `/api/v1/cases/${caseId}/dfpa-handover`, {
      reason: 'Besonderer Integrationsbedarf',
      contact: { name: 'Integrationsstelle Olten' },
    });
    expect(requested.status).toBe(200);
    expect(requested.body.status).toBe('dfpa-handover-requested');
    const event = await eventually(() => {
      const e = t.emitted('case.dfpa-handover-requested.v1').find((x) => x.subject === caseId);
      if (!e) throw new Error('not emitted yet');
      return e;
    });
    const data = event.data as { handoverId: string; sozialregionId: string; person: { officialName: string } };
    expect(data.sozialregionId).toBe('olten');
    expect(data.person.officialName).toBe('Tesfay');
    const audit = (
      await t.sql.query(
        `SELECT recipient, detail FROM audit_record WHERE action = 'case.request-dfpa-handover' AND object_id = $1`,
        [caseId],
      )
    ).rows[0];
    expect(audit.recipient).toBe('olten');
    expect(audit.detail.disclosedPersonFields).toContain('dateOfBirth');

    // The Sozialregion sees it (read only) once it is offered to it.
    expect((await t.call('sr.olten', 'GET', `/api/v1/cases/${caseId}`)).status).toBe(200);

    await t.publish('dfpa.case-accepted.v1', caseId, {
      handoverId: data.handoverId,
      caseId,
      personRef: 'p-x',
      sozialregionId: 'olten',
      municipality: 2581,
      acceptedOn: daysAgo(0),
    });
    await eventually(async () => expect((await row(caseId)).status).toBe('at-sozialregion'));
    const atRegion = await t.call('ib.olten', 'GET', `/api/v1/cases/${caseId}`);
    expect(atRegion.body.atSozialregion).toBe('olten');
    const refused = await t.call('ib.olten', 'POST', `/api/v1/cases/${caseId}/first-information/talk`, bodies.talk());
    expect(refused.status).toBe(409);
    expect(refused.body.rule).toBe('R16');

    await t.publish('dfpa.case-returned.v1', caseId, {
      handoverId: data.handoverId,
      caseId,
      personRef: 'p-x',
      sozialregionId: 'olten',
      municipality: 2581,
      returnedOn: daysAgo(0),
      reasonCode: 'goals-reached',
    });
    await eventually(async () => expect((await row(caseId)).status).toBe('open'));
    expect((await row(caseId)).handover_sozialregion).toBeNull();
    expect((await t.call('sr.olten', 'GET', `/api/v1/cases/${caseId}`)).status).toBe(404);
  });

  it('returns the case to the IB on rejection and ignores an answer from another Sozialregion (R25)', async () => {
    const { caseId } = await openCase(t, { bfsNumber: 2581 });
    const requested = await t.call('ags.koordination', 'POST', `/api/v1/cases/${caseId}/dfpa-handover`, {
      reason: 'Koordination AGS',
    });
    expect(requested.status).toBe(200);
    const handoverId = requested.body.handover.handoverId as string;
    await t.publish('dfpa.case-accepted.v1', caseId, {
      handoverId,
      caseId,
      personRef: 'p-x',
      sozialregionId: 'solothurn',
      municipality: 2581,
      acceptedOn: daysAgo(0),
    });
    await new Promise((r) => setTimeout(r, 800));
    expect((await row(caseId)).status).toBe('dfpa-handover-requested');
    await t.publish('dfpa.case-rejected.v1', caseId, {
      handoverId,
      caseId,
      personRef: 'p-x',
      sozialregionId: 'olten',
      municipality: 2581,
      rejectedOn: daysAgo(0),
      reasonCode: 'capacity',
    });
    await eventually(async () => expect((await row(caseId)).status).toBe('open'));
  });

  it('keeps EU/EFTA from the nationality when the permit code has no regulation', async () => {
    const { caseId } = await openCase(t, { country: GERMANY, permitCode: '02' });
    expect((await row(caseId)).eu_efta).toBe(true);
  });
});
