import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { CityId, CityRole, UserId } from '@rl/kernel';

export interface CityContext {
  id: CityId;
  slug: string;
  timezone: string;
}

// Who is calling, set by the access guard. On city routes `city` is the resolved :city and `role` the
// caller's role there (undefined for an operator who is not a member).
export interface Actor {
  userId: UserId;
  isOperator: boolean;
  city?: CityContext;
  role?: CityRole;
  organisationId?: string | null;
}

export interface RequestWithActor {
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without an authenticated access rule');
  return actor;
});

export const CurrentCity = createParamDecorator((_: unknown, ctx: ExecutionContext): CityContext => {
  const city = ctx.switchToHttp().getRequest<RequestWithActor>().actor?.city;
  if (!city) throw new Error('CurrentCity used on a route without a city access rule');
  return city;
});

// On a route that also lets anonymous callers in (CityAccess with `anonymous`): the member's city, or
// undefined for a caller without a bearer.
export const CurrentCityIfMember = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CityContext | undefined =>
    ctx.switchToHttp().getRequest<RequestWithActor>().actor?.city,
);
