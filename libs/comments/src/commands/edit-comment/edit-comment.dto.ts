import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { COMMENT_VISIBILITIES, CommentVisibility } from '../../domain/comment.events';
import { BODY_PATTERN } from '../post-comment/post-comment.dto';

export class EditCommentDto {
  @ApiPropertyOptional({ maxLength: 10_000, description: 'Plain text; not rendered as markdown' })
  @IsOptional()
  @IsString()
  @Length(1, 10_000)
  @Matches(BODY_PATTERN, { message: 'body must not be blank' })
  body?: string;

  @ApiPropertyOptional({ enum: COMMENT_VISIBILITIES })
  @IsOptional()
  @IsIn(COMMENT_VISIBILITIES)
  visibility?: CommentVisibility;
}
