import { requireDate, requireNotFuture, requireText, type CommandContext } from './actor.js';
import type { Change } from './case-change.js';
import {
  atSozialregion,
  caseEvent,
  eventBase,
  type CaseEvent,
  type CountingAttribute,
  type CountingAttributesChangedData,
} from './case.events.js';
import { CaseClosedError, CaseDomainError, InvalidCommandError, TransitionRefusedError } from './case.errors.js';
import { CLOSE_REASONS, type CloseReason, type RegistryCloseReason } from './case-phase.js';
import type { CaseState } from './case-state.js';
import { buildCaseSubject, withPermit, type Nationality, type Sex } from './case-subject.js';
import { startDeadline } from './deadline.js';
import type { LocalDate } from './local-date.js';
import type { MunicipalityDirectory } from '../../organisation/domain/sozialregion-directory.js';

/**
 * Facts from the population register (person.moved/-departed/-naturalised/-died/-permit-changed
 * events) and the IB's own closing (CM5). The case id stays through a transfer; the history and the
 * old municipality are kept.
 */
export interface TransferInput {
  readonly toMunicipality: number;
  readonly movedOn: LocalDate;
}

export function transfer(s: CaseState, input: TransferInput, directory: MunicipalityDirectory): Change {
  if (s.status === 'closed') throw new CaseClosedError('transfer');
  const to = input.toMunicipality;
  if (!directory.isCantonal(to)) {
    throw new CaseDomainError(
      'CM5',
      'transfer-outside-canton',
      {
        de: `${to} ist keine Solothurner Gemeinde: ein Wegzug aus dem Kanton schliesst den Fall (departed-other-canton).`,
        en: `${to} is not a Solothurn municipality: leaving the canton closes the case (departed-other-canton).`,
      },
      'unprocessable',
      { toMunicipality: to },
    );
  }
  if (to === s.municipality)
    throw new InvalidCommandError('toMunicipality', 'gleiche Gemeinde', 'same municipality', 'CM5');
  const movedOn = requireDate('movedOn', input.movedOn);
  if (movedOn < s.registrationDate)
    throw new InvalidCommandError('movedOn', 'liegt vor der Anmeldung', 'lies before the registration');
  // A pending first information becomes the new municipality's duty, counted from the new registration (R13).
  const restart = !s.firstInformationDeadline.metOn;
  const state: CaseState = {
    ...s,
    municipality: to,
    firstInformationDeadline: restart
      ? startDeadline(movedOn, s.firstInformationDeadline.months)
      : s.firstInformationDeadline,
    transfers: [...s.transfers, { from: s.municipality, to, movedOn }],
  };
  return {
    state,
    action: 'transferred',
    details: {
      from: s.municipality,
      to,
      movedOn,
      firstInformationDue: restart ? state.firstInformationDeadline.due : null,
    },
    events: [
      caseEvent('case.transferred.v1', state, {
        ...eventBase(state),
        fromMunicipality: s.municipality,
        toMunicipality: to,
        movedOn,
        status: s.status,
        firstInformationDue: restart ? state.firstInformationDeadline.due : null,
        ...atSozialregion(s),
      }),
    ],
  };
}

export interface PermitChangeInput {
  readonly residencePermit: string;
  readonly validFrom: LocalDate;
  /** The register corrected a wrong permit (person.corrected) rather than reporting a new one. */
  readonly correction?: boolean;
}

/**
 * The event that lets reporting and subsidies follow a register correction or change of what they count by
 * (issue 9 point 4); null when no counting attribute differs.
 */
function countingAttributesChanged(
  before: CaseState,
  after: CaseState,
  cause: CountingAttributesChangedData['cause'],
  effectiveFrom: LocalDate | null,
): CaseEvent | null {
  const previous = eventBase(before).attributes;
  const next = eventBase(after);
  const changed: CountingAttribute[] = [];
  if (previous.nationality.bfsCode !== next.attributes.nationality.bfsCode) changed.push('nationality');
  if (previous.permitCode !== next.attributes.permitCode || previous.permitAusweis !== next.attributes.permitAusweis)
    changed.push('permit');
  if (previous.euEfta !== next.attributes.euEfta) changed.push('euEfta');
  if (previous.sex !== next.attributes.sex) changed.push('sex');
  if (previous.birthYear !== next.attributes.birthYear) changed.push('birthYear');
  const [first, ...rest] = changed;
  if (!first || after.status === 'closed') return null;
  return caseEvent('case.counting-attributes-changed.v1', after, {
    ...next,
    previousAttributes: previous,
    changed: [first, ...rest],
    cause,
    effectiveFrom,
    status: after.status,
    phase: after.phase,
  });
}

/** A new permit; the EU/EFTA status follows the code's regulation (R10, R12). */
export function changePermit(s: CaseState, input: PermitChangeInput): Change {
  const validFrom = requireDate('validFrom', input.validFrom);
  const subject = withPermit(s.subject, input.residencePermit);
  const state: CaseState = { ...s, subject };
  const event = input.correction
    ? countingAttributesChanged(s, state, 'register-correction', null)
    : countingAttributesChanged(s, state, 'register-change', validFrom);
  return {
    state,
    action: 'permit-changed',
    details: {
      from: s.subject.permit?.code ?? null,
      to: subject.permit?.code ?? null,
      validFrom,
      euEftaBefore: s.subject.euEfta,
      euEfta: subject.euEfta,
    },
    events: event ? [event] : [],
  };
}

