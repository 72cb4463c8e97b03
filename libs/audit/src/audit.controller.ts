import { Controller, Get, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Page } from '@rl/kernel';
import { ApiErrors, ApiPage, CityAccess, CityContext, CurrentCity, PAGE_LIMIT, PageQueryDto } from '@rl/web';
import { CheckpointView } from './checkpoints/checkpoint.view';
import { SignCheckpointCommand } from './commands/sign-checkpoint/sign-checkpoint.command';
import { AuditErrors } from './domain/audit.errors';
import { AuditExport } from './export/audit-export';
import { ListCheckpointsQuery } from './queries/list-checkpoints/list-checkpoints.query';
import { ListAuditEventsDto, ReadAuditStreamDto } from './queries/list-audit-events/list-audit-events.dto';
import { AuditEventPage, ListAuditEventsQuery } from './queries/list-audit-events/list-audit-events.query';
import { AuditStreamView, ReadAuditStreamQuery } from './queries/read-audit-stream/read-audit-stream.query';
import { VerifyChainDto } from './queries/verify-chain/verify-chain.dto';
import { ChainVerificationView, VerifyChainQuery } from './queries/verify-chain/verify-chain.query';

// Read-only access to a city's event log and its hash chain, for auditors and coordinators.
@ApiTags('audit')
@Controller('v1/cities/:city/audit')
export class AuditController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly exports: AuditExport,
  ) {}

  @Get('events')
  @ApiOperation({ summary: "List the city's events" })
  @CityAccess(['auditor', 'coordinator'])
  @ApiOkResponse({ type: AuditEventPage })
  events(@CurrentCity() city: CityContext, @Query() query: ListAuditEventsDto): Promise<AuditEventPage> {
    const { after = 0, limit = PAGE_LIMIT.default, ...filters } = query;
    return this.queries.execute(new ListAuditEventsQuery(city.id, { ...filters, after, limit }));
  }

  @Get('streams/:streamId')
  @ApiOperation({ summary: "Read one stream's events" })
  @CityAccess(['auditor', 'coordinator'])
  @ApiParam({ name: 'streamId', example: 'organisation-0196c1d2-7a3b-7c4d-8e5f-0123456789ab' })
  @ApiOkResponse({ type: AuditStreamView })
  @ApiErrors(AuditErrors.STREAM_NOT_FOUND)
  stream(
    @CurrentCity() city: CityContext,
    @Param('streamId') streamId: string,
    @Query() query: ReadAuditStreamDto,
  ): Promise<AuditStreamView> {
    const page = { after: query.after ?? 0, limit: query.limit ?? PAGE_LIMIT.default };
    return this.queries.execute(new ReadAuditStreamQuery(city.id, streamId, page));
  }

  @Get('verify')
  @ApiOperation({ summary: "Verify the city's hash chain" })
  @CityAccess(['auditor', 'coordinator'])
  @ApiOkResponse({ type: ChainVerificationView })
  @ApiErrors(AuditErrors.VERIFY_RUNNING)
  verify(@CurrentCity() city: CityContext, @Query() query: VerifyChainDto): Promise<ChainVerificationView> {
    return this.queries.execute(new VerifyChainQuery(city.id, query.readModels === 'true'));
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'List signed checkpoints' })
  @CityAccess(['auditor', 'coordinator'])
  @ApiPage(CheckpointView, "Signed checkpoints of the city's head, newest first")
  checkpoints(@CurrentCity() city: CityContext, @Query() query: PageQueryDto): Promise<Page<CheckpointView>> {
    return this.queries.execute(new ListCheckpointsQuery(city.id, query));
  }

  @Post('checkpoints')
  @ApiOperation({ summary: 'Sign a checkpoint of the current head' })
  @CityAccess(['auditor', 'coordinator'])
  @ApiCreatedResponse({ type: CheckpointView, description: "The city's current head, signed now" })
  @ApiErrors(AuditErrors.KEY_ID_REUSED)
  sign(@CurrentCity() city: CityContext): Promise<CheckpointView> {
    return this.commands.execute(new SignCheckpointCommand(city.id));
  }

  @Get('export')
  @ApiOperation({ summary: "Export the city's event log as NDJSON" })
  @CityAccess(['auditor'])
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    schema: { type: 'string' },
    description:
      'NDJSON, streamed: a {"head"} line, the latest {"checkpoint"} line (if any), then every event up to that ' +
      'head as the verifier hashes it, in position order. Verify it offline with ' +
      '`npm run audit:verify -- <file> --key <public key>`',
  })
  export(@CurrentCity() city: CityContext): StreamableFile {
    return new StreamableFile(this.exports.stream(city.id), {
      type: 'application/x-ndjson',
      disposition: `attachment; filename="${city.slug}-audit.ndjson"`,
    });
  }
}
