import { describe, expect, it } from '@jest/globals';
import { canAccessCase } from './case-access.js';
import { CaseClosedError } from './case.errors.js';
import {
  acceptAnswer,
  caseInFoerdern,
  caseReported,
  ctx,
  d,
  dfpaSystem,
  directory,
  HANDOVER,
  handoverInput,
  ib,
  openCase,
  refusalOf,
  REGION,
  STATES,
  system,
  talkInput,
} from './case.fixtures.js';

describe('DFPA hand-over (R16, R25)', () => {
  it('goes to the Sozialregion of the case municipality and carries what it needs to take the case over', () => {
    const c = caseInFoerdern();
    const [event] = c.requestDfpaHandover(handoverInput(), directory, ib);
    expect(c.status).toBe('dfpa-handover-requested');
    expect(event!.type).toBe('case.dfpa-handover-requested.v1');
    expect(event!.data).toMatchObject({
      handoverId: HANDOVER,
      sozialregionId: 'mittlerer-unterer-leberberg',
      municipality: 2547,
      requestedBy: { role: 'gemeinde' },
      person: {
        personRef: 'p-5f0c1e9a3b7d',
        officialName: 'Tesfay',
        vn: '7561234567897',
        permitCode: '0503',
        address: { town: 'Günsberg' },
      },
      caseSummary: {
        phase: 'foerdern',
        firstInformation: { outcome: 'completed', supportNeed: 'special' },
        referrals: [{ referralId: 'ref-1' }],
      },
    });
    // The history records what was disclosed to whom, not a second copy of the personal data.
    expect(c.history.at(-1)!.details).toMatchObject({
      sozialregionId: REGION,
      disclosedPersonFields: expect.arrayContaining(['officialName', 'vn']),
    });
    expect(JSON.stringify(c.history)).not.toContain('Tesfay');
  });

  it('routes a case of Olten to the Olten region, not to the one of the requesting officer', () => {
    const c = caseInFoerdern({ municipality: 2581 });
    const [event] = c.requestDfpaHandover(handoverInput(), directory, ctx('ags'));
    expect(event!.data).toMatchObject({ sozialregionId: 'olten', requestedBy: { role: 'ags' } });
  });

  it('shows "at Sozialregion X" only after acceptance; the IB then cannot work the case (R16)', () => {
    const c = caseInFoerdern();
    c.requestDfpaHandover(handoverInput(), directory, ib);
    expect(
      c.makeReferral(
        {
          referralId: 'ref-2',
          madeOn: d('2027-05-02'),
          target: { kind: 'offer', offerId: 'o-1' },
          category: 'social',
          measure: 'x',
        },
        ib,
      ),
    ).toHaveLength(1);
    c.acceptDfpaHandover(acceptAnswer(), dfpaSystem);
    expect(c.status).toBe('at-sozialregion');
    expect(c.sozialregionId).toBe(REGION);
    expect(c.state.handover).toMatchObject({
      status: 'accepted',
      acceptedOn: '2027-05-03',
      dfpaCaseRef: 'SRMUL-2027-0042',
    });
    const e = refusalOf(() =>
      c.makeReferral(
        {
          referralId: 'ref-3',
          madeOn: d('2027-05-04'),
          target: { kind: 'offer', offerId: 'o-1' },
          category: 'social',
          measure: 'x',
        },
        ib,
      ),
    );
    expect(e).toMatchObject({ ruleId: 'R16', kind: 'conflict' });
    expect(e.messages.de).toContain('Sozialregion «mittlerer-unterer-leberberg»');
  });

  it('refuses answers for another hand-over or from another Sozialregion (R25)', () => {
    const c = caseInFoerdern();
    c.requestDfpaHandover(handoverInput(), directory, ib);
    expect(
      refusalOf(() => c.acceptDfpaHandover({ ...acceptAnswer(), sozialregionId: 'olten' }, dfpaSystem)),
    ).toMatchObject({ ruleId: 'R25', kind: 'forbidden' });
    expect(refusalOf(() => c.acceptDfpaHandover({ ...acceptAnswer(), handoverId: 'other' }, dfpaSystem))).toMatchObject(
      { ruleId: 'R25', code: 'handover-mismatch' },
    );
    expect(refusalOf(() => c.acceptDfpaHandover(acceptAnswer('2027-05-01'), dfpaSystem))).toMatchObject({
      ruleId: 'CM7',
    });
    const otherRegionUser = {
      ...ctx('sozialregion'),
      actor: { id: 'sr-olten', role: 'sozialregion' as const, sozialregion: 'olten' },
    };
    expect(refusalOf(() => c.acceptDfpaHandover(acceptAnswer(), otherRegionUser))).toMatchObject({
      ruleId: 'R25',
      kind: 'forbidden',
    });
    expect(c.status).toBe('dfpa-handover-requested');
    c.acceptDfpaHandover(acceptAnswer(), ctx('sozialregion'));
    expect(c.status).toBe('at-sozialregion');
  });

  it('returns to the IB on rejection and on return, keeping the past hand-overs', () => {
    const rejected = caseInFoerdern();
    rejected.requestDfpaHandover(handoverInput(), directory, ib);
    rejected.rejectDfpaHandover(
      {
        handoverId: HANDOVER,
        sozialregionId: REGION,
        on: d('2027-05-03'),
        reasonCode: 'incomplete-information',
        reason: 'Bitte Gesprächsergebnis ergänzen.',
      },
      dfpaSystem,
    );
    expect(rejected.status).toBe('open');
    expect(rejected.sozialregionId).toBeNull();
    expect(rejected.state.pastHandovers[0]).toMatchObject({
      status: 'rejected',
      endReasonCode: 'incomplete-information',
    });
    expect(refusalOf(() => rejected.requestDfpaHandover(handoverInput(), directory, ib))).toMatchObject({
      code: 'invalid-command',
    });

    const returned = STATES.atSozialregion();
    expect(
      refusalOf(() =>
        returned.returnFromDfpa(
          { handoverId: HANDOVER, sozialregionId: REGION, on: d('2027-05-20'), reasonCode: 'tired' },
          dfpaSystem,
        ),
      ),
    ).toMatchObject({ ruleId: 'R16' });
    returned.returnFromDfpa(
      { handoverId: HANDOVER, sozialregionId: REGION, on: d('2027-05-20'), reasonCode: 'goals-reached' },
      dfpaSystem,
    );
    expect(returned.status).toBe('open');
    expect(returned.history.map((h) => h.action).slice(-3)).toEqual([
      'dfpa-handover-requested',
      'dfpa-handover-accepted',
      'dfpa-case-returned',
    ]);
  });

  it('lets a Sozialregion see only cases handed to it', () => {
    const org = { actsFor: () => false };
    const sr = ctx('sozialregion').actor;
    const c = caseInFoerdern();
    expect(canAccessCase(sr, c.state, org, d('2027-06-01'))).toBe(false);
    c.requestDfpaHandover(handoverInput(), directory, ib);
    expect(canAccessCase(sr, c.state, org, d('2027-06-01'))).toBe(true);
    expect(canAccessCase({ ...sr, sozialregion: 'olten' }, c.state, org, d('2027-06-01'))).toBe(false);
  });
});

