import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { undeclaredRouteWarning } from './keycloak.guard.js';
import { routeName, routePolicy } from './route-policy.js';

/**
 * At startup, names every controller route that declares neither @Roles nor @Public, so a forgotten
 * decorator shows up in the first log lines instead of as a 403 in production.
 */
@Injectable()
export class RouteAuditService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    for (const route of this.undeclaredRoutes()) this.logger.warn(undeclaredRouteWarning(route));
  }

  /** `Controller.method` of every route without an access declaration. */
  undeclaredRoutes(): string[] {
    const found: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller?.prototype) continue;
      for (const name of this.scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (routePolicy(this.reflector, handler, controller).kind === 'undeclared')
          found.push(routeName(controller, handler));
      }
    }
    return found;
  }
}
