import { describe, expect, it } from '@jest/globals';
import { CaseDomainError } from './case.errors.js';
import { ib, openCase, talkInput } from './case.fixtures.js';
import { recordHouseholdFirstInformationTalk } from './household.js';

const mother = () => openCase();
const son = () =>
  openCase({
    caseId: '8c0d2e4f-1a3b-4c5d-8e6f-7a8b9c0d1e2f',
    personRef: 'p-0a1b2c3d4e5f',
    sex: 'male',
    birthYear: 2012,
  });

describe('one first-information talk for a household', () => {
  it('records the same talk in every case, with the household size', () => {
    const cases = [mother(), son()];
    const events = recordHouseholdFirstInformationTalk(cases, talkInput(), ib);
    for (const c of cases) {
      expect(c.phase).toBe('foerdern');
      expect(events.get(c.id)![0]!.data).toMatchObject({ talk: { talkId: 'fi-2547-0003', householdSize: 2 } });
    }
  });

  it('changes no case when one of them refuses', () => {
    const done = son();
    done.recordFirstInformation({ form: 'info-folder', handedOutOn: talkInput().heldOn, language: 'tir' }, ib);
    const pending = mother();
    expect(() => recordHouseholdFirstInformationTalk([pending, done], talkInput(), ib)).toThrow(CaseDomainError);
    expect(pending.state.firstInformation.outcome).toBe('pending');
    expect(pending.history).toHaveLength(1);
  });

  it('refuses cases of different households', () => {
    expect(() =>
      recordHouseholdFirstInformationTalk(
        [mother(), openCase({ caseId: 'x', personRef: 'p-x', householdRef: 'h-other' })],
        talkInput(),
        ib,
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid-command' }));
  });
});
