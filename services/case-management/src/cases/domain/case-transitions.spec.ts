import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Role } from './actor.js';
import type { Case } from './case.js';
import { TRANSITIONS, type CaseCommand } from './case-transitions.js';
import { CaseDomainError, RoleNotAllowedError } from './case.errors.js';
import {
  acceptAnswer,
  agreementInput,
  ctx,
  d,
  directory,
  HANDOVER,
  handoverInput,
  integrationTalkInput,
  REGION,
  STATES,
  talkInput,
  type StateName,
} from './case.fixtures.js';
import type { RuleId } from './rule-ids.js';

/** How to run each command validly: the role that may, optional preparation, the call. */
const INVOKE: Record<CaseCommand, { role: Role; prepare?: (c: Case) => void; act: (c: Case, role: Role) => unknown }> =
  {
    recordFirstInformation: {
      role: 'gemeinde',
      act: (c, r) => c.recordFirstInformation(talkInput({ talkId: 'fi-x' }), ctx(r)),
    },
    recordFirstInformationNoShow: {
      role: 'gemeinde',
      act: (c, r) =>
        c.recordFirstInformationNoShow({ missedOn: d('2027-01-10'), reinvitedFor: d('2027-01-24') }, ctx(r)),
    },
    recordFirstInformationRefusal: {
      role: 'gemeinde',
      act: (c, r) => c.recordFirstInformationRefusal({ on: d('2027-01-10'), note: 'Lehnt jedes Gespräch ab.' }, ctx(r)),
    },
    makeReferral: {
      role: 'gemeinde',
      act: (c, r) =>
        c.makeReferral(
          {
            referralId: 'ref-x',
            madeOn: d('2027-05-01'),
            target: { kind: 'offer', offerId: 'off-1' },
            category: 'social',
            measure: 'Elterncafé',
          },
          ctx(r),
        ),
    },
    updateReferralStatus: {
      role: 'gemeinde',
      act: (c, r) => c.updateReferralStatus('ref-1', { status: 'agreed', on: d('2027-05-01') }, ctx(r)),
    },
    holdIntegrationTalk: {
      role: 'gemeinde',
      act: (c, r) => c.holdIntegrationTalk(integrationTalkInput({ heldOn: d('2027-05-20') }), ctx(r)),
    },
    recordAbs2Consideration: {
      role: 'gemeinde',
      act: (c, r) =>
        c.recordAbs2Consideration(
          {
            on: d('2027-05-20'),
            considered: true,
            disability: false,
            illness: true,
            otherWeightyCircumstances: false,
            assessment: 'Arztzeugnis liegt vor; Kursbesuch eingeschränkt möglich.',
          },
          ctx(r),
        ),
    },
    concludeAgreement: {
      role: 'gemeinde',
      act: (c, r) =>
        c.concludeAgreement(
          agreementInput('ag-x', {
            concludedOn: d('2027-05-20'),
            reviewOn: d('2027-09-01'),
            measures: [{ text: 'Kurs', category: 'language', dueOn: d('2027-08-31') }],
          }),
          ctx(r),
        ),
    },
    reviewAgreement: {
      role: 'gemeinde',
      act: (c, r) =>
        c.reviewAgreement(
          'ag-2',
          { reviewedOn: d('2027-05-25'), outcome: 'partly-fulfilled', reasons: 'Kurs begonnen, nicht abgeschlossen.' },
          ctx(r),
        ),
    },
    reportToMigrationsamt: {
      role: 'gemeinde',
      act: (c, r) =>
        c.reportToMigrationsamt(
          {
            reportId: 'rep-x',
            reportedOn: d('2027-05-25'),
            reason: { kind: 'agreement-not-fulfilled', agreementId: 'ag-1', statement: 'ag-1 nicht erfüllt.' },
          },
          ctx(r),
        ),
    },
    recordMigrationsamtReview: {
      role: 'migrationsamt',
      act: (c, r) =>
        c.recordMigrationsamtReview(
          c.state.reports[0]?.reportId ?? 'rep-1',
          { reviewedOn: d('2027-05-26'), notes: 'Akten geprüft, Gespräch geführt.' },
          ctx(r),
        ),
    },
    recordMigrationsamtDecision: {
      role: 'migrationsamt',
      prepare: (c) => {
        if (c.state.reports[0]?.status === 'reported')
          c.recordMigrationsamtReview('rep-1', { reviewedOn: d('2027-05-26'), notes: 'geprüft' }, ctx('migrationsamt'));
      },
      act: (c, r) =>
        c.recordMigrationsamtDecision(
          'rep-1',
          {
            decidedOn: d('2027-05-28'),
            kind: 'recommendation',
            goals: [{ criterion: 'c', text: 'A1 mündlich' }],
            statement: 'Empfehlung statt Massnahme.',
          },
          ctx(r),
        ),
    },
    requestDfpaHandover: {
      role: 'gemeinde',
      act: (c, r) => c.requestDfpaHandover(handoverInput('9d3f6a1c-2b4e-4f8a-9c1d-7e6f5a4b3c2d'), directory, ctx(r)),
    },
    acceptDfpaHandover: {
      role: 'system',
      act: (c, r) =>
        c.acceptDfpaHandover(
          { handoverId: c.state.handover?.handoverId ?? HANDOVER, sozialregionId: REGION, on: d('2027-05-30') },
          ctx(r),
        ),
    },
    rejectDfpaHandover: {
      role: 'system',
      act: (c, r) =>
        c.rejectDfpaHandover(
          {
            handoverId: c.state.handover?.handoverId ?? HANDOVER,
            sozialregionId: REGION,
            on: d('2027-05-30'),
            reasonCode: 'capacity',
          },
          ctx(r),
        ),
    },
    recordDfpaProgress: {
      role: 'system',
      act: (c, r) =>
        c.recordDfpaProgress(
          { sozialregionId: REGION, dfpaCaseRef: c.state.handover?.dfpaCaseRef ?? 'none', progress: 'assessment-done' },
          ctx(r),
        ),
    },
    returnFromDfpa: {
      role: 'system',
      act: (c, r) =>
        c.returnFromDfpa(
          {
            handoverId: c.state.handover?.handoverId ?? HANDOVER,
            sozialregionId: REGION,
            on: d('2027-05-30'),
            reasonCode: 'goals-reached',
          },
          ctx(r),
        ),
    },
    transfer: {
      role: 'system',
      act: (c, r) => c.transfer({ toMunicipality: 2601, movedOn: d('2027-05-30') }, directory, ctx(r)),
    },
    changePermit: {
      role: 'system',
      act: (c, r) => c.changePermit({ residencePermit: '0202', validFrom: d('2027-05-30') }, ctx(r)),
    },
    correctSubject: {
      role: 'system',
      act: (c, r) =>
        c.correctSubject(
          { nationality: { bfsCode: 8207, iso2: 'DE', euEfta: true }, sex: 'male', birthYear: 1991 },
          ctx(r),
        ),
    },
    recordFamilyOfSwiss: {
      role: 'gemeinde',
      act: (c, r) =>
        c.recordFamilyOfSwiss(
          { familyOfSwiss: true, reason: 'Heirat mit Schweizer Bürger (Zivilstandsmeldung).' },
          ctx(r),
        ),
    },
    suspendDeadline: {
      role: 'gemeinde',
      act: (c, r) => c.suspendFirstInformationDeadline({ since: d('2027-01-05'), reason: 'Spitalaufenthalt' }, ctx(r)),
    },
    resumeDeadline: {
      role: 'gemeinde',
      prepare: (c) => {
        if (
          !c.state.firstInformationDeadline.suspension &&
          !c.state.firstInformationDeadline.metOn &&
          c.status === 'open'
        )
          c.suspendFirstInformationDeadline({ since: d('2027-01-05'), reason: 'Spitalaufenthalt' }, ctx('gemeinde'));
      },
      act: (c, r) => c.resumeFirstInformationDeadline({ on: d('2027-01-25') }, ctx(r)),
    },
    extendDeadline: {
      role: 'gemeinde',
      act: (c, r) =>
        c.extendFirstInformationDeadline(
          { to: d('2027-04-30'), reason: 'Dolmetscherin erst im April verfügbar.' },
          ctx(r),
        ),
    },
    closeFromRegister: {
      role: 'system',
      act: (c, r) => c.closeFromRegister({ reason: 'naturalised', on: d('2027-05-30') }, ctx(r)),
    },
    closeByOfficer: {
      role: 'gemeinde',
      act: (c, r) => c.closeByOfficer({ on: d('2027-05-30'), note: 'Integrationsziele erreicht.' }, ctx(r)),
    },
  };

