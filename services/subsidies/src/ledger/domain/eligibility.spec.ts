import { describe, expect, it } from '@jest/globals';
import { eligibility, type SubsidyFact } from './eligibility.js';
import { closedPeriods, periodOf } from './period.js';

const none = { firstInformationBookedForCase: false, talkBooked: false };
const talk: SubsidyFact = {
  kind: 'first-information',
  caseId: 'c1',
  municipality: 2545,
  on: '2027-02-03',
  form: 'talk',
  talkId: 't1',
  interpreter: true,
};

describe('eligibility', () => {
  it('earns the talk and the interpreter for a first-information talk with an interpreter', () => {
    expect(eligibility(talk, none)).toEqual({
      earns: [
        { item: 'first-information-talk', on: '2027-02-03', eligibilityKey: 'first-information-talk:t1' },
        { item: 'interpreter', on: '2027-02-03', eligibilityKey: 'first-information-talk:t1:interpreter' },
      ],
    });
  });

  it('refuses a second first information for the same case (S1) and the household talk a second time (S2)', () => {
    expect(eligibility(talk, { ...none, firstInformationBookedForCase: true })).toEqual({
      refused: expect.objectContaining({ rule: 'S1' }),
    });
    expect(eligibility({ ...talk, caseId: 'c2' }, { ...none, talkBooked: true })).toEqual({
      refused: expect.objectContaining({ rule: 'S2' }),
    });
  });

  it('pays an integration talk only with integration deficits (S3)', () => {
    const it2: SubsidyFact = {
      kind: 'integration-talk',
      caseId: 'c1',
      municipality: 2601,
      on: '2027-05-01',
      talkId: 'i1',
      interpreter: false,
      deficitCriteria: [],
    };
    expect(eligibility(it2, none)).toEqual({ refused: expect.objectContaining({ rule: 'S3' }) });
    expect(eligibility({ ...it2, deficitCriteria: ['c'] }, none)).toEqual({
      earns: [{ item: 'integration-talk', on: '2027-05-01', eligibilityKey: 'integration-talk:i1' }],
    });
  });
});

describe('claim periods', () => {
  it('cuts the year into quarters by default and other lengths when configured', () => {
    expect(periodOf('2027-02-14', 3)).toEqual({ label: '2027-Q1', from: '2027-01-01', to: '2027-03-31' });
    expect(periodOf('2028-02-29', 1)).toEqual({ label: '2028-M02', from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('2027-12-31', 6)).toEqual({ label: '2027-H2', from: '2027-07-01', to: '2027-12-31' });
    expect(periodOf('2027-07-01', 12).label).toBe('2027');
  });

  it('lists the periods that have ended before today', () => {
    expect(closedPeriods(2027, 3, '2027-07-01').map((p) => p.label)).toEqual(['2027-Q1', '2027-Q2']);
    expect(closedPeriods(2027, 3, '2027-06-30').map((p) => p.label)).toEqual(['2027-Q1']);
  });
});
