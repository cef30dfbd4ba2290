import { CaseDomainError, InvalidCommandError } from './case.errors.js';
import type { Sex } from './case-subject.js';
import { isLocalDate, type LocalDate } from './local-date.js';

/**
 * DFPA hand-over (R16): the municipality offers a case to the Sozialregion responsible for its
 * municipality; the Sozialregion accepts (the case is then "at Sozialregion X"), rejects, or later
 * returns it. The target is computed, never chosen (R25: disclosure only to the body with a task).
 */
export type HandoverStatus = 'requested' | 'accepted' | 'rejected' | 'returned';
/**
 * The coarse DFPA status the municipality may see while the case is at the Sozialregion (R25): never the
 * assessment or the plan, only that they exist. Follows dfpa.assessment-completed/plan-agreed/case-closed.v1.
 */
export const DFPA_PROGRESS = ['accepted', 'assessment-done', 'plan-active', 'closed'] as const;
export type DfpaProgress = (typeof DFPA_PROGRESS)[number];

/** A progress report of the Sozialregion about the DFPA case it opened for the accepted hand-over. */
export interface DfpaProgressReport {
  readonly sozialregionId: string;
  readonly dfpaCaseRef: string;
  readonly progress: Exclude<DfpaProgress, 'accepted'>;
}

export interface DfpaHandover {
  readonly handoverId: string;
  readonly sozialregionId: string;
  readonly requestedOn: LocalDate;
  readonly reason: string;
  readonly status: HandoverStatus;
  readonly acceptedOn: LocalDate | null;
  readonly endedOn: LocalDate | null;
  readonly endReasonCode: string | null;
  readonly endReason: string | null;
  readonly dfpaCaseRef: string | null;
  /** Set once accepted; absent in hand-overs stored before the progress was followed. */
  readonly progress?: DfpaProgress;
}

/** Personal data the Sozialregion needs to take the case over (from the shell's person store). */
export interface HandoverPerson {
  readonly officialName: string;
  readonly firstName: string;
  readonly dateOfBirth: LocalDate;
  readonly sex: Sex;
  /** AHV number (VN, 756…), where the register delivered one. */
  readonly vn?: string;
  readonly address: {
    readonly street: string;
    readonly houseNumber?: string;
    readonly postalCode: string;
    readonly town: string;
  };
  readonly phone?: string;
  readonly email?: string;
}

/** Whom the Sozialregion calls back at the municipality (the IB's office, not necessarily a person). */
export interface HandoverContact {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
}

export interface HandoverRequestInput {
  readonly handoverId: string;
  readonly requestedOn: LocalDate;
  readonly reason: string;
  readonly person: HandoverPerson;
  readonly contact?: HandoverContact;
}

export const REJECT_REASON_CODES = [
  'not-responsible',
  'not-in-target-group',
  'incomplete-information',
  'capacity',
  'other',
] as const;
export type RejectReasonCode = (typeof REJECT_REASON_CODES)[number];
export const RETURN_REASON_CODES = [
  'goals-reached',
  'no-further-need',
  'person-not-cooperating',
  'person-moved',
  'other',
] as const;
export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];

/** dfpa.case-accepted.v1 / -rejected.v1 / -returned.v1 as the domain needs them. */
export interface DfpaAnswer {
  readonly handoverId: string;
  readonly sozialregionId: string;
  readonly on: LocalDate;
  readonly reasonCode?: string;
  readonly reason?: string;
  readonly dfpaCaseRef?: string;
}

/** The fields of dfpa.case-accepted/-rejected/-returned.v1 `data` the case needs. */
export interface DfpaEventData {
  readonly handoverId: string;
  readonly sozialregionId: string;
  readonly acceptedOn?: string;
  readonly rejectedOn?: string;
  readonly returnedOn?: string;
  readonly reasonCode?: string;
  readonly reason?: string;
  readonly dfpaCaseRef?: string;
}

/** Maps a dfpa event's data (already schema-validated by the consumer) onto the domain's answer. */
export function dfpaAnswerOf(data: DfpaEventData): DfpaAnswer {
  const on = data.acceptedOn ?? data.rejectedOn ?? data.returnedOn;
  if (!isLocalDate(on)) throw new InvalidCommandError('on', 'kein Datum', 'not a date');
  return {
    handoverId: data.handoverId,
    sozialregionId: data.sozialregionId,
    on,
    ...(data.reasonCode !== undefined ? { reasonCode: data.reasonCode } : {}),
    ...(data.reason !== undefined ? { reason: data.reason } : {}),
    ...(data.dfpaCaseRef !== undefined ? { dfpaCaseRef: data.dfpaCaseRef } : {}),
  };
}

const VN = /^756\d{10}$/;

export function validateHandoverPerson(p: HandoverPerson | undefined): HandoverPerson {
  if (!p?.officialName?.trim() || !p.firstName?.trim())
    throw new InvalidCommandError('person', 'Name fehlt', 'name missing', 'R16');
  if (!isLocalDate(p.dateOfBirth))
    throw new InvalidCommandError('person.dateOfBirth', 'kein Datum', 'not a date', 'R16');
  if (p.vn !== undefined && !VN.test(p.vn))
    throw new InvalidCommandError('person.vn', 'keine AHV-Nummer (756…)', 'not an AHV number (756…)', 'R16');
  const a = p.address;
  if (!a?.street?.trim() || !/^\d{4}$/.test(a.postalCode ?? '') || !a.town?.trim()) {
    throw new InvalidCommandError('person.address', 'Adresse unvollständig', 'address incomplete', 'R16');
  }
  return structuredClone(p);
}

/** Checks that an answer from the dfpa side is about the current hand-over and from its Sozialregion (R25). */
export function assertAnswerMatches(current: DfpaHandover | null, answer: DfpaAnswer): DfpaHandover {
  if (!current || current.handoverId !== answer.handoverId) {
    throw new CaseDomainError(
      'R25',
      'handover-mismatch',
      {
        de: `Die Übergabe «${answer.handoverId}» ist nicht die offene Übergabe dieses Falls.`,
        en: `Hand-over "${answer.handoverId}" is not this case's current hand-over.`,
      },
      'conflict',
      { handoverId: answer.handoverId },
    );
  }
  if (current.sozialregionId !== answer.sozialregionId) {
    throw new CaseDomainError(
      'R25',
      'handover-wrong-sozialregion',
      {
        de: `Nur die Sozialregion «${current.sozialregionId}» kann auf diese Übergabe antworten.`,
        en: `Only Sozialregion "${current.sozialregionId}" can answer this hand-over.`,
      },
      'forbidden',
      { expected: current.sozialregionId, actual: answer.sozialregionId },
    );
  }
  if (!isLocalDate(answer.on) || answer.on < current.requestedOn) {
    throw new InvalidCommandError('on', 'kein Datum oder vor der Übergabe', 'not a date or before the request');
  }
  return current;
}