describe('transfer within the canton and closing (CM5)', () => {
  it('transfers the same case to the new municipality, keeps its history and restarts a pending deadline', () => {
    const c = openCase();
    const before = c.history.length;
    const [event] = c.transfer({ toMunicipality: 2601, movedOn: d('2027-01-05') }, directory, system);
    expect(c.id).toBe('3f2b8c1e-6a4d-4e0b-9c7a-5d1e2f3a4b5c');
    expect(c.municipality).toBe(2601);
    expect(c.history).toHaveLength(before + 1);
    expect(c.state.transfers).toEqual([{ from: 2547, to: 2601, movedOn: '2027-01-05' }]);
    expect(c.state.firstInformationDeadline.due).toBe('2027-04-05');
    expect(event!.data).toMatchObject({
      municipality: 2601,
      fromMunicipality: 2547,
      toMunicipality: 2601,
      firstInformationDue: '2027-04-05',
      status: 'open',
    });
  });

  it('keeps a met deadline on transfer and refuses a move out of the canton', () => {
    const c = caseInFoerdern();
    const [event] = c.transfer({ toMunicipality: 2581, movedOn: d('2027-03-01') }, directory, system);
    expect(event!.data).toMatchObject({ firstInformationDue: null });
    expect(
      refusalOf(() => c.transfer({ toMunicipality: 351, movedOn: d('2027-04-01') }, directory, system)),
    ).toMatchObject({ ruleId: 'CM5', code: 'transfer-outside-canton' });
    expect(
      refusalOf(() => c.transfer({ toMunicipality: 2581, movedOn: d('2027-04-01') }, directory, system)),
    ).toMatchObject({ ruleId: 'CM5' });
  });

  it.each(['departed-abroad', 'departed-other-canton', 'naturalised', 'died'] as const)(
    'closes on %s with that reason, idempotently',
    (reason) => {
      const c = caseReported();
      const [event] = c.closeFromRegister({ reason, on: d('2027-05-31') }, system);
      expect(c.status).toBe('closed');
      expect(event!.data).toMatchObject({
        reason,
        phase: 'sanktionieren',
        closedOn: '2027-05-31',
        firstInformationOutcome: 'completed',
      });
      const length = c.history.length;
      expect(c.closeFromRegister({ reason, on: d('2027-06-01') }, system)).toEqual([]);
      expect(c.history).toHaveLength(length);
      expect(() => c.recordFirstInformation(talkInput(), ib)).toThrow(CaseClosedError);
    },
  );

  it('closes a case at the Sozialregion when the person leaves (registry facts are never refused)', () => {
    const c = STATES.atSozialregion();
    expect(c.closeFromRegister({ reason: 'departed-abroad', on: d('2027-05-31') }, system)[0]!.data).toMatchObject({
      reason: 'departed-abroad',
    });
  });

  it('names the Sozialregion of a pending or accepted hand-over on transfer and closing, so that only its dfpa hears them', () => {
    for (const state of [STATES.handoverRequested, STATES.atSozialregion]) {
      const moved = state();
      const [transferred] = moved.transfer({ toMunicipality: 2581, movedOn: d('2027-06-01') }, directory, system);
      expect(transferred!.data).toMatchObject({ sozialregionId: REGION, toMunicipality: 2581 });
      const [closed] = state().closeFromRegister({ reason: 'departed-abroad', on: d('2027-06-01') }, system);
      expect(closed!.data).toMatchObject({ sozialregionId: REGION });
    }
    // At no region (never handed over, or handed back): no region, so the relay routes it to no region's queue.
    const returned = STATES.atSozialregion();
    returned.returnFromDfpa(
      { handoverId: HANDOVER, sozialregionId: REGION, on: d('2027-05-20'), reasonCode: 'goals-reached' },
      dfpaSystem,
    );
    for (const c of [openCase(), returned]) {
      const [transferred] = c.transfer({ toMunicipality: 2581, movedOn: d('2027-06-01') }, directory, system);
      expect(transferred!.data).not.toHaveProperty('sozialregionId');
      const [closed] = c.closeFromRegister({ reason: 'departed-other-canton', on: d('2027-06-02') }, system);
      expect(closed!.data).not.toHaveProperty('sozialregionId');
    }
  });

  it('lets the IB close with a reason, but refuses the register reasons for it', () => {
    const c = openCase();
    expect(refusalOf(() => c.closeByOfficer({ on: d('2027-05-01'), note: '' }, ib))).toMatchObject({ ruleId: 'CM7' });
    expect(
      refusalOf(() => c.closeFromRegister({ reason: 'closed-by-officer' as never, on: d('2027-05-01') }, system)),
    ).toMatchObject({ ruleId: 'CM5' });
    c.closeByOfficer({ on: d('2027-05-01'), note: 'Person nicht erreichbar, Wegzug unbekannt.' }, ib);
    expect(c.state.closure).toEqual({
      reason: 'closed-by-officer',
      on: '2027-05-01',
      note: 'Person nicht erreichbar, Wegzug unbekannt.',
    });
  });
});
