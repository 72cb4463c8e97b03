import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Actor,
  ApiErrors,
  ApiIdempotencyKey,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentActor,
  CurrentCity,
  uuidParam,
} from '@rl/web';
import { ImportOpenSdgCommand } from './commands/import-open-sdg/import-open-sdg.command';
import {
  ImportQueuedView,
  ImportResultView,
  ImportUploadDto,
} from './commands/import-open-sdg/import-open-sdg.dto';
import { ImportTemplateCommand } from './commands/import-open-sdg/import-template.command';
import { ImportErrors, SubmissionErrors, TemplateErrors } from './domain/reporting.errors';
import { ImportFileInterceptor } from './import-file.interceptor';
import { ImportsStore } from './imports/imports.store';
import { importView, ImportsPageView, ImportView, ListImportsDto } from './imports/imports.views';

// A collector sees the imports of their own organisation; officials and coordinators all of the city's.
const visibleOrganisation = (actor: Actor): string | null =>
  // (a collector without one matches no import: the nil UUID is nobody's organisation)
  actor.role === 'collector' ? (actor.organisationId ?? '00000000-0000-0000-0000-000000000000') : null;

@ApiTags('reporting')
@Controller('v1/cities/:city/imports')
export class ImportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly store: ImportsStore,
  ) {}

  // All or nothing. A file up to IMPORT_SYNC_MAX_BYTES (default 256 KiB) is imported during the request:
  // 201 with the report (also for a dry run, `ok` telling whether it would pass), or 422 IMPORT.REJECTED
  // with the report under `report`. A larger one answers 202 {id}; GET …/imports/:id shows how it goes.
  // Without indicatorId the file is a filled spreadsheet template (its metadata sheet says what it is for).
  @Post()
  @ApiIdempotencyKey()
  @CityAccess(['collector', 'official'])
  @UseInterceptors(ImportFileInterceptor)
  @ApiOperation({
    summary: 'Import an Open SDG CSV or XLSX file, or a filled spreadsheet template (all or nothing)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'Open SDG CSV or XLSX (first worksheet), or a filled template (file alone)',
        },
        indicatorId: {
          type: 'string',
          format: 'uuid',
          description: 'Required unless the file is a template',
        },
        organisationId: { type: 'string', format: 'uuid' },
        dryRun: { type: 'string', enum: ['true', 'false'] },
        mapping: { type: 'string', description: '{"columns":{"Sexe":"sex"},"values":{"sex":{"Dona":"F"}}}' },
      },
    },
  })
  @ApiCreatedResponse({ type: ImportResultView, description: 'A small file, imported (or checked) at once' })
  @ApiAcceptedResponse({ type: ImportQueuedView, description: 'A larger file, imported by the worker' })
  @ApiErrors(
    ImportErrors.REJECTED,
    ImportErrors.ARCHIVE_TOO_LARGE,
    ImportErrors.TOO_MANY_ROWS,
    ImportErrors.TOO_MANY_COLUMNS,
    ImportErrors.CELL_TOO_LONG,
    ImportErrors.TOO_MANY_PERIODS,
    SubmissionErrors.UNKNOWN_INDICATOR,
    SubmissionErrors.INDICATOR_NOT_ACTIVE,
    ImportErrors.FILE_REQUIRED,
    ImportErrors.MULTIPART_LIMIT,
    ImportErrors.INVALID_MAPPING,
    ImportErrors.INVALID_LAYOUT,
    ImportErrors.EMPTY_FILE,
    ImportErrors.UNREADABLE_FILE,
    SubmissionErrors.NOT_ASSIGNED,
    TemplateErrors.NOT_A_TEMPLATE,
    TemplateErrors.TAMPERED,
    TemplateErrors.OTHER_CITY,
    TemplateErrors.STALE_DEFINITION,
    TemplateErrors.NOT_YOURS,
  )
  @ApiPayloadTooLargeResponse({ description: 'file larger than 20 MB' })
  async import(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: ImportUploadDto,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResultView | ImportQueuedView> {
    if (!file) {
      throw ImportErrors.FILE_REQUIRED({
        errors: [{ field: 'file', message: 'is required (multipart part "file")' }],
      });
    }
    const upload = { name: file.originalname, buffer: file.buffer };
    const { indicatorId } = body;
    const result = await this.commands.execute(
      indicatorId
        ? new ImportOpenSdgCommand(city.id, city.timezone, { ...body, indicatorId }, upload, metadata)
        : new ImportTemplateCommand(city.id, city.timezone, body, upload, metadata),
    );
    res.status('status' in result && result.status === 'queued' ? 202 : 201);
    return result;
  }

  @Get()
  @CityAccess(['coordinator', 'official', 'collector'])
  @ApiOperation({ summary: "The city's imports, newest first (a collector: their organisation's)" })
  @ApiOkResponse({ type: ImportsPageView })
  async list(
    @CurrentCity() city: CityContext,
    @CurrentActor() actor: Actor,
    @Query() query: ListImportsDto,
  ): Promise<ImportsPageView> {
    const limit = query.limit ?? 20;
    const rows = await this.store.list(city.id, {
      before: query.cursor,
      limit: limit + 1,
      organisationId: visibleOrganisation(actor),
    });
    const page = rows.slice(0, limit).map(importView);
    return { imports: page, next: rows.length > limit ? page[page.length - 1].id : null };
  }

  @Get(':id')
  @CityAccess(['coordinator', 'official', 'collector'])
  @ApiOperation({ summary: 'One import: status (queued, running, done, rejected), progress and report' })
  @ApiOkResponse({ type: ImportView })
  @ApiErrors(ImportErrors.NOT_FOUND)
  async get(
    @CurrentCity() city: CityContext,
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ImportView> {
    const row = await this.store.get(city.id, id, visibleOrganisation(actor));
    if (!row) throw ImportErrors.NOT_FOUND();
    return importView(row);
  }
}
