import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from './principal.js';
import { unauthenticated } from './problem.js';

/** The request property the guard fills. */
export const PRINCIPAL_PROPERTY = 'principal';

/** A request as the guard leaves it. */
export interface AuthenticatedRequest {
  [PRINCIPAL_PROPERTY]?: Principal;
}

/**
 * Injects the validated caller. On a `@Public()` route there is none and asking for it is a 401, so a
 * handler never runs with a made-up identity.
 */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>()[PRINCIPAL_PROPERTY];
  if (!principal) throw unauthenticated('this route needs a bearer token');
  return principal;
});
