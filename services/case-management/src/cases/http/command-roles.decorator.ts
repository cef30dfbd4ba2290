import { Roles } from '@si/auth';
import type { CaseCommand } from '../domain/index.js';
import { rolesOf } from '../application/command-roles.js';

/**
 * `@CommandRoles('recordFirstInformation')`: the route admits the roles the state machine table gives the command,
 * so that guard, OpenAPI (`x-roles`) and action cannot disagree. Routes that run no case command use `@Roles`.
 */
export const CommandRoles = (command: CaseCommand): MethodDecorator & ClassDecorator => Roles(...rolesOf(command));
