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
  pageRequest,
  uuidParam,
  versionConflict,
} from '@rl/web';
import { CorrectSubmissionCommand } from './commands/correct-submission/correct-submission.command';
import { CorrectSubmissionDto } from './commands/correct-submission/correct-submission.dto';
import { ReturnSubmissionCommand } from './commands/return-submission/return-submission.command';
import { ReturnSubmissionDto } from './commands/return-submission/return-submission.dto';
import { SubmitDataCommand } from './commands/submit-data/submit-data.command';
import { SubmitDataDto } from './commands/submit-data/submit-data.dto';
import { ValidateSubmissionCommand } from './commands/validate-submission/validate-submission.command';
import { MalformedSubmissionErrors, SubmissionErrors } from './domain/reporting.errors';
import { GetSubmissionQuery } from './queries/get-submission/get-submission.query';
import { IndicatorSeriesQuery } from './queries/indicator-series/indicator-series.query';
import { ListSubmissionsQuery } from './queries/list-submissions/list-submissions.query';
import { ListSubmissionsDto, SeriesReadDto } from './read-options.dto';
import {
  CreatedSubmissionView,
  SeriesPointView,
  SubmissionView,
  SubmissionWriteView,
} from './reporting.view';

const { INVALID_TRANSITION, NOT_FOUND, NOT_ASSIGNED, INDICATOR_NOT_ACTIVE, INVALID_OBSERVATIONS } =
  SubmissionErrors;
const CHECKED = [MalformedSubmissionErrors.INVALID_OBSERVATIONS, INVALID_OBSERVATIONS, INDICATOR_NOT_ACTIVE];

@ApiTags('reporting')
@Controller('v1/cities/:city/submissions')
export class SubmissionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Submit a value' })
  @ApiCommand({ roles: ['collector', 'official'], answer: { type: CreatedSubmissionView, status: 201 } })
  @ApiErrors(
    NOT_ASSIGNED,
    SubmissionErrors.ALREADY_OPEN,
    ...CHECKED,
    SubmissionErrors.UNKNOWN_INDICATOR,
    SubmissionErrors.UNKNOWN_PERIOD,
    SubmissionErrors.UNKNOWN_ORGANISATION,
    SubmissionErrors.ORGANISATION_REQUIRED,
  )
  submit(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: SubmitDataDto,
  ): Promise<CreatedSubmissionView> {
    return this.commands.execute(new SubmitDataCommand(city.id, body, metadata));
  }

  @Post(':id/validate')
  @ApiOperation({ summary: 'Validate a submission' })
  @HttpCode(200)
  @ApiCommand({
    roles: ['official'],
    ifMatch: 'The version you reviewed',
    answer: { type: SubmissionWriteView },
  })
  @ApiErrors(NOT_FOUND, INVALID_TRANSITION, SubmissionErrors.SAME_PERSON, versionConflict('SUBMISSION'))
  validate(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
  ): Promise<SubmissionWriteView> {
    return this.commands.execute(new ValidateSubmissionCommand(city.id, id, expectedVersion, metadata));
  }

  @Post(':id/return')
  @ApiOperation({ summary: 'Return a submission for revision' })
  @HttpCode(200)
  @ApiCommand({ roles: ['official'], answer: { type: SubmissionWriteView } })
  @ApiErrors(NOT_FOUND, INVALID_TRANSITION, versionConflict('SUBMISSION'))
  returnSubmission(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReturnSubmissionDto,
  ): Promise<SubmissionWriteView> {
    return this.commands.execute(new ReturnSubmissionCommand(city.id, id, body, metadata));
  }

  @Post(':id/corrections')
  @ApiOperation({ summary: 'Correct a submission' })
  @HttpCode(200)
  @ApiCommand({ roles: ['collector', 'official'], answer: { type: SubmissionWriteView } })
  @ApiErrors(NOT_FOUND, NOT_ASSIGNED, INVALID_TRANSITION, ...CHECKED, versionConflict('SUBMISSION'))
  correct(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CorrectSubmissionDto,
  ): Promise<SubmissionWriteView> {
    return this.commands.execute(new CorrectSubmissionCommand(city.id, id, body, metadata));
  }

  @Get()
  @ApiOperation({ summary: 'List submissions' })
  @ApiCityList(SubmissionView, 'In order of creation')
  list(@CurrentCity() city: CityContext, @Query() query: ListSubmissionsDto): Promise<Page<SubmissionView>> {
    const { minPosition, indicatorId, periodId, organisationId, status } = query;
    return this.queries.execute(
      new ListSubmissionsQuery(
        city.id,
        { minPosition, indicatorId, periodId, organisationId, status },
        pageRequest(query),
      ),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a submission' })
  @ApiCityRead(SubmissionView)
  @ApiErrors(NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MinPositionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubmissionView> {
    const view = await this.queries.execute(new GetSubmissionQuery(city.id, id, query.minPosition));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}

// The indicators controller has GET :id and :id/history; this adds :id/series from the series read model.
@ApiTags('reporting')
@Controller('v1/cities/:city/indicators')
export class SeriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/series')
  @ApiOperation({ summary: "Time series of an indicator's values" })
  @ApiCityList(SeriesPointView, 'Oldest period first')
  series(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: SeriesReadDto,
  ): Promise<Page<SeriesPointView>> {
    const { disaggregation, status, minPosition } = query;
    return this.queries.execute(
      new IndicatorSeriesQuery(city.id, id, { disaggregation, status, minPosition }, pageRequest(query)),
    );
  }
}
