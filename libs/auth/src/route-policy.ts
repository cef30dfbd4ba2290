import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { PUBLIC_METADATA } from './public.decorator.js';
import type { RealmRole } from './realm-role.js';
import { ROLES_METADATA } from './roles.decorator.js';

/** What a route demands: nothing, one of some roles, or, when it declares neither, it is closed. */
export type RoutePolicy = { kind: 'public' } | { kind: 'roles'; roles: readonly RealmRole[] } | { kind: 'undeclared' };

type Handler = ReturnType<ExecutionContext['getHandler']>;
type Controller = ReturnType<ExecutionContext['getClass']>;

/** Reads `@Public()`/`@Roles()`; the method's own declaration wins over its controller's. */
export function routePolicy(reflector: Reflector, handler: Handler, controller: Controller): RoutePolicy {
  for (const target of [handler, controller]) {
    if (reflector.get<boolean | undefined>(PUBLIC_METADATA, target)) return { kind: 'public' };
    const roles = reflector.get<RealmRole[] | undefined>(ROLES_METADATA, target);
    if (roles?.length) return { kind: 'roles', roles };
  }
  return { kind: 'undeclared' };
}

/** `CasesController.list`: how logs and problem details name a route. */
export function routeName(controller: Controller, handler: Handler): string {
  return `${controller.name}.${handler.name}`;
}