/** What the register corrected about the person (correctNationality, changeNationality, correctBirthInfo, changeSex). */
export interface SubjectCorrectionInput {
  readonly nationality: Nationality;
  readonly sex: Sex;
  readonly birthYear: number;
}

/**
 * The register's correction of who the person is. The EU/EFTA status follows the corrected nationality where the
 * permit does not decide it (R10): a correction can make a binding agreement possible or impossible. The history
 * keeps what each attribute was; a correction that changes nothing is no change.
 */
export function correctSubject(s: CaseState, input: SubjectCorrectionInput): Change | null {
  const before = s.subject;
  const subject = buildCaseSubject({
    personRef: before.personRef,
    householdRef: before.householdRef,
    residencePermit: before.permit?.code ?? null,
    familyOfSwiss: before.familyOfSwiss,
    language: before.language,
    nationality: input.nationality,
    sex: input.sex,
    birthYear: input.birthYear,
  });
  const details: Record<string, { from: unknown; to: unknown }> = {};
  if (subject.nationality.bfsCode !== before.nationality.bfsCode)
    details.nationality = { from: before.nationality, to: subject.nationality };
  if (subject.sex !== before.sex) details.sex = { from: before.sex, to: subject.sex };
  if (subject.birthYear !== before.birthYear) details.birthYear = { from: before.birthYear, to: subject.birthYear };
  if (subject.euEfta !== before.euEfta) details.euEfta = { from: before.euEfta, to: subject.euEfta };
  if (Object.keys(details).length === 0) return null;
  const state: CaseState = { ...s, subject };
  const event = countingAttributesChanged(s, state, 'register-correction', null);
  return { state, action: 'subject-corrected', details, events: event ? [event] : [] };
}

export interface FamilyOfSwissInput {
  readonly familyOfSwiss: boolean;
  readonly reason: string;
}

/** AIG Art. 42 status (R5): only recorded with a reason, since it excludes binding agreements. */
export function recordFamilyOfSwiss(s: CaseState, input: FamilyOfSwissInput): Change {
  if (typeof input.familyOfSwiss !== 'boolean')
    throw new InvalidCommandError('familyOfSwiss', 'ja oder nein', 'true or false', 'R5');
  const reason = requireText('reason', input.reason, 'R5');
  return {
    state: { ...s, subject: { ...s.subject, familyOfSwiss: input.familyOfSwiss } },
    action: 'family-of-swiss-recorded',
    reason,
    details: { from: s.subject.familyOfSwiss, to: input.familyOfSwiss },
    events: [],
  };
}

export interface CloseInput<R extends CloseReason> {
  readonly reason: R;
  readonly on: LocalDate;
  readonly note?: string;
}

function close(s: CaseState, reason: CloseReason, on: LocalDate, note: string | null): Change {
  if (on < s.registrationDate)
    throw new InvalidCommandError('on', 'liegt vor der Anmeldung', 'lies before the registration');
  const state: CaseState = { ...s, status: 'closed', closure: { reason, on, note } };
  return {
    state,
    action: 'closed',
    ...(note ? { reason: note } : {}),
    details: { closeReason: reason, on, statusBefore: s.status },
    events: [
      caseEvent('case.closed.v1', state, {
        ...eventBase(state),
        closedOn: on,
        reason,
        phase: s.phase,
        firstInformationOutcome: s.firstInformation.outcome,
        ...atSozialregion(s),
      }),
    ],
  };
}

/** Departure, naturalisation or death: always closes, whoever holds the case. */
export function closeFromRegister(s: CaseState, input: CloseInput<RegistryCloseReason>): Change {
  if (
    !(CLOSE_REASONS as readonly string[]).includes(input.reason) ||
    (input.reason as CloseReason) === 'closed-by-officer'
  ) {
    throw new InvalidCommandError(
      'reason',
      'Wegzug, Einbürgerung oder Tod',
      'departure, naturalisation or death',
      'CM5',
    );
  }
  return close(s, input.reason, requireDate('on', input.on), input.note?.trim() || null);
}

/** The IB ends the case with a reason; not while the Migrationsamt still has an open report (R6). */
export function closeByOfficer(
  s: CaseState,
  input: { readonly on: LocalDate; readonly note: string },
  ctx: CommandContext,
): Change {
  if (s.reports.some((r) => r.status !== 'decided')) {
    throw new TransitionRefusedError('R6', 'closeByOfficer', s.status, s.phase, {
      de: 'Der Fall kann nicht geschlossen werden, solange eine Meldung beim Migrationsamt offen ist.',
      en: 'The case cannot be closed while a report to the Migrationsamt is open.',
    });
  }
  const on = requireDate('on', input.on);
  requireNotFuture('on', on, ctx);
  return close(s, 'closed-by-officer', on, requireText('note', input.note));
}
