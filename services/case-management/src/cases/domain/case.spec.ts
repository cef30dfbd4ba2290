import { describe, expect, it } from '@jest/globals';
import { Case } from './case.js';
import { arrivalKey, decideOpening } from './case-opening.js';
import { InvalidCommandError } from './case.errors.js';
import {
  caseInFoerdern,
  caseInFordern,
  config,
  ctx,
  d,
  directory,
  ib,
  integrationTalkInput,
  openCase,
  openInput,
  refusalOf,
  system,
  talkInput,
} from './case.fixtures.js';

describe('Case.open (person.arrived.v1)', () => {
  it('opens in informieren with the first-information deadline and one history entry', () => {
    const { case: c, events } = Case.open(openInput(), directory, config, system);
    expect(c.status).toBe('open');
    expect(c.phase).toBe('informieren');
    expect(c.municipality).toBe(2547);
    expect(c.state.firstInformationDeadline.due).toBe('2027-02-20');
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('case.opened.v1');
    expect(events[0]!.subject).toBe(c.id);
    expect(events[0]!.data).toMatchObject({
      municipality: 2547,
      personRef: 'p-5f0c1e9a3b7d',
      firstInformationDue: '2027-02-20',
      householdRef: 'h-19ce20aa',
    });
    expect(c.history.map((h) => h.action)).toEqual(['case-opened']);
    expect(c.history[0]).toMatchObject({ seq: 1, actorId: 'registry-intake', role: 'system' });
  });

  it('carries no names or AHV numbers in the opened event', () => {
    const { events } = Case.open(openInput(), directory, config, system);
    const json = JSON.stringify(events[0]!.data);
    expect(json).not.toMatch(/Tesfay|Senait|756\d{10}/);
  });

  it('refuses Swiss nationals (R14) and municipalities outside the canton (CM5)', () => {
    expect(
      refusalOf(() =>
        Case.open(openInput({ nationality: { bfsCode: 8100, iso2: 'CH', euEfta: true } }), directory, config, system),
      ).ruleId,
    ).toBe('R14');
    expect(refusalOf(() => Case.open(openInput({ municipality: 351 }), directory, config, system)).ruleId).toBe('CM5');
  });

  it('never opens a second case for the same arrival (CM3)', () => {
    const input = openInput();
    const existing = [{ caseId: 'c-1', arrivalKey: arrivalKey(input), status: 'open' as const }];
    expect(decideOpening(input, existing)).toEqual({ kind: 'duplicate', caseId: 'c-1' });
    expect(decideOpening({ ...input, arrivalEventId: 'another-message-id' }, existing)).toEqual({
      kind: 'duplicate',
      caseId: 'c-1',
    });
    expect(decideOpening({ ...input, registrationDate: d('2028-01-10') }, existing)).toEqual({
      kind: 'already-open',
      caseId: 'c-1',
    });
    expect(
      decideOpening({ ...input, registrationDate: d('2028-01-10') }, [{ ...existing[0]!, status: 'closed' }]),
    ).toEqual({ kind: 'open' });
    expect(decideOpening(input, [])).toEqual({ kind: 'open' });
  });

  it('derives EU/EFTA from the permit regulation, else from the nationality (R10, R12)', () => {
    expect(
      openCase({ residencePermit: '0201', nationality: { bfsCode: 8501, iso2: 'AF', euEfta: false } }).state.subject
        .euEfta,
    ).toBe(true);
    expect(
      openCase({ residencePermit: '0202', nationality: { bfsCode: 8218, iso2: 'IT', euEfta: true } }).state.subject
        .euEfta,
    ).toBe(false);
    expect(
      openCase({ residencePermit: '02', nationality: { bfsCode: 8218, iso2: 'IT', euEfta: true } }).state.subject
        .euEfta,
    ).toBe(true);
    expect(
      openCase({ residencePermit: null, nationality: { bfsCode: 8218, iso2: 'IT', euEfta: true } }).state.subject
        .euEfta,
    ).toBe(true);
    expect(refusalOf(() => openCase({ residencePermit: '99' })).ruleId).toBe('R12');
  });
});

