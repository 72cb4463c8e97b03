import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const MAX_NOTICES_PAGE = 100;
export const DEFAULT_NOTICES_PAGE = 50;

export class ListMyNoticesDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only the notices not read yet' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_NOTICES_PAGE, default: DEFAULT_NOTICES_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_NOTICES_PAGE)
  limit?: number;

  // An id rather than an instant: notices recorded together share their creation instant, and an id
  // pins the exact place in the (createdAt, id) order, so paging neither repeats nor skips one.
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Cursor: the id of the last notice of the previous page; returns the notices older than it. ' +
      'An id that is not one of your notices is a 400.',
  })
  @IsOptional()
  @IsUUID()
  before?: string;
}
