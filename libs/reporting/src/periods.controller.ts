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
  ApiProjectionBehind,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  IfMatchVersion,
  MinPositionDto,
  PagedReadDto,
  pageRequest,
  WriteResultView,
  uuidParam,
  versionConflict,
} from '@rl/web';
import { DefinePeriodCommand } from './commands/define-period/define-period.command';
import { DefinePeriodDto } from './commands/define-period/define-period.dto';
import { MovePeriodDeadlineCommand } from './commands/move-period-deadline/move-period-deadline.command';
import { MovePeriodDeadlineDto } from './commands/move-period-deadline/move-period-deadline.dto';
import { PeriodErrors } from './domain/reporting.errors';
import { GetPeriodQuery } from './queries/get-period/get-period.query';
import { ListPeriodsQuery } from './queries/list-periods/list-periods.query';
import { PeriodCompletenessQuery } from './queries/period-completeness/period-completeness.query';

import { CompletenessView, CreatedPeriodView, PeriodView } from './reporting.view';

@ApiTags('reporting')
@Controller('v1/cities/:city/periods')
export class PeriodsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Define a reporting period' })
  @ApiCommand({ roles: ['coordinator'], answer: { type: CreatedPeriodView, status: 201 } })
  @ApiErrors(PeriodErrors.CODE_TAKEN, PeriodErrors.INVALID_CODE, PeriodErrors.INVALID_DEADLINE)
  define(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: DefinePeriodDto,
  ): Promise<CreatedPeriodView> {
    return this.commands.execute(new DefinePeriodCommand(city.id, city.timezone, body, metadata));
  }

  @Patch(':id')
  @ApiOperation({ summary: "Move a period's deadline" })
  @ApiCommand({ roles: ['coordinator'], ifMatch: true })
  @ApiErrors(PeriodErrors.NOT_FOUND, PeriodErrors.INVALID_DEADLINE, versionConflict('PERIOD'))
  moveDeadline(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: MovePeriodDeadlineDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(
      new MovePeriodDeadlineCommand(city.id, city.timezone, id, expectedVersion, body, metadata),
    );
  }

  @Get()
  @ApiOperation({ summary: 'List reporting periods' })
  @ApiCityList(PeriodView, 'By start and end')
  list(@CurrentCity() city: CityContext, @Query() query: PagedReadDto): Promise<Page<PeriodView>> {
    return this.queries.execute(new ListPeriodsQuery(city.id, pageRequest(query), query.minPosition));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a reporting period' })
  @ApiCityRead(PeriodView)
  @ApiErrors(PeriodErrors.NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MinPositionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PeriodView> {
    const view = await this.queries.execute(new GetPeriodQuery(city.id, id, query.minPosition));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':id/completeness')
  @ApiOperation({ summary: "Completeness of a period's assignments" })
  @CityAccess(CITY_ROLES)
  @ApiOkResponse({
    type: CompletenessView,
    description: 'Assigned / submitted / validated / returned / overdue',
  })
  @ApiErrors(PeriodErrors.NOT_FOUND)
  @ApiProjectionBehind()
  completeness(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MinPositionDto,
  ): Promise<CompletenessView> {
    return this.queries.execute(new PeriodCompletenessQuery(city.id, id, query.minPosition));
  }
}
