import { applyDecorators, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { OPEN_DATA_PROJECTION } from '@rl/open-data';
import { CityErrors } from '@rl/tenancy';
import { ApiErrors, PublicRead, SignedIn } from '@rl/web';
import type { Audience } from '../jobs/recompute-comparison.handler';
import { seriesToCsv } from './comparison-csv';
import { ComparisonQueryDto, ComparisonSeriesQueryDto } from './comparison-query.dto';
import { ComparisonSeriesView, ComparisonView, PublicIndicatorView } from './comparison.view';
import { ComparisonSeriesQuery } from './comparison-series/comparison-series.query';
import { GetComparisonQuery } from './get-comparison/get-comparison.query';
import { PUBLICATION_PROJECTION } from '../projections/publication.projection';
import { PublicComparisonStamp } from './public-comparison-stamp';
import { PublicCityIndicatorsQuery } from './public-city-indicators/public-city-indicators.query';

// Read from every city's publication, the comparison job's results and the disclosure rules and
// breakdowns of open data (suppression is applied when read).
const PublicComparisonRead = () =>
  PublicRead({
    projections: [PUBLICATION_PROJECTION, OPEN_DATA_PROJECTION],
    cities: 'all',
    also: PublicComparisonStamp,
  });

const BAD_QUERY = 'REQUEST.INVALID, naming each bad query parameter';

// What a series route answers, for either audience: JSON, or CSV with format=csv.
const ApiSeriesResponse = () =>
  applyDecorators(
    ApiProduces('application/json', 'text/csv'),
    ApiOkResponse({
      description:
        'The cities side by side (JSON), or with format=csv one line per city and period (RFC 4180, as an attachment)',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(ComparisonSeriesView) } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
    ApiBadRequestResponse({ description: BAD_QUERY }),
  );

// Shared by the signed-in and the anonymous routes: the same reads, for another audience.
abstract class ComparisonReads {
  constructor(protected readonly queries: QueryBus) {}

  protected comparison(audience: Audience, query: ComparisonQueryDto): Promise<ComparisonView> {
    return this.queries.execute(new GetComparisonQuery(audience, query));
  }

  protected async series(
    audience: Audience,
    query: ComparisonSeriesQueryDto,
    res: Response,
  ): Promise<ComparisonSeriesView | string> {
    const view = await this.queries.execute(new ComparisonSeriesQuery(audience, query));
    if (query.format !== 'csv') return view;
    const name = [query.framework, query.code, query.from, query.to]
      .filter((part) => part !== undefined)
      .join('-')
      .replace(/[^A-Za-z0-9._-]+/g, '_');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="comparison-${name}.csv"`);
    return seriesToCsv(view);
  }
}

// Cross-city comparisons for signed-in users of any city: what cities made comparable or public.
@ApiTags('comparisons')
@ApiExtraModels(ComparisonSeriesView)
@Controller('v1/comparisons')
export class ComparisonsController extends ComparisonReads {
  constructor(queries: QueryBus) {
    super(queries);
  }

  @Get()
  @ApiOperation({ summary: 'Compare cities on an indicator' })
  @SignedIn()
  @ApiOkResponse({
    type: ComparisonView,
    description:
      'One row per city that published the framework code and has a validated value for the period; ' +
      'ranked (1 = best given the direction) where comparable. An unknown or unpublished code has no rows.',
  })
  @ApiBadRequestResponse({ description: BAD_QUERY })
  get(@Query() query: ComparisonQueryDto): Promise<ComparisonView> {
    return this.comparison('members', query);
  }

  @Get('series')
  @ApiOperation({ summary: "Compare cities' series on an indicator" })
  @SignedIn()
  @ApiSeriesResponse()
  getSeries(
    @Query() query: ComparisonSeriesQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComparisonSeriesView | string> {
    return this.series('members', query, res);
  }
}

// The same for anonymous readers, over what cities made public only.
@ApiTags('comparisons')
@ApiExtraModels(ComparisonSeriesView)
@Controller('v1/public')
export class PublicComparisonsController extends ComparisonReads {
  constructor(queries: QueryBus) {
    super(queries);
  }

  @Get('comparisons')
  @ApiOperation({ summary: 'Compare cities on a public indicator' })
  @PublicComparisonRead()
  @ApiOkResponse({ type: ComparisonView, description: 'As GET /v1/comparisons, over public indicators only' })
  @ApiBadRequestResponse({ description: BAD_QUERY })
  get(@Query() query: ComparisonQueryDto): Promise<ComparisonView> {
    return this.comparison('public', query);
  }

  @Get('comparisons/series')
  @ApiOperation({ summary: "Compare cities' series on a public indicator" })
  @PublicComparisonRead()
  @ApiSeriesResponse()
  getSeries(
    @Query() query: ComparisonSeriesQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComparisonSeriesView | string> {
    return this.series('public', query, res);
  }

  @Get('cities/:city/indicators')
  @ApiOperation({ summary: "List a city's public indicators" })
  @PublicRead({ projections: [PUBLICATION_PROJECTION] })
  @ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' })
  @ApiOkResponse({
    type: [PublicIndicatorView],
    description: "The city's public indicators, each with the validated value of its latest period",
  })
  @ApiErrors(CityErrors.NOT_FOUND)
  cityIndicators(@Param('city') city: string): Promise<PublicIndicatorView[]> {
    return this.queries.execute(new PublicCityIndicatorsQuery(city));
  }
}
