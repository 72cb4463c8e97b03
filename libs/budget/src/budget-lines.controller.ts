import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IndicatorErrors } from '@rl/indicators';
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
import { BudgetLineView, CreatedView, FundedProjectView } from './budget.views';
import { CreateBudgetLineCommand } from './commands/create-budget-line/create-budget-line.command';
import { CreateBudgetLineDto } from './commands/create-budget-line/create-budget-line.dto';
import { ReviseBudgetLineCommand } from './commands/revise-budget-line/revise-budget-line.command';
import { ReviseBudgetLineDto } from './commands/revise-budget-line/revise-budget-line.dto';
import { SetBudgetLinePublicationCommand } from './commands/set-budget-line-publication/set-budget-line-publication.command';
import { SetBudgetLinePublicationDto } from './commands/set-budget-line-publication/set-budget-line-publication.dto';
import { BudgetErrors as E } from './domain/budget.errors';
import { GetBudgetLineQuery } from './queries/get-budget-line/get-budget-line.query';
import { IndicatorFundedProjectsQuery } from './queries/indicator-funded-projects/indicator-funded-projects.query';
import { ListBudgetLinesQuery } from './queries/list-budget-lines/list-budget-lines.query';

const MONEY_ERRORS = [E.UNKNOWN_CURRENCY, E.INVALID_AMOUNT, E.UNKNOWN_INDICATOR, E.DUPLICATE_INDICATOR];

@ApiTags('budget')
@Controller('v1/cities/:city')
export class BudgetLinesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('budget-lines')
  @ApiOperation({ summary: 'Create a budget line linked to indicators' })
  @ApiCommand({ roles: ['coordinator'], answer: { type: CreatedView, status: 201 } })
  @ApiErrors(E.CODE_TAKEN, ...MONEY_ERRORS)
  create(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: CreateBudgetLineDto,
  ): Promise<CreatedView> {
    return this.commands.execute(new CreateBudgetLineCommand(city.id, body, metadata));
  }

  @Patch('budget-lines/:id')
  @ApiOperation({ summary: "Revise a budget line's title, amount or indicators" })
  @ApiCommand({ roles: ['coordinator'], ifMatch: true })
  @ApiErrors(
    E.NOTHING_TO_CHANGE,
    E.LINE_NOT_FOUND,
    E.OVER_BUDGET,
    E.CURRENCY_LOCKED,
    ...MONEY_ERRORS,
    versionConflict('BUDGET_LINE'),
  )
  revise(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: ReviseBudgetLineDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new ReviseBudgetLineCommand(city.id, id, expectedVersion, body, metadata));
  }

  @Put('budget-lines/:id/publication')
  @ApiOperation({ summary: 'Publish or withdraw a budget line with its calls and funded projects' })
  @ApiCommand({ roles: ['coordinator'] })
  @ApiErrors(E.LINE_NOT_FOUND)
  publish(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: SetBudgetLinePublicationDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new SetBudgetLinePublicationCommand(city.id, id, body.public, metadata));
  }

  @Get('budget-lines')
  @ApiOperation({ summary: 'List budget lines' })
  @ApiCityList(BudgetLineView, 'By year and code')
  list(@CurrentCity() city: CityContext, @Query() query: PagedReadDto): Promise<Page<BudgetLineView>> {
    return this.queries.execute(new ListBudgetLinesQuery(city.id, pageRequest(query), query.minPosition));
  }

  @Get('budget-lines/:id')
  @ApiOperation({ summary: 'Get a budget line' })
  @ApiCityRead(BudgetLineView)
  @ApiErrors(E.LINE_NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MinPositionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BudgetLineView> {
    const view = await this.queries.execute(new GetBudgetLineQuery(city.id, id, query.minPosition));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get('indicators/:id/funded-projects')
  @ApiOperation({ summary: 'The funded projects that declared a contribution to an indicator' })
  @ApiCityList(FundedProjectView, 'Oldest first')
  @ApiErrors(IndicatorErrors.NOT_FOUND)
  fundedProjects(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: PagedReadDto,
  ): Promise<Page<FundedProjectView>> {
    return this.queries.execute(
      new IndicatorFundedProjectsQuery(city.id, id, pageRequest(query), query.minPosition),
    );
  }
}
