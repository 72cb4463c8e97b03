import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '@rl/web';

// A date and time with an explicit offset, in a form PostgreSQL reads as the same instant.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const INSTANT_MESSAGE = (field: string) =>
  `${field} must be an ISO 8601 instant with an offset, such as 2025-03-01T10:00:00Z`;

// `limit` as every list has it; `after` is a position or a stream version, in the body's `next`.
class AuditPageDto extends PickType(PageQueryDto, ['limit'] as const) {}

// A stream read page by page: `after` is the last stream version seen.
export class ReadAuditStreamDto extends AuditPageDto {
  @ApiPropertyOptional({ description: 'Version cursor: the `next` of the previous page', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  after?: number;
}

export class ListAuditEventsDto extends AuditPageDto {
  @ApiPropertyOptional({ description: 'Only this stream', example: 'organisation-0196c1d2-…' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  stream?: string;

  @ApiPropertyOptional({ description: 'Only this event type', example: 'OrganisationRegistered' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  type?: string;

  @ApiPropertyOptional({ description: 'Only events caused by this actor (metadata.actorId)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  actor?: string;

  @ApiPropertyOptional({ description: 'Recorded at or after this instant', example: '2025-03-01T00:00:00Z' })
  @IsOptional()
  @Matches(INSTANT, { message: INSTANT_MESSAGE('from') })
  @IsISO8601({ strict: true }, { message: INSTANT_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ description: 'Recorded before this instant', example: '2025-04-01T00:00:00Z' })
  @IsOptional()
  @Matches(INSTANT, { message: INSTANT_MESSAGE('to') })
  @IsISO8601({ strict: true }, { message: INSTANT_MESSAGE('to') })
  to?: string;

  @ApiPropertyOptional({ description: 'Position cursor: the `next` of the previous page', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;
}
