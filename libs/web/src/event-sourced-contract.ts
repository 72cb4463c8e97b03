import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Max, Min } from 'class-validator';

// The parts of the HTTP contract every event-sourced context shares (API.md: writes return position
// and version; reads accept minPosition; writes accept Idempotency-Key).

export class WriteResultView {
  @ApiProperty({
    description:
      "The city's event position of the last event written; pass it as minPosition to read your write",
  })
  position!: number;
  @ApiProperty({ description: 'The new stream version' }) version!: number;
}

export class MinPositionDto {
  @ApiPropertyOptional({
    description:
      "Read your own write: wait (up to 3 s) until the read model includes this event position; 503 with Retry-After otherwise. Beyond the city's last position: 400 PROJECTION.POSITION_AHEAD at once",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}

// One aggregate's read: after the caller's write, or as it was at an instant (from its stream).
export class AsOfReadDto extends MinPositionDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'As it was at this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  asOf?: Date;
}

// The headers every command reads (CommandContext).
export const ApiIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Yours alone (scoped to you and this route) and bound to this request: a retry with the same key and ' +
        'request returns the first result and records nothing new; the same key with another body or path ' +
        '→ 422 IDEMPOTENCY.KEY_REUSED. 1-200 visible ASCII characters.',
    }),
    ApiHeader({
      name: 'X-Correlation-ID',
      required: false,
      description: 'Recorded with the events; 1-128 characters of A-Z a-z 0-9 . _ : - (else 400)',
    }),
  );

export const ApiProjectionBehind = () =>
  ApiServiceUnavailableResponse({
    description: 'PROJECTION.BEHIND: minPosition not reached in time (Retry-After)',
  });
