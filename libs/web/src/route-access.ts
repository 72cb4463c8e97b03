import { Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from './access.decorators';

// One route handler of a controller and the access rule it declares (undefined when it forgot one).
export interface RouteAccess {
  controller: string;
  handler: string;
  rule: AccessRule | undefined;
}

const scanner = new MetadataScanner();
const reflector = new Reflector();

export function routeAccessOf(controllers: readonly Type[]): RouteAccess[] {
  return controllers.flatMap((controller) => {
    const prototype = controller.prototype as Record<string, unknown>;
    return scanner
      .getAllMethodNames(prototype)
      .map((name) => prototype[name] as (...args: unknown[]) => unknown)
      .filter((handler) => Reflect.hasMetadata(PATH_METADATA, handler))
      .map((handler) => ({
        controller: controller.name,
        handler: handler.name,
        rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, controller]),
      }));
  });
}
