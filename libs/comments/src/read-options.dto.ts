import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PagedReadDto } from '@rl/web';
import { COMMENT_TARGET_KINDS, CommentTargetKind } from './domain/comment.events';

export class ListCommentsDto extends PagedReadDto {
  @ApiPropertyOptional({ enum: COMMENT_TARGET_KINDS })
  @IsOptional()
  @IsIn(COMMENT_TARGET_KINDS)
  targetKind?: CommentTargetKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  targetId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Comments made in this meeting' })
  @IsOptional()
  @IsUUID()
  meetingId?: string;
}
