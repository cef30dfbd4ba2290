import type { LocalDate } from '../domain/index.js';
import type { CaseAction } from './case-command.runner.js';
import { rolesOf } from './command-roles.js';

/** Deadlines (CM6) and closing by the IB (CM2, R6). */
export const suspendDeadline = (input: { since: LocalDate; reason: string }): CaseAction => ({
  name: 'suspend-first-information-deadline',
  roles: rolesOf('suspendDeadline'),
  apply: (c, ctx) => c.suspendFirstInformationDeadline(input, ctx),
});

export const resumeDeadline = (input: { on: LocalDate }): CaseAction => ({
  name: 'resume-first-information-deadline',
  roles: rolesOf('resumeDeadline'),
  apply: (c, ctx) => c.resumeFirstInformationDeadline(input, ctx),
});

export const extendDeadline = (input: { to: LocalDate; reason: string }): CaseAction => ({
  name: 'extend-first-information-deadline',
  roles: rolesOf('extendDeadline'),
  apply: (c, ctx) => c.extendFirstInformationDeadline(input, ctx),
});

export const closeByOfficer = (input: { on: LocalDate; note: string }): CaseAction => ({
  name: 'close',
  roles: rolesOf('closeByOfficer'),
  apply: (c, ctx) => c.closeByOfficer(input, ctx),
});
