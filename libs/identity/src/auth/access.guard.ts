import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { asCityId, asUserId } from '@rl/kernel';
import { CityErrors } from '@rl/tenancy';
import { ACCESS_RULE, AccessRule, Actor, RequestWithActor } from '@rl/web';
import { AuthErrors } from '../domain/identity.errors';
import { CallerLookup } from './caller-lookup';

// Enforces the access rule every route declares.
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly callers: CallerLookup,
    private readonly cls: ClsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule === undefined)
      throw new Error(`No access rule on ${context.getClass().name}.${context.getHandler().name}`);
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<Request & RequestWithActor>();
    if (rule.kind === 'city' && rule.anonymous && request.headers.authorization === undefined) return true;
    const slug = rule.kind === 'city' ? String(request.params.city) : null;
    const caller = await this.callers.fromAuthorization(request.headers.authorization, slug);
    const actor: Actor = { userId: asUserId(caller.userId), isOperator: caller.isOperator };
    this.cls.set('userId', actor.userId);

    switch (rule.kind) {
      case 'signed-in':
        break;
      case 'operator':
        if (!caller.isOperator) throw AuthErrors.OPERATOR_ONLY();
        break;
      case 'city': {
        // Members of other cities learn nothing about this one: unknown city and non-member look the same.
        if (caller.cityId === null || caller.timezone === null || slug === null) throw CityErrors.NOT_FOUND();
        const allowed =
          (caller.role !== null && rule.roles.includes(caller.role)) || (rule.operator && caller.isOperator);
        if (!allowed) {
          if (caller.role === null) throw CityErrors.NOT_FOUND();
          throw AuthErrors.ROLE_NOT_ALLOWED({
            message: `Your role (${caller.role}) may not do this in ${slug}`,
          });
        }
        actor.city = { id: asCityId(caller.cityId), slug, timezone: caller.timezone };
        actor.role = caller.role ?? undefined;
        actor.organisationId = caller.organisationId;
        this.cls.set('city', slug);
        break;
      }
    }
    request.actor = actor;
    return true;
  }
}
