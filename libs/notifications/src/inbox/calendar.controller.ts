import { Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CITY_ROLES } from '@rl/kernel';
import { Actor, ApiErrors, CityAccess, CityContext, CurrentActor, CurrentCity, Public } from '@rl/web';
import { CalendarErrors } from '../domain/notifications.errors';
import { IssueCalendarTokenCommand } from './commands/issue-calendar-token/issue-calendar-token.command';
import { RevokeCalendarTokenCommand } from './commands/revoke-calendar-token/revoke-calendar-token.command';
import { CalendarLinkView } from './inbox.view';
import { CalendarFeedQuery } from './queries/calendar-feed/calendar-feed.query';

// Deadlines in people's own calendar apps: a member gets a secret subscription link per city; the feed
// behind it is fetched without a bearer token, so the token in the link is the only credential.
@ApiTags('notifications')
@Controller('v1/cities/:city')
export class CalendarController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('calendar/token')
  @ApiOperation({ summary: 'Issue my calendar subscription link' })
  @CityAccess(CITY_ROLES)
  @ApiCreatedResponse({
    type: CalendarLinkView,
    description:
      'A new subscription link (shown only now); the previous link of yours in this city stops working',
  })
  issue(@CurrentCity() city: CityContext, @CurrentActor() actor: Actor): Promise<CalendarLinkView> {
    return this.commands.execute(new IssueCalendarTokenCommand(city.id, city.slug, actor.userId));
  }

  @Delete('calendar/token')
  @ApiOperation({ summary: 'Revoke my calendar subscription link' })
  @HttpCode(204)
  @CityAccess(CITY_ROLES)
  @ApiNoContentResponse({ description: 'Your subscription link in this city no longer works' })
  revoke(@CurrentCity() city: CityContext, @CurrentActor() actor: Actor): Promise<void> {
    return this.commands.execute(new RevokeCalendarTokenCommand(city.id, actor.userId));
  }

  @Get('calendar.ics')
  @ApiOperation({ summary: 'Deadlines as an iCalendar feed' })
  @Public()
  @ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' })
  @ApiQuery({ name: 'token', required: true, description: 'The secret from POST …/calendar/token' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description:
      'iCalendar (RFC 5545): for a collector, each open or returned assignment of their organisation; ' +
      "for other roles, each of the city's reporting deadlines. Instants in UTC.",
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiErrors(CalendarErrors.NOT_FOUND)
  async feed(
    @Param('city') citySlug: string,
    @Query('token') token: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const ics = await this.queries.execute(
      new CalendarFeedQuery(citySlug, typeof token === 'string' ? token : undefined),
    );
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${citySlug}-deadlines.ics"`);
    // The link is a credential: no shared cache may keep the feed.
    res.setHeader('Cache-Control', 'private, no-cache');
    return ics;
  }
}
