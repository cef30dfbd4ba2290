import { TRANSITIONS, type CaseCommand } from '../domain/index.js';
import type { HumanRole } from '../../shared/caller.js';

const HUMAN: ReadonlySet<string> = new Set<HumanRole>(['gemeinde', 'migrationsamt', 'sozialregion', 'ags']);

/**
 * Who may run a case command from outside: the human roles of its row in the state machine table
 * (`TRANSITIONS[command].roles`), the one declaration. The action (`roles`) and the route guard and OpenAPI document
 * (`@CommandRoles`) read it here; the domain checks the same row again when the command runs.
 */
export function rolesOf(command: CaseCommand): readonly [HumanRole, ...HumanRole[]] {
  const roles = TRANSITIONS[command].roles.filter((r): r is HumanRole => HUMAN.has(r));
  if (!roles.length) throw new Error(`case command ${command} has no human role: it cannot be a route`);
  return roles as [HumanRole, ...HumanRole[]];
}
