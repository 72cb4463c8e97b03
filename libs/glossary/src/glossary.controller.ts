import { Body, Controller, Param, Post, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiCommand,
  ApiErrors,
  CityAccess,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  uuidParam,
  WriteResultView,
} from '@rl/web';
import { ImportGlossaryCommand } from './commands/import-glossary/import-glossary.command';
import { MatchTermCommand } from './commands/match-term/match-term.command';
import { MatchTermDto } from './commands/match-term/match-term.dto';
import { SetGlossaryPublicationCommand } from './commands/set-glossary-publication/set-glossary-publication.command';
import { SetGlossaryPublicationDto } from './commands/set-glossary-publication/set-glossary-publication.dto';
import { GlossaryErrors, GlossaryTermErrors } from './domain/glossary.errors';
import { GlossaryFileInterceptor } from './glossary-file.interceptor';
import { GlossaryImportView, GlossaryPublicationView } from './term.view';

// The coordinator's glossary-wide acts: matches to other cities, publication, imports.
@ApiTags('glossary')
@Controller('v1/cities/:city/glossary')
export class GlossaryController {
  constructor(private readonly commands: CommandBus) {}

  @Post('terms/:id/matches')
  @ApiOperation({ summary: "Map a term to another city's published term (SKOS mapping)" })
  @ApiCommand({ roles: ['coordinator'], answer: { type: WriteResultView, status: 201 } })
  @ApiErrors(
    GlossaryTermErrors.NOT_FOUND,
    GlossaryTermErrors.NOT_ADOPTED,
    GlossaryTermErrors.MATCH_TARGET_UNKNOWN,
    GlossaryTermErrors.MATCH_CONFLICT,
  )
  match(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: MatchTermDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new MatchTermCommand(city.id, id, body, metadata));
  }

  @Put('publication')
  @ApiOperation({
    summary: 'Publish the glossary (adopted and deprecated terms) to everyone, or withdraw it',
  })
  @ApiCommand({ roles: ['coordinator'], answer: { type: GlossaryPublicationView } })
  publish(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: SetGlossaryPublicationDto,
  ): Promise<GlossaryPublicationView> {
    return this.commands.execute(new SetGlossaryPublicationCommand(city.id, body.public, metadata));
  }

  @Post('import')
  @CityAccess(['coordinator'])
  @UseInterceptors(GlossaryFileInterceptor)
  @ApiOperation({ summary: 'Import a SKOS Turtle file as proposals, one term per concept' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'SKOS in Turtle, at most 2 MB' } },
    },
  })
  @ApiCreatedResponse({ type: GlossaryImportView })
  @ApiErrors(GlossaryErrors.IMPORT_UNREADABLE, GlossaryErrors.IMPORT_TOO_LARGE, GlossaryErrors.IMPORT_EMPTY)
  import(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<GlossaryImportView> {
    if (!file)
      throw GlossaryErrors.IMPORT_UNREADABLE({
        message: 'Send the Turtle file as the multipart part "file"',
        errors: [{ field: 'file', message: 'is required' }],
      });
    return this.commands.execute(new ImportGlossaryCommand(city.id, file.buffer.toString('utf8'), metadata));
  }
}
