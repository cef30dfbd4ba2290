import { requireDate, requireNotFuture, requireText, type CommandContext } from './actor.js';
import type { Change } from './case-change.js';
import { caseEvent, eventBase } from './case.events.js';
import { CasePartNotFoundError, InvalidCommandError } from './case.errors.js';
import type { CaseState } from './case-state.js';
import type { LocalDate } from './local-date.js';
import {
  assertReferralTarget,
  MEASURE_CATEGORIES,
  nextReferralStatus,
  REFERRAL_STATUSES,
  type MeasureCategory,
  type Referral,
  type ReferralStatus,
  type ReferralTarget,
  type DisclosedPerson,
} from './referral.js';

/** Fördern (R3): measures and referrals, each with a status. */
export interface ReferralInput {
  readonly referralId: string;
  readonly madeOn: LocalDate;
  readonly target: ReferralTarget;
  readonly category: MeasureCategory;
  readonly measure: string;
  /** The officer recorded the person's consent to disclose name and contact to the offer's provider (default no). */
  readonly disclosureConsent?: boolean;
  /** Name and contact from the person store, given by the shell only with the consent; they go to the provider only. */
  readonly disclosedPerson?: DisclosedPerson;
}

export function makeReferral(s: CaseState, input: ReferralInput, ctx: CommandContext): Change {
  const referralId = requireText('referralId', input.referralId);
  if (s.referrals.some((r) => r.referralId === referralId))
    throw new InvalidCommandError('referralId', 'schon vergeben', 'already used');
  const madeOn = requireDate('madeOn', input.madeOn);
  requireNotFuture('madeOn', madeOn, ctx);
  const target = assertReferralTarget('target', input.target);
  if (!MEASURE_CATEGORIES.includes(input.category))
    throw new InvalidCommandError('category', 'unbekannt', 'unknown', 'R3');
  const disclosureConsent = input.disclosureConsent === true;
  if (disclosureConsent && target.kind !== 'offer')
    throw new InvalidCommandError(
      'disclosureConsent',
      'nur bei einer Zuweisung an ein Angebot der Angebotsplattform (dessen Anbieter Name und Kontakt erhält)',
      'only for a referral to an offer of the Angebotsplattform (whose provider receives name and contact)',
      'R3',
    );
  const referral: Referral = {
    referralId,
    madeOn,
    target,
    category: input.category,
    measure: requireText('measure', input.measure),
    disclosureConsent,
    status: 'proposed',
    statusHistory: [{ status: 'proposed', on: madeOn, reason: null }],
  };
  const state: CaseState = { ...s, referrals: [...s.referrals, referral] };
  return {
    state,
    action: 'referral-made',
    details: { referral },
    events: [
      caseEvent('case.referral-made.v1', state, {
        ...eventBase(state),
        referralId,
        madeOn,
        category: referral.category,
        status: referral.status,
        target: target.kind === 'free-text' ? { kind: 'free-text' } : target,
      }),
      // Personal data, in its own event for the offers service alone, and only with the person's consent.
      ...(disclosureConsent && target.kind === 'offer' && input.disclosedPerson
        ? [
            caseEvent('case.referral-disclosed.v1', state, {
              referralId,
              caseId: state.caseId,
              personRef: state.subject.personRef,
              offerId: target.offerId,
              consentOn: madeOn,
              person: input.disclosedPerson,
            }),
          ]
        : []),
    ],
  };
}

export interface ReferralStatusInput {
  readonly status: ReferralStatus;
  readonly on: LocalDate;
  readonly reason?: string;
}

export function updateReferralStatus(
  s: CaseState,
  referralId: string,
  input: ReferralStatusInput,
  ctx: CommandContext,
): Change {
  const referral = s.referrals.find((r) => r.referralId === referralId);
  if (!referral) throw new CasePartNotFoundError('Referral', referralId);
  if (!REFERRAL_STATUSES.includes(input.status)) throw new InvalidCommandError('status', 'unbekannt', 'unknown');
  const on = requireDate('on', input.on);
  requireNotFuture('on', on, ctx);
  const status = nextReferralStatus(referral, input.status);
  const reason = input.reason?.trim() || null;
  const updated: Referral = { ...referral, status, statusHistory: [...referral.statusHistory, { status, on, reason }] };
  return {
    state: { ...s, referrals: s.referrals.map((r) => (r.referralId === referralId ? updated : r)) },
    action: 'referral-status-changed',
    ...(reason ? { reason } : {}),
    details: { referralId, from: referral.status, to: status, on },
    events: [],
  };
}