const COLUMNS: StateName[] = [
  'informieren',
  'foerdern',
  'fordern',
  'sanktionieren',
  'handoverRequested',
  'atSozialregion',
  'atSozialregionReported',
  'closed',
];

/**
 * Expected outcome of every command in every state: `ok` or the rule id of the refusal. Written out
 * by hand from the issue and the rules (not computed from TRANSITIONS), so a wrong table row fails.
 * Columns: informieren | foerdern | fordern | sanktionieren(report open) | hand-over requested |
 * at Sozialregion | at Sozialregion with open report | closed.
 */
type Cell = 'ok' | RuleId;
const MATRIX: Record<CaseCommand, [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell]> = {
  recordFirstInformation: ['ok', 'R1', 'R1', 'R1', 'R1', 'R16', 'R16', 'CM1'],
  recordFirstInformationNoShow: ['ok', 'R1', 'R1', 'R1', 'R1', 'R16', 'R16', 'CM1'],
  recordFirstInformationRefusal: ['ok', 'R1', 'R1', 'R1', 'R1', 'R16', 'R16', 'CM1'],
  makeReferral: ['R1', 'ok', 'ok', 'ok', 'ok', 'R16', 'R16', 'CM1'],
  updateReferralStatus: ['R1', 'ok', 'ok', 'ok', 'ok', 'R16', 'R16', 'CM1'],
  holdIntegrationTalk: ['R31', 'ok', 'ok', 'ok', 'ok', 'R16', 'R16', 'CM1'],
  recordAbs2Consideration: ['R4', 'R4', 'ok', 'ok', 'R4', 'R16', 'R16', 'CM1'],
  concludeAgreement: ['R28', 'R28', 'ok', 'ok', 'R28', 'R16', 'R16', 'CM1'],
  reviewAgreement: ['R28', 'R28', 'ok', 'ok', 'R28', 'R16', 'R16', 'CM1'],
  reportToMigrationsamt: ['R31', 'R31', 'ok', 'CM2', 'R31', 'R16', 'R16', 'CM1'],
  recordMigrationsamtReview: ['R6', 'R6', 'R6', 'ok', 'R6', 'R6', 'ok', 'CM1'],
  recordMigrationsamtDecision: ['R6', 'R6', 'R6', 'ok', 'R6', 'R6', 'ok', 'CM1'],
  requestDfpaHandover: ['ok', 'ok', 'ok', 'ok', 'R16', 'R16', 'R16', 'CM1'],
  acceptDfpaHandover: ['R16', 'R16', 'R16', 'R16', 'ok', 'ok', 'ok', 'CM1'],
  rejectDfpaHandover: ['R16', 'R16', 'R16', 'R16', 'ok', 'R16', 'R16', 'CM1'],
  returnFromDfpa: ['R16', 'R16', 'R16', 'R16', 'R16', 'ok', 'ok', 'CM1'],
  recordDfpaProgress: ['R16', 'R16', 'R16', 'R16', 'R16', 'ok', 'ok', 'CM1'],
  transfer: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'CM1'],
  changePermit: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'CM1'],
  correctSubject: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'CM1'],
  recordFamilyOfSwiss: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'CM1'],
  suspendDeadline: ['ok', 'CM6', 'CM6', 'CM6', 'CM6', 'R16', 'R16', 'CM1'],
  resumeDeadline: ['ok', 'CM6', 'CM6', 'CM6', 'CM6', 'R16', 'R16', 'CM1'],
  extendDeadline: ['ok', 'CM6', 'CM6', 'CM6', 'CM6', 'R16', 'R16', 'CM1'],
  closeFromRegister: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  closeByOfficer: ['ok', 'ok', 'ok', 'R6', 'ok', 'R16', 'R16', 'CM1'],
};