describe('Informieren', () => {
  it('a talk completes first information, meets the deadline and moves to foerdern', () => {
    const c = openCase();
    const [event] = c.recordFirstInformation(talkInput(), ib);
    expect(c.phase).toBe('foerdern');
    expect(c.state.firstInformation.outcome).toBe('completed');
    expect(c.state.firstInformationDeadline.metOn).toBe('2027-01-14');
    expect(c.firstInformationDeadlineStatus(d('2027-12-31'))).toBe('met');
    expect(event!.type).toBe('case.first-information-completed.v1');
    expect(event!.data).toMatchObject({
      form: 'talk',
      withinDeadline: true,
      talk: {
        interpreter: { used: true, language: 'tir' },
        supportNeed: 'special',
        offersRecommended: 2,
        householdSize: 1,
      },
    });
  });

  it('an info folder completes it too, with its language', () => {
    const c = openCase();
    const [event] = c.recordFirstInformation(
      { form: 'info-folder', handedOutOn: d('2027-03-01'), language: 'tir' },
      ib,
    );
    expect(event!.data).toMatchObject({
      form: 'info-folder',
      folderLanguage: 'tir',
      talk: null,
      withinDeadline: false,
      dueOn: '2027-02-20',
    });
  });

  it('refuses a talk missing a VIntA Art. 8 topic (R2), an interpreter without language, CEFR outside the scale (R9)', () => {
    const c = openCase();
    expect(
      refusalOf(() =>
        c.recordFirstInformation(
          talkInput({ topics: { languageEducationWork: true, languageOffers: false, legalOrderAndNorms: true } }),
          ib,
        ),
      ).ruleId,
    ).toBe('R2');
    expect(
      refusalOf(() => c.recordFirstInformation(talkInput({ interpreter: { used: true, language: '' } }), ib)),
    ).toBeInstanceOf(InvalidCommandError);
    expect(
      refusalOf(() =>
        c.recordFirstInformation(
          talkInput({ languageSkills: [{ language: 'deu', oral: 'A3' as never, written: 'A1' }] }),
          ib,
        ),
      ).ruleId,
    ).toBe('R9');
    expect(refusalOf(() => c.recordFirstInformation(talkInput({ heldOn: d('2027-07-01') }), ib)).ruleId).toBe('CM7');
    expect(c.state.firstInformation.outcome).toBe('pending');
  });

  it('records no-shows with re-invitation, then a refusal that ends the deadline', () => {
    const c = openCase();
    expect(c.recordFirstInformationNoShow({ missedOn: d('2027-01-10'), reinvitedFor: d('2027-01-24') }, ib)).toEqual(
      [],
    );
    c.recordFirstInformationNoShow({ missedOn: d('2027-01-24') }, ib);
    expect(c.state.firstInformation.noShows).toEqual([
      { missedOn: '2027-01-10', reinvitedFor: '2027-01-24' },
      { missedOn: '2027-01-24', reinvitedFor: null },
    ]);
    c.recordFirstInformationRefusal({ on: d('2027-02-01'), note: 'Will kein Gespräch.' }, ib);
    expect(c.state.firstInformation.outcome).toBe('refused');
    expect(c.phase).toBe('foerdern');
    expect(c.firstInformationDeadlineStatus(d('2027-12-31'))).toBe('met');
    // A person who refused can still change their mind.
    expect(c.recordFirstInformation(talkInput(), ib)).toHaveLength(1);
  });
});

