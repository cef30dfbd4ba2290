import { SetMetadata } from '@nestjs/common';

export const PUBLIC_METADATA = 'si:auth:public';

/**
 * Marks a route (or controller) as reachable without a token: health, metrics, OpenAPI. An explicit
 * opt-out, because the guard denies every route that says nothing.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_METADATA, true);
