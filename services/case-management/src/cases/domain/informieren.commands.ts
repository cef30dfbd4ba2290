import { requireDate, requireNotFuture, requireText, type CommandContext } from './actor.js';
import { advancePhase } from './case-phase.js';
import type { Change } from './case-change.js';
import { eventBase, caseEvent } from './case.events.js';
import { InvalidCommandError, TransitionRefusedError } from './case.errors.js';
import type { CaseState } from './case-state.js';
import { meetDeadline } from './deadline.js';
import { completedOn, validateFirstInformation, type FirstInformationInput } from './first-information.js';
import type { LocalDate } from './local-date.js';

/** Informieren (R1, R2, R9, R27): first information by folder or talk, no-shows and refusal. */
export function recordFirstInformation(
  s: CaseState,
  input: FirstInformationInput,
  ctx: CommandContext,
  householdSize = 1,
): Change {
  if (s.firstInformation.outcome === 'completed') {
    throw new TransitionRefusedError('R1', 'recordFirstInformation', s.status, s.phase, {
      de: 'Die Erstinformation ist für diesen Fall bereits erfasst.',
      en: 'First information is already recorded for this case.',
    });
  }
  const record = validateFirstInformation(input, householdSize);
  const on = completedOn(record);
  requireNotFuture(record.form === 'talk' ? 'heldOn' : 'handedOutOn', on, ctx);
  if (on < s.registrationDate)
    throw new InvalidCommandError('completedOn', 'liegt vor der Anmeldung', 'lies before the registration');
  const deadline = s.firstInformationDeadline;
  const state: CaseState = {
    ...s,
    phase: advancePhase(s.phase, 'foerdern'),
    firstInformation: { ...s.firstInformation, outcome: 'completed', record },
    firstInformationDeadline: meetDeadline(deadline, on),
  };
  const talk = record.form === 'talk' ? record : null;
  return {
    state,
    action: 'first-information-completed',
    details: { record },
    events: [
      caseEvent('case.first-information-completed.v1', state, {
        ...eventBase(state),
        form: record.form,
        completedOn: on,
        dueOn: deadline.due,
        withinDeadline: deadline.suspension ? true : on <= deadline.due,
        folderLanguage: record.form === 'info-folder' ? record.language : null,
        talk: talk && {
          talkId: talk.talkId,
          durationMinutes: talk.durationMinutes,
          interpreter: talk.interpreter.used
            ? { used: true, language: talk.interpreter.language }
            : { used: false, language: null },
          householdSize: talk.householdSize,
          supportNeed: talk.supportNeed,
          languageSkills: talk.languageSkills.map((l) => ({ ...l })),
          offersRecommended: talk.offersRecommended.length,
        },
      }),
    ],
  };
}

export interface NoShowInput {
  readonly missedOn: LocalDate;
  readonly reinvitedFor?: LocalDate;
}

/** The person did not come; counted as an attempt (R6 needs the attempts later), optionally re-invited. */
export function recordNoShow(s: CaseState, input: NoShowInput, ctx: CommandContext): Change {
  const missedOn = requireDate('missedOn', input.missedOn);
  requireNotFuture('missedOn', missedOn, ctx);
  const reinvitedFor = input.reinvitedFor === undefined ? null : requireDate('reinvitedFor', input.reinvitedFor);
  if (reinvitedFor && reinvitedFor < missedOn)
    throw new InvalidCommandError(
      'reinvitedFor',
      'liegt vor dem verpassten Termin',
      'lies before the missed appointment',
    );
  const noShows = [...s.firstInformation.noShows, { missedOn, reinvitedFor }];
  return {
    state: { ...s, firstInformation: { ...s.firstInformation, noShows } },
    action: 'first-information-no-show',
    details: { missedOn, reinvitedFor, attempt: noShows.length },
    events: [],
  };
}

export interface RefusalInput {
  readonly on: LocalDate;
  readonly note: string;
}

/** The person refuses first information: recorded (R27 task 6 may follow), deadline met, phase on. */
export function recordRefusal(s: CaseState, input: RefusalInput, ctx: CommandContext): Change {
  const on = requireDate('on', input.on);
  requireNotFuture('on', on, ctx);
  const note = requireText('note', input.note);
  return {
    state: {
      ...s,
      phase: advancePhase(s.phase, 'foerdern'),
      firstInformation: { ...s.firstInformation, outcome: 'refused', refusal: { on, note } },
      firstInformationDeadline: meetDeadline(s.firstInformationDeadline, on),
    },
    action: 'first-information-refused',
    reason: note,
    details: { on },
    events: [],
  };
}