describe('Fördern', () => {
  it('makes a referral to a typed VIntA Art. 4 structure, offer or free text; the text stays in the case', () => {
    const c = caseInFoerdern();
    const [event] = c.makeReferral(
      {
        referralId: 'ref-2',
        madeOn: d('2027-02-01'),
        target: { kind: 'free-text', text: 'Quartiertreff Günsberg, Frau M.' },
        category: 'social',
        measure: 'Treffpunkt besuchen',
      },
      ib,
    );
    expect(event!.data).toMatchObject({ referralId: 'ref-2', target: { kind: 'free-text' }, status: 'proposed' });
    expect(JSON.stringify(event!.data)).not.toContain('Frau M.');
    expect(
      refusalOf(() =>
        c.makeReferral(
          {
            referralId: 'ref-3',
            madeOn: d('2027-02-01'),
            target: { kind: 'regular-structure', structure: 'church' as never },
            category: 'social',
            measure: 'x',
          },
          ib,
        ),
      ).ruleId,
    ).toBe('R3');
    expect(
      refusalOf(() =>
        c.makeReferral(
          {
            referralId: 'ref-2',
            madeOn: d('2027-02-01'),
            target: { kind: 'offer', offerId: 'o' },
            category: 'social',
            measure: 'x',
          },
          ib,
        ),
      ).ruleId,
    ).toBe('CM7');
  });

  it("discloses name and contact to the offer's provider only with the person's consent, in an event of its own", () => {
    const c = caseInFoerdern();
    const referral = (referralId: string, over: Record<string, unknown>) => ({
      referralId,
      madeOn: d('2027-02-01'),
      target: { kind: 'offer' as const, offerId: '0c7e5a52-1d2b-4f3a-9e8d-7c6b5a4f3e2d' },
      category: 'language' as const,
      measure: 'Deutschkurs A2',
      ...over,
    });
    const person = {
      officialName: 'Tesfay',
      firstName: 'Senait',
      address: { street: 'Dorfstrasse', houseNumber: '12', postalCode: '4500', town: 'Solothurn' },
      phone: '+41 79 000 00 00',
      email: null,
    };
    const without = c.makeReferral(referral('ref-a', {}), ib);
    expect(without.map((e) => e.type)).toEqual(['case.referral-made.v1']);
    expect(c.state.referrals.at(-1)).toMatchObject({ referralId: 'ref-a', disclosureConsent: false });

    const withConsent = c.makeReferral(referral('ref-b', { disclosureConsent: true, disclosedPerson: person }), ib);
    expect(withConsent.map((e) => e.type)).toEqual(['case.referral-made.v1', 'case.referral-disclosed.v1']);
    expect(withConsent[1]!.data).toEqual({
      referralId: 'ref-b',
      caseId: c.state.caseId,
      personRef: c.state.subject.personRef,
      offerId: '0c7e5a52-1d2b-4f3a-9e8d-7c6b5a4f3e2d',
      consentOn: '2027-02-01',
      person,
    });
    expect(JSON.stringify(withConsent[0]!.data)).not.toContain('Tesfay');
    // The case keeps the consent, not a copy of the name (that stays in the person store).
    expect(c.state.referrals.at(-1)).toMatchObject({ referralId: 'ref-b', disclosureConsent: true });
    expect(JSON.stringify(c.state)).not.toContain('Tesfay');

    const refused = refusalOf(() =>
      c.makeReferral(
        referral('ref-c', { target: { kind: 'free-text', text: 'Quartiertreff' }, disclosureConsent: true }),
        ib,
      ),
    );
    expect(refused).toMatchObject({ ruleId: 'R3', details: { field: 'disclosureConsent' } });
  });

  it('moves a referral through its statuses and refuses impossible steps', () => {
    const c = caseInFoerdern();
    c.updateReferralStatus('ref-1', { status: 'agreed', on: d('2027-02-01') }, ib);
    c.updateReferralStatus('ref-1', { status: 'started', on: d('2027-02-15') }, ib);
    expect(refusalOf(() => c.updateReferralStatus('ref-1', { status: 'proposed', on: d('2027-03-01') }, ib)).code).toBe(
      'referral-status-step',
    );
    c.updateReferralStatus('ref-1', { status: 'completed', on: d('2027-05-15'), reason: 'A1 bestanden' }, ib);
    expect(c.state.referrals[0]!.statusHistory.map((s) => s.status)).toEqual([
      'proposed',
      'agreed',
      'started',
      'completed',
    ]);
    expect(refusalOf(() => c.updateReferralStatus('nope', { status: 'agreed', on: d('2027-03-01') }, ib)).kind).toBe(
      'not-found',
    );
  });
});