const cases = (Object.keys(MATRIX) as CaseCommand[]).flatMap((command) =>
  COLUMNS.map((state, i) => ({ command, state, expected: MATRIX[command][i]! })),
);

describe('state machine: every command in every state', () => {
  it('the matrix covers every command of the table, and README.md documents each row as coded', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(TRANSITIONS).sort());
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    for (const [command, row] of Object.entries(TRANSITIONS)) {
      expect(readme).toContain(`| \`${command}\` | ${row.statuses.join(', ')} (${row.rule}) |`);
    }
  });

  it.each(cases)('$command in $state → $expected', ({ command, state, expected }) => {
    const c = STATES[state]();
    const { role, prepare, act } = INVOKE[command];
    prepare?.(c);
    const before = { version: c.state.version, history: c.history.length, state: JSON.stringify(c.state) };
    if (expected === 'ok') {
      expect(() => act(c, role)).not.toThrow();
      return;
    }
    let error: unknown;
    try {
      act(c, role);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CaseDomainError);
    expect((error as CaseDomainError).ruleId).toBe(expected);
    // A refusal changes nothing: same version, same history, same state.
    expect(c.state.version).toBe(before.version);
    expect(c.history.length).toBe(before.history);
    expect(JSON.stringify(c.state)).toBe(before.state);
  });
});

describe('state machine: roles', () => {
  const ALL: Role[] = ['gemeinde', 'sozialregion', 'ags', 'migrationsamt', 'system'];
  const refusals = (Object.keys(TRANSITIONS) as CaseCommand[]).flatMap((command) =>
    ALL.filter((r) => !TRANSITIONS[command].roles.includes(r)).map((role) => ({ command, role })),
  );

  it.each(refusals)('$command refused for role $role', ({ command, role }) => {
    const c = STATES.fordern();
    const error = (() => {
      try {
        INVOKE[command].act(c, role);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RoleNotAllowedError);
    expect((error as RoleNotAllowedError).kind).toBe('forbidden');
  });

  it('only the Migrationsamt records its decision; only humans escalate (R6, R31)', () => {
    expect(TRANSITIONS.recordMigrationsamtDecision.roles).toEqual(['migrationsamt']);
    for (const cmd of [
      'holdIntegrationTalk',
      'concludeAgreement',
      'reportToMigrationsamt',
      'recordMigrationsamtDecision',
    ] as const) {
      expect(TRANSITIONS[cmd].roles).not.toContain('system');
    }
  });

  it('a repeated acceptance of the same hand-over is a no-op without a history entry', () => {
    const c = STATES.atSozialregion();
    const length = c.history.length;
    expect(c.acceptDfpaHandover(acceptAnswer(), ctx('system'))).toEqual([]);
    expect(c.history.length).toBe(length);
  });
});
