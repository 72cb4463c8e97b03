import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiHeader,
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
import { csvDictionary, EXPORT_FORMATS, formatFromAccept } from './read/export-formats';
import { openSdgMeta } from './read/open-sdg';
import { SDMX_CSV_MEDIA_TYPE } from './read/sdmx-csv';
import { SetSdmxMappingCommand, SdmxCheckView } from './commands/set-sdmx-mapping/set-sdmx-mapping.command';
import { SdmxMappingQueryDto, SetSdmxMappingDto } from './commands/set-sdmx-mapping/set-sdmx-mapping.dto';
import { SdmxErrors } from './domain/sdmx-mapping.errors';
import { ExportQueryDto, FORMAT_NAMES } from './read/export-query.dto';
import { PublicSeriesReader } from './read/public-series.reader';
import { PublicSeriesView } from './read/public-series.view';
import { OPEN_DATA_PROJECTION } from './projections/open-data.projection';

const ApiIndicatorParams = () =>
  applyDecorators(
    ApiParam({ name: 'city', description: "The city's slug", example: 'ghent' }),
    ApiParam({
      name: 'indicatorCode',
      description: "The indicator's code in the city",
      example: 'GH-HOMELESS',
    }),
  );

const ApiSeriesExport = () =>
  applyDecorators(
    ApiIndicatorParams(),
    ApiProduces(...FORMAT_NAMES.map((f) => EXPORT_FORMATS[f].mediaType.split(';')[0])),
    ApiOkResponse({
      description:
        'All validated periods and disaggregations. CSV columns: period, one per dimension (blank: the total), ' +
        'value, unit, obs_status, definition_version, series_break, source (the data dictionary: …/dictionary). ' +
        "sdmx-csv: SDMX-CSV 2.0 in the SDG DSD (needs the indicator's sdmx-mapping); open-sdg: Open SDG data CSV. " +
        'Suppressed cells: blank value, status Q (CL_OBS_STATUS: missing value; suppressed) in every format',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(PublicSeriesView) } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
    ApiBadRequestResponse({
      description: `REQUEST.INVALID naming format: one of ${FORMAT_NAMES.join(', ')}`,
    }),
    ApiHeader({
      name: 'Accept',
      required: false,
      description: `Without format: ${SDMX_CSV_MEDIA_TYPE} selects sdmx-csv, anything else json`,
    }),
    ApiErrors(OpenDataErrors.NOT_FOUND, SdmxErrors.UNMAPPED),
  );

// Sends a series in the asked format, as an attachment named after the city and the indicator.
async function exportSeries(
  reader: PublicSeriesReader,
  audience: Audience,
  city: string,
  code: string,
  query: ExportQueryDto,
  accept: string | undefined,
  res: Response,
): Promise<string | StreamableFile> {
  const { series, sdmxMapping } = await reader.readForExport(city, code, audience);
  const format = EXPORT_FORMATS[query.format ?? formatFromAccept(accept)];
  const body = format.render(series, sdmxMapping);
  res.setHeader('Content-Type', format.mediaType);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName(series)}.${format.extension}"`);
  // SDMX-CSV's Content-Type has no charset parameter, which Express adds to any string it sends.
  return format.mediaType.includes('charset=') ? body : new StreamableFile(Buffer.from(body));
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

  @Put('v1/cities/:city/indicators/:id/sdmx-mapping')
  @ApiOperation({
    summary: "Set how an indicator's dimensions and values map to SDG DSD codes, for its SDMX-CSV export",
  })
  @ApiCommand({
    roles: ['coordinator'],
    ifMatch: {
      description:
        "The mapping's version you last saw (0: none yet); without it the mapping is replaced unconditionally",
      required: false,
    },
    answer: {
      type: WriteResultView,
      description: 'Recorded (with dryRun=true: 200 {unmapped: []}, nothing recorded)',
    },
  })
  @ApiErrors(
    IndicatorErrors.NOT_FOUND,
    SdmxErrors.INVALID_MAPPING,
    SdmxErrors.UNMAPPED,
    versionConflict('SDMX_MAPPING'),
  )
  setSdmxMapping(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
    @Query() query: SdmxMappingQueryDto,
    @Body() body: SetSdmxMappingDto,
  ): Promise<WriteResultView | SdmxCheckView> {
    return this.commands.execute(
      new SetSdmxMappingCommand(city.id, id, body, query.dryRun === 'true', expectedVersion, metadata),
    );
  }

  @Get('v1/public/cities/:city/meta/:indicatorCode')
  @ApiOperation({ summary: "A public indicator's Open SDG metadata: YAML front matter and Markdown" })
  @PublicRead({ projections: [OPEN_DATA_PROJECTION] })
  @ApiIndicatorParams()
  @ApiProduces('text/markdown')
  @ApiOkResponse({
    description:
      'Markdown with YAML front matter (indicator_number, indicator_name, goal_number, target_number, ' +
      'computation_units, source_organisation_1, national_geographical_coverage, reporting_status, …)',
    content: { 'text/markdown': { schema: { type: 'string' } } },
  })
  @ApiErrors(OpenDataErrors.NOT_FOUND)
  async meta(
    @Param('city') city: string,
    @Param('indicatorCode') code: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const series = await this.reader.read(city, code, 'public');
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${fileName(series)}.md"`);
    return openSdgMeta(series);
  }

  @Get('v1/public/cities/:city/data/:indicatorCode')
  @ApiOperation({ summary: "Export a public indicator's validated data, small numbers suppressed" })
  @PublicRead({ projections: [OPEN_DATA_PROJECTION] })
  @ApiSeriesExport()
  publicData(
    @Param('city') city: string,
    @Param('indicatorCode') code: string,
    @Query() query: ExportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | StreamableFile> {
    return exportSeries(this.reader, 'public', city, code, query, accept, res);
  }

  @Get('v1/public/cities/:city/data/:indicatorCode/dictionary')
  @ApiOperation({ summary: "The data dictionary of a public indicator's CSV export" })
  @PublicRead({ projections: [OPEN_DATA_PROJECTION] })
  @ApiIndicatorParams()
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
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | StreamableFile> {
    return exportSeries(this.reader, 'members', city, code, query, accept, res);
  }
}
