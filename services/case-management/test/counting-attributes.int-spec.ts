import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@si/testing';
import { startCaseApp, type CaseTestApp } from './support/case-app.js';
import { openCase } from './support/case-flow.js';
import { corrected, GERMANY, permitChanged } from './support/person-events.js';

/**
 * Issue 9 point 4 over the broker: the register's corrections and changes of what reports and subsidies count
 * by reach them as case.counting-attributes-changed.v1 (through the outbox, on si.events).
 */
describe('register corrections of counting attributes become case events', () => {
  let t: CaseTestApp;
  beforeAll(async () => {
    t = await startCaseApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const emittedFor = (caseId: string) =>
    t.emitted('case.counting-attributes-changed.v1').filter((e) => e.subject === caseId);

  it('emits the corrected nationality, sex and birth year with the attributes before, once per correction', async () => {
    const { caseId, personRef } = await openCase(t, { permitCode: '02' });
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
    const [event] = await eventually(() => {
      const found = emittedFor(caseId);
      if (found.length === 0) throw new Error('not emitted yet');
      return found;
    });
    expect(event?.data).toMatchObject({
      caseId,
      personRef,
      municipality: 2601,
      cause: 'register-correction',
      effectiveFrom: null,
      changed: ['nationality', 'euEfta', 'sex', 'birthYear'],
      previousAttributes: { nationality: { bfsCode: 8362 }, euEfta: false, sex: 'female', birthYear: 1994 },
      attributes: { nationality: { bfsCode: GERMANY.bfsCode, iso2: 'DE' }, euEfta: true, sex: 'male', birthYear: 1990 },
    });
    // The same correction again changes nothing, and says nothing.
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
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(emittedFor(caseId)).toHaveLength(1);
  });

  it('emits a permit change with its date and a permit correction as a correction', async () => {
    const { caseId, personRef } = await openCase(t, { permitCode: '0202' });
    await t.publish('person.residence-permit-changed.v1', personRef, permitChanged(personRef, 2601, '0302'));
    await eventually(() => expect(emittedFor(caseId).map((e) => e.data.cause)).toEqual(['register-change']));
    expect(emittedFor(caseId)[0]?.data).toMatchObject({
      changed: ['permit'],
      previousAttributes: { permitCode: '0202' },
      attributes: { permitCode: '0302', permitAusweis: 'C' },
    });
    expect(emittedFor(caseId)[0]?.data.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await t.publish(
      'person.corrected.v1',
      personRef,
      corrected(personRef, 2601, ['residencePermit'], { permitCode: '0502' }),
    );
    await eventually(() =>
      expect(emittedFor(caseId).map((e) => e.data.cause)).toEqual(['register-change', 'register-correction']),
    );
    expect(emittedFor(caseId)[1]?.data).toMatchObject({
      effectiveFrom: null,
      attributes: { permitCode: '0502', permitAusweis: 'F' },
    });
  });
});
