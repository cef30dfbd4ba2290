import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { routePolicy, type RoutePolicy } from '@si/auth';

/** One route of the running app, e.g. `POST /api/v1/cases/:id/referrals`, with who may call it. */
export interface RouteDeclaration {
  method: string;
  path: string;
  key: string;
  /** What `@Roles`/`@Public` (or a service's decorator built on them) declare: what the guard enforces. */
  policy: RoutePolicy;
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every controller route of the app with its access declaration, read from Nest's metadata (the same table the router
 * is built from, the same metadata the guard reads). The OpenAPI document (`x-roles`) and the services' access-matrix
 * tests read it, so that a route's roles are written once, next to the route.
 */
export function routeDeclarations(app: INestApplication): RouteDeclaration[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = new Reflector();
  const routes: RouteDeclaration[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!controller?.prototype) continue;
    const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat()[0] ?? '';
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as () => unknown;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (sub === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const policy = routePolicy(reflector, handler, controller);
      for (const p of [sub].flat()) {
        const path = join(base, p);
        routes.push({ method, path, key: `${method} ${path}`, policy });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
