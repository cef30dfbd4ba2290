import { InvalidCommandError } from './case.errors.js';
import { assertLanguage } from './case-subject.js';
import { isLocalDate, type LocalDate } from './local-date.js';

/** An intercultural interpreter attended (R28); the language counts for the KIP report. */
export type Interpreter = { readonly used: false } | { readonly used: true; readonly language: string };

/** What every talk with the person records, the first-information talk and the integration talk alike. */
export interface TalkFacts {
  readonly talkId: string;
  readonly heldOn: LocalDate;
  readonly place: string;
  readonly interpreter: Interpreter;
  readonly durationMinutes: number;
}

/** Refuses a talk without id, date or place (R28), with an implausible duration or an interpreter language that is no ISO 639-3 code. */
export function assertTalkFacts(input: TalkFacts): void {
  if (!input.talkId?.trim()) throw new InvalidCommandError('talkId', 'fehlt', 'is missing');
  if (!isLocalDate(input.heldOn)) throw new InvalidCommandError('heldOn', 'kein Datum', 'not a date');
  if (!input.place?.trim()) throw new InvalidCommandError('place', 'fehlt', 'is missing', 'R28');
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1 || input.durationMinutes > 600) {
    throw new InvalidCommandError('durationMinutes', '1 bis 600 Minuten', '1 to 600 minutes');
  }
  if (input.interpreter.used) assertLanguage('interpreter.language', input.interpreter.language);
}
