import {
  Body,
  CallHandler,
  Controller,
  ExecutionContext,
  HttpCode,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { Observable } from 'rxjs';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DomainError } from '@rl/kernel';
import { CityAccess, CityContext, CommandContext, CommandMetadata, CurrentCity } from '@rl/web';
import { ImportOpenSdgCommand } from './commands/import-open-sdg/import-open-sdg.command';
import { ImportOpenSdgDto, ImportReportView } from './commands/import-open-sdg/import-open-sdg.dto';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

// Multer's FileInterceptor with the size limit, its 413 naming the `file` part.
@Injectable()
export class ImportFileInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor = new (FileInterceptor('file', {
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1 },
  }))();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new PayloadTooLargeException(`file: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      }
      throw error;
    }
  }
}

@ApiTags('reporting')
@Controller('v1/cities/:city/imports')
export class ImportsController {
  constructor(private readonly commands: CommandBus) {}

  // All or nothing. 200 with the report when everything was written, or for a dry run (ok tells whether
  // it would be); 422 IMPORT.REJECTED with the same report under `report` when any row is refused.
  @Post()
  @HttpCode(200)
  @CityAccess(['collector', 'official'])
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'indicatorId'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'Open SDG CSV or XLSX (first worksheet)' },
        indicatorId: { type: 'string', format: 'uuid' },
        organisationId: { type: 'string', format: 'uuid' },
        dryRun: { type: 'string', enum: ['true', 'false'] },
        mapping: { type: 'string', description: '{"columns":{"Sexe":"sex"},"values":{"sex":{"Dona":"F"}}}' },
      },
    },
  })
  @ApiOkResponse({ type: ImportReportView })
  @ApiUnprocessableEntityResponse({
    description: 'IMPORT.REJECTED: nothing written; `report` lists every row',
  })
  @ApiPayloadTooLargeResponse({ description: 'file larger than 20 MB' })
  import(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: ImportOpenSdgDto,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<ImportReportView> {
    if (!file) {
      throw new DomainError('bad_request', 'IMPORT.FILE_REQUIRED', 'Attach the file to import', [
        { field: 'file', message: 'is required (multipart part "file")' },
      ]);
    }
    return this.commands.execute(
      new ImportOpenSdgCommand(
        city.id,
        city.timezone,
        body,
        { name: file.originalname, buffer: file.buffer },
        metadata,
      ),
    );
  }
}
