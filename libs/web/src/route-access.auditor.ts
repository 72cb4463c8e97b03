import { Injectable, OnModuleInit, Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { routeAccessOf } from './route-access';

// Refuses to start an application that has a route without a declared access rule, so a forgotten
// guard is caught by any test that boots the app rather than in production.
@Injectable()
export class RouteAccessAuditor implements OnModuleInit {
  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const unguarded = this.unguardedRoutes();
    if (unguarded.length > 0) {
      throw new Error(
        `Routes without an access rule (@Public, @SignedIn, @OperatorOnly, @CityAccess): ${unguarded.join(', ')}`,
      );
    }
  }

  unguardedRoutes(): string[] {
    const controllers = this.discovery
      .getControllers()
      .filter(({ instance }) => Boolean(instance))
      .flatMap(({ metatype }) => (metatype ? [metatype as Type] : []));
    return routeAccessOf(controllers)
      .filter(({ rule }) => rule === undefined)
      .map(({ controller, handler }) => `${controller}.${handler}`);
  }
}
