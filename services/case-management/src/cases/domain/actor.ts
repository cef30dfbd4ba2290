import { isLocalDate, localDateOf, type LocalDate } from './local-date.js';
import { InvalidCommandError } from './case.errors.js';
import type { RuleId } from './rule-ids.js';

/**
 * The realm roles of DESIGN.md (`gemeinde` = the municipal integration officer, IB) plus `system` for
 * facts that arrive as events (registry-intake, dfpa). A `system` actor may record facts but never
 * take an escalation decision (R31).
 */
export type Role = 'gemeinde' | 'sozialregion' | 'ags' | 'migrationsamt' | 'system';

/** Who acts: the token subject (or the producing service for `system`) and the role used. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** Token claim `gemeinden` (BFS numbers), for the history and access checks. */
  readonly gemeinden?: readonly number[];
  /** Token claim `sozialregion` (region id). */
  readonly sozialregion?: string;
}

/** Every command runs with an actor and the instant it happens; the domain never reads a clock. */
export interface CommandContext {
  readonly actor: Actor;
  /** ISO 8601 instant of the change (written to the history). */
  readonly at: string;
}

export function assertContext(ctx: CommandContext): void {
  if (!ctx.actor?.id) throw new InvalidCommandError('actor', 'fehlt', 'is missing');
  if (Number.isNaN(Date.parse(ctx.at))) throw new InvalidCommandError('at', 'kein Zeitpunkt', 'is not an instant');
}

/** The calendar day of the context, to refuse business dates in the future. */
export function dayOf(ctx: CommandContext): LocalDate {
  return localDateOf(ctx.at);
}

export function requireDate(field: string, value: string | undefined): LocalDate {
  if (!isLocalDate(value))
    throw new InvalidCommandError(field, 'kein gültiges Datum (JJJJ-MM-TT)', 'not a valid date (YYYY-MM-DD)');
  return value;
}

export function requireText(field: string, value: string | undefined, ruleId?: RuleId): string {
  const text = value?.trim();
  if (!text) throw new InvalidCommandError(field, 'darf nicht leer sein', 'must not be empty', ruleId);
  return text;
}

export function requireNotFuture(field: string, date: LocalDate, ctx: CommandContext): void {
  if (date > dayOf(ctx)) throw new InvalidCommandError(field, 'liegt in der Zukunft', 'lies in the future');
}
