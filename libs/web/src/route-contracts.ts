import { applyDecorators, Type as Class } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { CITY_ROLES, CityRole } from '@rl/kernel';
import { CityAccess } from './access.decorators';
import { ApiIdempotencyKey, ApiProjectionBehind, WriteResultView } from './event-sourced-contract';
import { ApiPage } from './pagination';

// The documented contract of the routes of a city, one decorator per kind of route, so that every
// command documents the same headers and every read the same wait for minPosition. Error codes stay on
// the route (@ApiErrors), next to the handler that answers with them.

export interface CommandRoute {
  roles: readonly CityRole[];
  // Platform operators may call it too.
  operator?: boolean;
  // The caller states the version it last saw (IfMatchVersion); a string says what that version is;
  // `required: false` where the header may be left out (OptionalIfMatchVersion).
  ifMatch?: boolean | string | { description: string; required: false };
  // The success answer; a write result (200) unless said otherwise.
  answer?: { type: Class<unknown>; status?: 200 | 201 | 202; description?: string };
}

export const ApiIfMatch = (description = 'The version you last saw', required = true) =>
  ApiHeader({ name: 'If-Match', required, description });

const ifMatchHeader = (ifMatch: NonNullable<CommandRoute['ifMatch']>) => {
  if (ifMatch === false) return [];
  if (ifMatch === true) return [ApiIfMatch()];
  return typeof ifMatch === 'string' ? [ApiIfMatch(ifMatch)] : [ApiIfMatch(ifMatch.description, false)];
};

// A command on the :city: who may send it, If-Match, Idempotency-Key and correlation headers, the answer.
export const ApiCommand = ({ roles, operator = false, ifMatch = false, answer }: CommandRoute) =>
  applyDecorators(
    CityAccess(roles, { operator }),
    ...ifMatchHeader(ifMatch),
    ApiIdempotencyKey(),
    ApiResponse({
      status: answer?.status ?? 200,
      type: answer?.type ?? WriteResultView,
      ...(answer?.description !== undefined && { description: answer.description }),
    }),
  );

// A page of a projection of the :city for any member, read after the caller's own write (minPosition).
export const ApiCityList = (item: Class<unknown>, description: string) =>
  applyDecorators(CityAccess(CITY_ROLES), ApiPage(item, description), ApiProjectionBehind());

// One row of a projection of the :city for any member, read after the caller's own write; ETag: its version.
export const ApiCityRead = (type: Class<unknown>) =>
  applyDecorators(
    CityAccess(CITY_ROLES),
    ApiOkResponse({ type, description: 'ETag carries the version' }),
    ApiProjectionBehind(),
  );
