import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CITY_ROLES, Page } from '@rl/kernel';
import {
  ApiCityList,
  ApiCityRead,
  ApiCommand,
  ApiErrors,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  IfMatchVersion,
  uuidParam,
  versionConflict,
  WriteResultView,
} from '@rl/web';
import { DefineIndicatorCommand } from './commands/define-indicator/define-indicator.command';
import { DefineIndicatorDto } from './commands/define-indicator/define-indicator.dto';
import { IndicatorErrors } from './domain/indicator.errors';
import { UpdateIndicatorCommand } from './commands/update-indicator/update-indicator.command';
import { UpdateIndicatorDto } from './commands/update-indicator/update-indicator.dto';
import { CreatedIndicatorView, IndicatorVersionView, IndicatorView } from './indicator.view';
import { GetIndicatorQuery } from './queries/get-indicator/get-indicator.query';
import { IndicatorHistoryQuery } from './queries/indicator-history/indicator-history.query';
import { ListIndicatorsQuery } from './queries/list-indicators/list-indicators.query';
import { IndicatorReadDto, ListIndicatorsDto } from './read-options.dto';

@ApiTags('indicators')
@Controller('v1/cities/:city/indicators')
export class IndicatorsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Define an indicator' })
  @ApiCommand({ roles: ['coordinator', 'official'], answer: { type: CreatedIndicatorView, status: 201 } })
  @ApiErrors(IndicatorErrors.INVALID_DEFINITION, IndicatorErrors.CODE_TAKEN, IndicatorErrors.UNKNOWN_TERM)
  define(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: DefineIndicatorDto,
  ): Promise<CreatedIndicatorView> {
    return this.commands.execute(new DefineIndicatorCommand(city.id, body, metadata));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update an indicator' })
  @ApiCommand({ roles: ['coordinator', 'official'], ifMatch: true })
  @ApiErrors(
    IndicatorErrors.NOTHING_TO_CHANGE,
    IndicatorErrors.INVALID_DEFINITION,
    IndicatorErrors.NOT_FOUND,
    versionConflict('INDICATOR'),
    IndicatorErrors.CODE_IMMUTABLE,
    IndicatorErrors.RETIRED,
    IndicatorErrors.INVALID_TRANSITION,
    IndicatorErrors.UNKNOWN_TERM,
  )
  update(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: UpdateIndicatorDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new UpdateIndicatorCommand(city.id, id, expectedVersion, body, metadata));
  }

  @Get()
  @ApiOperation({ summary: 'List indicators' })
  @ApiCityList(IndicatorView, 'By code')
  list(@CurrentCity() city: CityContext, @Query() query: ListIndicatorsDto): Promise<Page<IndicatorView>> {
    return this.queries.execute(new ListIndicatorsQuery(city.id, query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an indicator, optionally as it was at an instant' })
  @ApiCityRead(IndicatorView)
  @ApiErrors(IndicatorErrors.NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: IndicatorReadDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IndicatorView> {
    const view = await this.queries.execute(new GetIndicatorQuery(city.id, id, query));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'List every version of an indicator' })
  @CityAccess(CITY_ROLES)
  @ApiOkResponse({ type: [IndicatorVersionView] })
  @ApiErrors(IndicatorErrors.NOT_FOUND)
  history(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<IndicatorVersionView[]> {
    return this.queries.execute(new IndicatorHistoryQuery(city.id, id));
  }
}
