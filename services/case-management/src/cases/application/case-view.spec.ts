import { describe, expect, it } from '@jest/globals';
import type { CaseState } from '../domain/index.js';
import { d, ib, integrationTalkInput, openCase, talkInput } from '../domain/case.fixtures.js';
import { caseDetail, type CaseDetailExtras } from './case-view.js';

const extras: CaseDetailExtras = {
  names: { officialName: 'Muster', firstName: 'Amina' },
  history: [],
  household: [],
  reminders: [],
  today: d('2027-06-01'),
};

/** A case after an integration talk whose records carry a field the views do not know yet (as a new one would). */
function caseWithTalk(): CaseState {
  const c = openCase();
  c.recordFirstInformation(talkInput(), ib);
  c.holdIntegrationTalk({ ...integrationTalkInput({ heldOn: d('2027-05-20') }), notes: 'Gesundheit angesprochen' }, ib);
  const state = c.state;
  return {
    ...state,
    subject: { ...state.subject, newSensitiveField: 'x' } as CaseState['subject'],
    integrationTalks: state.integrationTalks.map((t) => ({ ...t, newSensitiveField: 'x' })),
  };
}

describe('role views (allow-lists, R22/R25)', () => {
  it('gives the Sozialregion only the listed fields of the person and the talks: no health circumstances, no notes, nothing new', () => {
    const view = caseDetail(caseWithTalk(), 'sozialregion', extras);
    expect(view.person).not.toHaveProperty('newSensitiveField');
    const talks = (view as { integrationTalks: Record<string, unknown>[] }).integrationTalks;
    expect(talks).toHaveLength(1);
    expect(Object.keys(talks[0]!).sort()).toEqual([
      'assessment',
      'durationMinutes',
      'heldOn',
      'interpreter',
      'place',
      'talkId',
    ]);
    expect(view).toMatchObject({ abs2Considerations: [], person: { officialName: 'Muster' } });
  });

  it('gives AGS no names and of the person only nationality and EU/EFTA', () => {
    const view = caseDetail(caseWithTalk(), 'ags', extras);
    expect(view.person).toBeNull();
    expect(Object.keys((view as { subject: object }).subject).sort()).toEqual(['euEfta', 'nationality']);
    expect(view).not.toHaveProperty('integrationTalks');
  });

  it('gives the IB the whole case with the notes and health circumstances', () => {
    const view = caseDetail(caseWithTalk(), 'gemeinde', extras) as {
      integrationTalks: Record<string, unknown>[];
      abs2Considerations: unknown[];
    };
    expect(view.integrationTalks[0]).toMatchObject({ notes: 'Gesundheit angesprochen', abs2: expect.any(Object) });
    expect(view.abs2Considerations).toHaveLength(1);
  });
});