describe('Fordern', () => {
  it('an integration talk assesses Art. 58a a–d and moves to fordern; only deficits and the Abs. 2 flag leave the case', () => {
    const c = caseInFoerdern();
    const [event] = c.holdIntegrationTalk(
      integrationTalkInput({
        talkId: 'it-9',
        abs2: {
          considered: true,
          disability: false,
          illness: true,
          otherWeightyCircumstances: false,
          assessment: 'Chronische Erkrankung, Kurs nur Teilzeit.',
        },
      }),
      ib,
    );
    expect(c.phase).toBe('fordern');
    expect(event!.data).toMatchObject({
      talkId: 'it-9',
      deficitCriteria: ['c', 'd'],
      abs2Considered: true,
      talkNumber: 1,
    });
    expect(JSON.stringify(event!.data)).not.toMatch(/illness|Erkrankung/);
    expect(
      refusalOf(() =>
        c.holdIntegrationTalk(
          integrationTalkInput({ assessment: { a: 'met', b: 'met', c: 'bad' as never, d: 'met' } }),
          ib,
        ),
      ).ruleId,
    ).toBe('R4');
    expect(
      refusalOf(() =>
        c.holdIntegrationTalk(
          integrationTalkInput({
            abs2: {
              considered: true,
              disability: false,
              illness: false,
              otherWeightyCircumstances: false,
              assessment: ' ',
            },
          }),
          ib,
        ),
      ).ruleId,
    ).toBe('R4');
  });

  it('the municipal agreement needs goals, measures with deadlines, financing and a later review date (R5), and is not binding', () => {
    const c = caseInFordern();
    const [concluded] = c.concludeAgreement(
      {
        agreementId: 'ag-3',
        concludedOn: d('2027-05-20'),
        goals: [{ criterion: 'c', text: 'A2 mündlich' }],
        measures: [{ text: 'Kurs', category: 'language', dueOn: d('2027-08-01') }],
        financing: { source: 'person', note: '' },
        reviewOn: d('2027-09-01'),
      },
      ib,
    );
    expect(concluded!.data).toMatchObject({ binding: false, goalCriteria: ['c'], reviewOn: '2027-09-01' });
    const base = {
      agreementId: 'ag-4',
      concludedOn: d('2027-05-20'),
      goals: [{ criterion: 'c' as const, text: 'A2' }],
      measures: [{ text: 'Kurs', category: 'language' as const, dueOn: d('2027-08-01') }],
      financing: { source: 'person' as const, note: '' },
      reviewOn: d('2027-09-01'),
    };
    expect(refusalOf(() => c.concludeAgreement({ ...base, goals: [] }, ib)).ruleId).toBe('R5');
    expect(refusalOf(() => c.concludeAgreement({ ...base, reviewOn: d('2027-05-20') }, ib)).ruleId).toBe('R5');
    expect(
      refusalOf(() => c.concludeAgreement({ ...base, financing: { source: 'nobody' as never, note: '' } }, ib)).ruleId,
    ).toBe('R5');
    expect(
      refusalOf(() =>
        c.concludeAgreement(
          { ...base, measures: [{ text: 'Kurs', category: 'language', dueOn: d('2027-01-01') }] },
          ib,
        ),
      ).ruleId,
    ).toBe('R5');
  });

  it('reviews an agreement once, with reasons', () => {
    const c = caseInFordern();
    expect(
      refusalOf(() => c.reviewAgreement('ag-2', { reviewedOn: d('2027-05-20'), outcome: 'fulfilled', reasons: '' }, ib))
        .ruleId,
    ).toBe('R5');
    const [event] = c.reviewAgreement(
      'ag-2',
      { reviewedOn: d('2027-05-20'), outcome: 'fulfilled', reasons: 'Kurs abgeschlossen.' },
      ib,
    );
    expect(event!.data).toMatchObject({ agreementId: 'ag-2', outcome: 'fulfilled' });
    expect(
      refusalOf(() =>
        c.reviewAgreement('ag-2', { reviewedOn: d('2027-05-21'), outcome: 'fulfilled', reasons: 'nochmals' }, ib),
      ).code,
    ).toBe('transition-refused');
  });
});

describe('commands are atomic and versioned', () => {
  it('each accepted command bumps the version once and appends one entry with actor, role and time', () => {
    const c = openCase();
    c.recordFirstInformation(talkInput(), ctx('gemeinde', '2027-01-15T10:00:00Z', 'ib-42'));
    expect(c.state.version).toBe(2);
    expect(c.history.at(-1)).toMatchObject({
      seq: 2,
      at: '2027-01-15T10:00:00Z',
      actorId: 'ib-42',
      role: 'gemeinde',
      action: 'first-information-completed',
    });
  });

  it('round-trips through a snapshot', () => {
    const c = caseInFordern();
    const copy = Case.fromSnapshot(JSON.parse(JSON.stringify(c.toSnapshot())));
    expect(copy.state).toEqual(c.state);
    expect(copy.history).toEqual(c.history);
    copy.holdIntegrationTalk(integrationTalkInput(), ib);
    expect(copy.state.version).toBe(c.state.version + 1);
    expect(c.state.integrationTalks).toHaveLength(1);
  });
});
