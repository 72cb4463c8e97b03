import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Page } from '@rl/kernel';
import {
  ApiCityList,
  ApiCityRead,
  ApiCommand,
  ApiErrors,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  IfMatchVersion,
  MinPositionDto,
  PagedReadDto,
  pageRequest,
  uuidParam,
  versionConflict,
  WriteResultView,
} from '@rl/web';
import { CallView, CallWithProjectsView, CreatedView } from './budget.views';
import { CreateCallCommand } from './commands/create-call/create-call.command';
import { CreateCallDto } from './commands/create-call/create-call.dto';
import { FundProjectCommand } from './commands/fund-project/fund-project.command';
import { FundProjectDto } from './commands/fund-project/fund-project.dto';
import { ReportContributionsCommand } from './commands/report-contributions/report-contributions.command';
import { ReportContributionsDto } from './commands/report-contributions/report-contributions.dto';
import { BudgetErrors as E } from './domain/budget.errors';
import { GetCallQuery } from './queries/get-call/get-call.query';
import { ListCallsQuery } from './queries/list-calls/list-calls.query';

@ApiTags('budget')
@Controller('v1/cities/:city/calls')
export class CallsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Open a call for proposals on a budget line, with criteria on indicator contributions',
  })
  @ApiCommand({ roles: ['coordinator'], answer: { type: CreatedView, status: 201 } })
  @ApiErrors(
    E.UNKNOWN_LINE,
    E.CLOSES_BEFORE_OPENS,
    E.WEIGHTS_OVER_100,
    E.DUPLICATE_INDICATOR,
    E.NOT_ON_LINE,
    E.TOO_MANY,
    versionConflict('BUDGET_LINE'),
  )
  create(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: CreateCallDto,
  ): Promise<CreatedView> {
    return this.commands.execute(new CreateCallCommand(city.id, body, metadata));
  }

  @Post(':id/projects')
  @ApiOperation({ summary: 'Fund a project under a call, with its expected contribution per indicator' })
  @ApiCommand({ roles: ['coordinator'], answer: { type: CreatedView, status: 201 } })
  @ApiErrors(
    E.CALL_NOT_FOUND,
    E.UNKNOWN_ORGANISATION,
    E.UNKNOWN_CURRENCY,
    E.INVALID_AMOUNT,
    E.CURRENCY_MISMATCH,
    E.OVER_BUDGET,
    E.NOT_ON_LINE,
    E.DUPLICATE_INDICATOR,
    E.TOO_MANY,
    versionConflict('BUDGET_LINE'),
  )
  fund(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: FundProjectDto,
  ): Promise<CreatedView> {
    return this.commands.execute(new FundProjectCommand(city.id, id, body, metadata));
  }

  @Post(':id/projects/:projectId/contributions')
  @HttpCode(200)
  @ApiOperation({ summary: "Report a funded project's contribution per indicator" })
  @ApiCommand({ roles: ['coordinator'], ifMatch: true })
  @ApiErrors(E.PROJECT_NOT_FOUND, E.NOT_DECLARED, E.DUPLICATE_INDICATOR, versionConflict('FUNDED_PROJECT'))
  report(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: ReportContributionsDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(
      new ReportContributionsCommand(city.id, id, projectId, expectedVersion, body, metadata),
    );
  }

  @Get()
  @ApiOperation({ summary: 'List calls for proposals' })
  @ApiCityList(CallView, 'Oldest first')
  list(@CurrentCity() city: CityContext, @Query() query: PagedReadDto): Promise<Page<CallView>> {
    return this.queries.execute(new ListCallsQuery(city.id, pageRequest(query), query.minPosition));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a call for proposals with its funded projects' })
  @ApiCityRead(CallWithProjectsView)
  @ApiErrors(E.CALL_NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MinPositionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CallWithProjectsView> {
    const view = await this.queries.execute(new GetCallQuery(city.id, id, query.minPosition));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
