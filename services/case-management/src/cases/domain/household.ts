import type { CommandContext } from './actor.js';
import { Case } from './case.js';
import type { CaseEvent } from './case.events.js';
import { InvalidCommandError } from './case.errors.js';
import type { FirstInformationTalkInput } from './first-information.js';

/**
 * One first-information talk for a whole household (people arriving together are shown together).
 * Each case gets the same talk record (same `talkId`, `householdSize` = number of cases), so reports
 * count persons informed and subsidies count talks held.
 *
 * All or nothing: every case is tried on a copy first; if one refuses, none is changed and that
 * refusal is thrown.
 */
export function recordHouseholdFirstInformationTalk(
  cases: readonly Case[],
  talk: FirstInformationTalkInput,
  ctx: CommandContext,
): Map<string, CaseEvent[]> {
  const [head] = cases;
  if (!head) throw new InvalidCommandError('cases', 'mindestens ein Fall', 'at least one case');
  const household = head.state.subject.householdRef;
  if (cases.length > 1 && (!household || cases.some((c) => c.state.subject.householdRef !== household))) {
    throw new InvalidCommandError(
      'cases',
      'die Fälle gehören nicht zum selben Haushalt',
      'the cases do not belong to one household',
    );
  }
  if (new Set(cases.map((c) => c.id)).size !== cases.length)
    throw new InvalidCommandError('cases', 'doppelter Fall', 'duplicate case');
  for (const c of cases) Case.fromSnapshot(c.toSnapshot()).recordFirstInformation(talk, ctx, cases.length);
  const events = new Map<string, CaseEvent[]>();
  for (const c of cases) events.set(c.id, c.recordFirstInformation(talk, ctx, cases.length));
  return events;
}
