import { Injectable, OnModuleInit } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_RULE } from './access.decorators';

// Refuses to start an application that has a route without a declared access rule, so a forgotten
// guard is caught by any test that boots the app rather than in production.
@Injectable()
export class RouteAccessAuditor implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const unguarded = this.unguardedRoutes();
    if (unguarded.length > 0) {
      throw new Error(
        `Routes without an access rule (@Public, @SignedIn, @OperatorOnly, @CityAccess): ${unguarded.join(', ')}`,
      );
    }
  }

  unguardedRoutes(): string[] {
    return this.discovery.getControllers().flatMap(({ instance, metatype }) => {
      if (!instance || !metatype) return [];
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      return this.scanner
        .getAllMethodNames(prototype)
        .map((name) => prototype[name] as (...args: unknown[]) => unknown)
        .filter((handler) => Reflect.hasMetadata(PATH_METADATA, handler))
        .filter((handler) => this.reflector.getAllAndOverride(ACCESS_RULE, [handler, metatype]) === undefined)
        .map((handler) => `${metatype.name}.${handler.name}`);
    });
  }
}
