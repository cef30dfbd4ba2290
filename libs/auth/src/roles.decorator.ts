import { SetMetadata } from '@nestjs/common';
import type { RealmRole } from './realm-role.js';

export const ROLES_METADATA = 'si:auth:roles';

/**
 * Admits a caller holding at least one of the given realm roles (on a method, or on a controller for all
 * its methods; the method wins). Every route needs this or `@Public()`: the guard refuses the rest.
 * Roles only open the door; which objects a caller may touch is each service's own check in its use cases, from
 * the principal's scope claims (README.md, "Identity and access").
 */
export function Roles(...roles: [RealmRole, ...RealmRole[]]): MethodDecorator & ClassDecorator {
  if (roles.length === 0) throw new Error('@Roles() needs at least one role; use @Public() for open routes');
  return SetMetadata(ROLES_METADATA, roles);
}
