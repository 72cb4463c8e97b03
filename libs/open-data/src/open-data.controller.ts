import { applyDecorators, Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { IndicatorErrors } from '@rl/indicators';
import { CITY_ROLES } from '@rl/kernel';
import {
  ApiCommand,
  ApiErrors,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  OptionalIfMatchVersion,
  CityAccess,
  PublicRead,
  uuidParam,
  versionConflict,
  WriteResultView,
} from '@rl/web';
import { SetDisclosureCommand } from './commands/set-disclosure/set-disclosure.command';
import { SetDisclosureDto } from './commands/set-disclosure/set-disclosure.dto';
import { DisclosureErrors } from './domain/disclosure.errors';
import { OpenDataErrors } from './domain/open-data.errors';
import { Audience } from './domain/series';
import { csvDictionary, EXPORT_FORMATS } from './read/export-formats';
import { ExportQueryDto, FORMAT_NAMES } from './read/export-query.dto';
import { PublicSeriesReader } from './read/public-series.reader';
import { PublicSeriesView } from './read/public-series.view';
import { OPEN_DATA_PROJECTION } from './projections/open-data.projection';

const ApiSeriesExport = () =>
  applyDecorators(
    ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' }),
    ApiParam({
      name: 'indicatorCode',
      description: "The indicator's code in the city",
      example: 'GH-HOMELESS',
    }),
    ApiProduces(...FORMAT_NAMES.map((f) => EXPORT_FORMATS[f].mediaType.split(';')[0])),
    ApiOkResponse({
      description:
        'All validated periods and disaggregations. CSV columns: period, one per dimension (blank: the total), ' +
        'value, unit, obs_status, definition_version, series_break, source (the data dictionary: …/dictionary)',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(PublicSeriesView) } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
    ApiBadRequestResponse({
      description: `REQUEST.INVALID naming format: one of ${FORMAT_NAMES.join(', ')}`,
    }),
    ApiErrors(OpenDataErrors.NOT_FOUND),
  );

// Sends a series in the asked format, as an attachment named after the city and the indicator.
async function exportSeries(
  reader: PublicSeriesReader,
  audience: Audience,
  city: string,
  code: string,
  query: ExportQueryDto,
  res: Response,
): Promise<string> {
  const series = await reader.read(city, code, audience);
  const format = EXPORT_FORMATS[query.format ?? 'json'];
  res.setHeader('Content-Type', format.mediaType);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName(series)}.${format.extension}"`);
  return format.render(series);
}

const fileName = (series: PublicSeriesView) =>
  `${series.city.slug}-${series.indicator.code}`.replace(/[^A-Za-z0-9._-]+/g, '_');

@ApiTags('open-data')
@ApiExtraModels(PublicSeriesView)
@Controller()
export class OpenDataController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: PublicSeriesReader,
  ) {}

  @Put('v1/cities/:city/indicators/:id/disclosure')
  @ApiOperation({ summary: "Set an indicator's small-number suppression rule" })
  @ApiCommand({
    roles: ['coordinator'],
    ifMatch: {
      description:
        "The rule's version you last saw (0: none yet); without it the rule is replaced unconditionally",
      required: false,
    },
    answer: { type: WriteResultView, description: 'Recorded; every public output applies it' },
  })
  @ApiErrors(
    IndicatorErrors.NOT_FOUND,
    DisclosureErrors.INVALID_MIN_COUNT,
    DisclosureErrors.SECONDARY_REQUIRED,
    versionConflict('DISCLOSURE'),
  )
  setDisclosure(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
    @Body() body: SetDisclosureDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new SetDisclosureCommand(city.id, id, body, expectedVersion, metadata));
  }

  @Get('v1/public/cities/:city/data/:indicatorCode')
  @ApiOperation({ summary: "Export a public indicator's validated data, small numbers suppressed" })
  @PublicRead({ projections: [OPEN_DATA_PROJECTION] })
  @ApiSeriesExport()
  publicData(
    @Param('city') city: string,
    @Param('indicatorCode') code: string,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return exportSeries(this.reader, 'public', city, code, query, res);
  }

  @Get('v1/public/cities/:city/data/:indicatorCode/dictionary')
  @ApiOperation({ summary: "The data dictionary of a public indicator's CSV export" })
  @PublicRead({ projections: [OPEN_DATA_PROJECTION] })
  @ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' })
  @ApiParam({
    name: 'indicatorCode',
    description: "The indicator's code in the city",
    example: 'GH-HOMELESS',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'CSV: column, type, description, values (the values each dimension column takes)',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiErrors(OpenDataErrors.NOT_FOUND)
  async dictionary(
    @Param('city') city: string,
    @Param('indicatorCode') code: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const series = await this.reader.read(city, code, 'public');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName(series)}-dictionary.csv"`);
    return csvDictionary(series);
  }

  // Only the city's own members see what disclosure control hides from everyone else.
  @Get('v1/cities/:city/data/:indicatorCode')
  @ApiOperation({
    summary:
      "A published indicator's validated data for the city's members: unsuppressed, each cell marked as public outputs hide it",
  })
  @CityAccess(CITY_ROLES)
  @ApiSeriesExport()
  membersData(
    @CurrentCity() { slug: city }: CityContext,
    @Param('indicatorCode') code: string,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return exportSeries(this.reader, 'members', city, code, query, res);
  }
}
