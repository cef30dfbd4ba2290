import { describe, expect, it } from '@jest/globals';
import { caseInFoerdern, ctx, d, openCase } from './case.fixtures.js';

/**
 * Issue 9 point 4: a register correction or change of what reports and subsidies count by raises
 * case.counting-attributes-changed.v1 with the attributes before and after, so both can follow it.
 */
describe('counting attributes changed by the register', () => {
  const germany = { bfsCode: 8207, iso2: 'DE', euEfta: true };

  it('a corrected nationality, sex and birth year raise one event naming what changed, with the attributes before and after', () => {
    const c = caseInFoerdern();
    const before = c.state.subject;
    const [event, ...more] = c.correctSubject(
      { nationality: germany, sex: before.sex === 'female' ? 'male' : 'female', birthYear: before.birthYear - 1 },
      ctx('system'),
    );
    expect(more).toEqual([]);
    expect(event?.type).toBe('case.counting-attributes-changed.v1');
    expect(event?.subject).toBe(c.state.caseId);
    expect(event?.data).toMatchObject({
      caseId: c.state.caseId,
      personRef: before.personRef,
      municipality: c.state.municipality,
      cause: 'register-correction',
      effectiveFrom: null,
      status: 'open',
      phase: 'foerdern',
      changed: expect.arrayContaining(['nationality', 'sex', 'birthYear']),
      previousAttributes: {
        nationality: { bfsCode: before.nationality.bfsCode },
        sex: before.sex,
        birthYear: before.birthYear,
      },
      attributes: { nationality: { bfsCode: 8207, iso2: 'DE' }, birthYear: before.birthYear - 1 },
    });
  });

  it('a correction that changes nothing raises nothing', () => {
    const c = caseInFoerdern();
    const { nationality, sex, birthYear } = c.state.subject;
    expect(c.correctSubject({ nationality, sex, birthYear }, ctx('system'))).toEqual([]);
  });

  it('a new permit is a change valid from its date, a corrected permit a correction; the EU/EFTA status follows (R10)', () => {
    const c = caseInFoerdern({ residencePermit: '0503' });
    const [changed] = c.changePermit({ residencePermit: '0201', validFrom: d('2027-03-01') }, ctx('system'));
    expect(changed?.data).toMatchObject({
      cause: 'register-change',
      effectiveFrom: '2027-03-01',
      changed: ['permit', 'euEfta'],
      previousAttributes: { permitCode: '0503', euEfta: false },
      attributes: { permitCode: '0201', permitAusweis: 'B', euEfta: true },
    });
    const [corrected] = c.changePermit(
      { residencePermit: '0202', validFrom: d('2027-03-02'), correction: true },
      ctx('system'),
    );
    expect(corrected?.data).toMatchObject({
      cause: 'register-correction',
      effectiveFrom: null,
      changed: ['permit', 'euEfta'],
    });
  });

  it('carries no names, addresses or AHV numbers', () => {
    const c = openCase();
    const [event] = c.correctSubject(
      { nationality: germany, sex: c.state.subject.sex, birthYear: c.state.subject.birthYear },
      ctx('system'),
    );
    expect(Object.keys(event?.data ?? {}).sort()).toEqual([
      'attributes',
      'caseId',
      'cause',
      'changed',
      'effectiveFrom',
      'municipality',
      'personRef',
      'phase',
      'previousAttributes',
      'status',
    ]);
  });
});
