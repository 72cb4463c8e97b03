import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IndicatorErrors } from '@rl/indicators';
import { CityRole, Page } from '@rl/kernel';
import {
  ApiCityList,
  ApiCityRead,
  ApiCommand,
  ApiErrors,
  AsOfReadDto,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  IfMatchVersion,
  PagedReadDto,
  pageRequest,
  uuidParam,
  versionConflict,
  WriteResultView,
} from '@rl/web';
import { AssessDatasetCommand } from './commands/assess-dataset/assess-dataset.command';
import { AssessmentDto } from './commands/assessment.dto';
import { CatalogueDatasetCommand } from './commands/catalogue-dataset/catalogue-dataset.command';
import { CatalogueDatasetDto } from './commands/catalogue-dataset/catalogue-dataset.dto';
import { ReviseDatasetCommand } from './commands/revise-dataset/revise-dataset.command';
import { ReviseDatasetDto } from './commands/revise-dataset/revise-dataset.dto';
import { DatasetErrors as E } from './domain/dataset.errors';
import { AssessmentView, CreatedAssessmentView, CreatedDatasetView, DatasetView } from './dataset.view';
import { GetDatasetQuery } from './queries/get-dataset/get-dataset.query';
import { ListAssessmentsQuery } from './queries/list-assessments/list-assessments.query';
import { ListDatasetsQuery } from './queries/list-datasets/list-datasets.query';
import { ListDatasetsDto } from './queries/read-options.dto';

// Who keeps the catalogue (a collector only their own organisation's entries), and who judges quality:
// the city's staff and its researchers, whom the guidance asks to assess tools before new ones are built.
const CATALOGUERS: readonly CityRole[] = ['coordinator', 'official', 'collector'];
const ASSESSORS: readonly CityRole[] = ['coordinator', 'official', 'researcher'];
const DETAIL_ERRORS = [
  E.INVALID,
  E.UNKNOWN_LICENCE,
  E.UNKNOWN_ORGANISATION,
  E.UNKNOWN_INDICATOR,
  E.SECTOR_REQUIRED,
];

@ApiTags('datasets')
@Controller('v1/cities/:city/datasets')
export class DatasetsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Catalogue a dataset or data-collection tool, with a first assessment if given' })
  @ApiCommand({ roles: CATALOGUERS, answer: { type: CreatedDatasetView, status: 201 } })
  @ApiErrors(...DETAIL_ERRORS, E.NOT_OWN_ORGANISATION)
  catalogue(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: CatalogueDatasetDto,
  ): Promise<CreatedDatasetView> {
    return this.commands.execute(new CatalogueDatasetCommand(city.id, body, metadata));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change fields of a catalogued entry (null clears an optional one)' })
  @ApiCommand({ roles: CATALOGUERS, ifMatch: true })
  @ApiErrors(
    E.NOTHING_TO_CHANGE,
    E.NOT_FOUND,
    ...DETAIL_ERRORS,
    E.NOT_OWN_ORGANISATION,
    versionConflict('DATASET'),
  )
  revise(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: ReviseDatasetDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new ReviseDatasetCommand(city.id, id, expectedVersion, body, metadata));
  }

  @Post(':id/assessments')
  @ApiOperation({ summary: 'Assess the quality of an entry: checklist, notes, verdict adapt or replace' })
  @ApiCommand({ roles: ASSESSORS, answer: { type: CreatedAssessmentView, status: 201 } })
  @ApiErrors(E.NOT_FOUND, E.INVALID)
  assess(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AssessmentDto,
  ): Promise<CreatedAssessmentView> {
    return this.commands.execute(new AssessDatasetCommand(city.id, id, body, metadata));
  }

  @Get()
  @ApiOperation({
    summary: "The city's catalogue, by title; filter by kind, sector, owner, indicator, words",
  })
  @ApiCityList(DatasetView, 'By title, then id')
  list(@CurrentCity() city: CityContext, @Query() query: ListDatasetsDto): Promise<Page<DatasetView>> {
    const { limit: _, after: __, minPosition, ...filter } = query;
    return this.queries.execute(new ListDatasetsQuery(city.id, filter, pageRequest(query), minPosition));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A catalogued entry with its latest assessment, optionally as it was at an instant',
  })
  @ApiCityRead(DatasetView)
  @ApiErrors(E.NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: AsOfReadDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DatasetView> {
    const view = await this.queries.execute(new GetDatasetQuery(city.id, id, query));
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  @Get(':id/assessments')
  @ApiOperation({ summary: "An entry's quality assessments, oldest first (who assessed, when, verdict)" })
  @ApiCityList(AssessmentView, 'Oldest first')
  @ApiErrors(E.NOT_FOUND)
  assessments(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: PagedReadDto,
  ): Promise<Page<AssessmentView>> {
    return this.queries.execute(new ListAssessmentsQuery(city.id, id, pageRequest(query), query.minPosition));
  }
}

// "Indicators show the datasets that feed them", from the catalogue's read model.
@ApiTags('datasets')
@Controller('v1/cities/:city/indicators')
export class IndicatorDatasetsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/datasets')
  @ApiOperation({ summary: 'The catalogued datasets and collection tools that feed an indicator, by title' })
  @ApiCityList(DatasetView, 'By title, then id')
  @ApiErrors(IndicatorErrors.NOT_FOUND)
  datasets(
    @CurrentCity() city: CityContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: PagedReadDto,
  ): Promise<Page<DatasetView>> {
    return this.queries.execute(
      new ListDatasetsQuery(city.id, { indicatorId: id }, pageRequest(query), query.minPosition, true),
    );
  }
}
