import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { COMMENT_TARGET_KINDS, CommentTargetKind } from './domain/comment.events';

export class MinPositionDto {
  @ApiPropertyOptional({
    description:
      'Read your own write: wait (up to 3 s) until the read model includes this event position; 503 with Retry-After otherwise',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}

export class ListCommentsDto extends MinPositionDto {
  @ApiPropertyOptional({ enum: COMMENT_TARGET_KINDS })
  @IsOptional()
  @IsIn(COMMENT_TARGET_KINDS)
  targetKind?: CommentTargetKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  targetId?: string;
}
