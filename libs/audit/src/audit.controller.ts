import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CityAccess, CityContext, CurrentCity, PAGE_LIMIT } from '@rl/web';
import { ListAuditEventsDto, ReadAuditStreamDto } from './queries/list-audit-events/list-audit-events.dto';
import { AuditEventPage, ListAuditEventsQuery } from './queries/list-audit-events/list-audit-events.query';
import { AuditStreamView, ReadAuditStreamQuery } from './queries/read-audit-stream/read-audit-stream.query';
import { VerifyChainDto } from './queries/verify-chain/verify-chain.dto';
import { ChainVerificationView, VerifyChainQuery } from './queries/verify-chain/verify-chain.query';

// Read-only access to a city's event log and its hash chain, for auditors and coordinators.
@ApiTags('audit')
@Controller('v1/cities/:city/audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('events')
  @CityAccess(['auditor', 'coordinator'])
  @ApiOkResponse({ type: AuditEventPage })
  events(@CurrentCity() city: CityContext, @Query() query: ListAuditEventsDto): Promise<AuditEventPage> {
    const { after = 0, limit = PAGE_LIMIT.default, ...filters } = query;
    return this.queries.execute(new ListAuditEventsQuery(city.id, { ...filters, after, limit }));
  }

  @Get('streams/:streamId')
  @CityAccess(['auditor', 'coordinator'])
  @ApiParam({ name: 'streamId', example: 'organisation-0196c1d2-7a3b-7c4d-8e5f-0123456789ab' })
  @ApiOkResponse({ type: AuditStreamView })
  @ApiNotFoundResponse({ description: 'AUDIT.STREAM_NOT_FOUND' })
  stream(
    @CurrentCity() city: CityContext,
    @Param('streamId') streamId: string,
    @Query() query: ReadAuditStreamDto,
  ): Promise<AuditStreamView> {
    const page = { after: query.after ?? 0, limit: query.limit ?? PAGE_LIMIT.default };
    return this.queries.execute(new ReadAuditStreamQuery(city.id, streamId, page));
  }

  @Get('verify')
  @CityAccess(['auditor', 'coordinator'])
  @ApiOkResponse({ type: ChainVerificationView })
  @ApiTooManyRequestsResponse({
    description: 'AUDIT.VERIFY_RUNNING: a verification of this city is already running (Retry-After)',
  })
  verify(@CurrentCity() city: CityContext, @Query() query: VerifyChainDto): Promise<ChainVerificationView> {
    return this.queries.execute(new VerifyChainQuery(city.id, query.readModels === 'true'));
  }
}
