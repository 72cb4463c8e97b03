import { Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IndicatorErrors } from '@rl/indicators';
import { CITY_ROLES, Page } from '@rl/kernel';
import {
  Actor,
  ApiCityList,
  ApiCommand,
  ApiErrors,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentActor,
  CurrentCity,
  PagedReadDto,
  uuidParam,
  WriteResultView,
} from '@rl/web';
import { FollowErrors } from '../domain/notifications.errors';
import { FollowIndicatorCommand } from './commands/follow-indicator/follow-indicator.command';
import { FollowView } from './follows.view';
import { ListMyFollowsQuery } from './queries/list-my-follows/list-my-follows.query';

// Any member follows indicators for themselves (observers too: it changes nothing of the city's, only
// what reaches their own inbox). Following is recorded in the log, so it is audited and replayable.
@ApiTags('notifications')
@Controller('v1/cities/:city')
export class FollowsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('indicators/:id/follow')
  @ApiOperation({
    summary: 'Follow an indicator: an in-app notice when a glossary term it links is changed or deprecated',
  })
  @ApiCommand({
    roles: CITY_ROLES,
    answer: { type: WriteResultView, description: 'Following (again: unchanged)' },
  })
  @ApiErrors(IndicatorErrors.NOT_FOUND, FollowErrors.LIMIT_REACHED)
  follow(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<WriteResultView> {
    return this.commands.execute(new FollowIndicatorCommand(city.id, id, true, metadata));
  }

  @Delete('indicators/:id/follow')
  @ApiOperation({ summary: 'Stop following an indicator' })
  @ApiCommand({
    roles: CITY_ROLES,
    answer: { type: WriteResultView, description: 'Not following (any more)' },
  })
  @ApiErrors(IndicatorErrors.NOT_FOUND)
  unfollow(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<WriteResultView> {
    return this.commands.execute(new FollowIndicatorCommand(city.id, id, false, metadata));
  }

  @Get('me/follows')
  @ApiOperation({ summary: 'The indicators of this city I follow explicitly' })
  @ApiCityList(FollowView, 'By indicator id')
  follows(
    @CurrentCity() city: CityContext,
    @CurrentActor() actor: Actor,
    @Query() query: PagedReadDto,
  ): Promise<Page<FollowView>> {
    return this.queries.execute(new ListMyFollowsQuery(city.id, actor.userId, query));
  }
}
