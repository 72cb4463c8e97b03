import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CityRole } from '@rl/kernel';

// Who may call a route. Every route declares one; the application refuses to start otherwise.
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'operator' }
  // `anonymous`: a caller without any Authorization header gets through too, with no actor (the route
  // then answers what anyone may see, e.g. a published report); a bearer is checked as usual.
  | { kind: 'city'; roles: readonly CityRole[]; operator: boolean; anonymous?: boolean };

export const ACCESS_RULE = 'rights-ledger:access-rule';

const withAuth = (rule: AccessRule, ...extra: MethodDecorator[]) =>
  applyDecorators(
    // The bearer security requirement is derived from the rule when the OpenAPI document is built.
    SetMetadata(ACCESS_RULE, rule),
    ApiUnauthorizedResponse({ description: 'No or invalid access token' }),
    ...extra,
  );

export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

export const SignedIn = () => withAuth({ kind: 'signed-in' });

export const OperatorOnly = () =>
  withAuth({ kind: 'operator' }, ApiForbiddenResponse({ description: 'Not a platform operator' }));

// A member of the :city in the path with one of `roles`; `operator` also lets platform operators in;
// `anonymous` also lets in callers without a bearer (see AccessRule).
export const CityAccess = (
  roles: readonly CityRole[],
  options: { operator?: boolean; anonymous?: boolean } = {},
) =>
  withAuth(
    {
      kind: 'city',
      roles,
      operator: options.operator ?? false,
      ...(options.anonymous && { anonymous: true }),
    },
    ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' }),
    ApiForbiddenResponse({
      description: `Requires one of: ${roles.join(', ')}${options.operator ? ', operator' : ''}`,
    }),
    ApiNotFoundResponse({ description: 'No such city, or not a member of it' }),
  );
