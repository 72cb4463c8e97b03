import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  COMMENT_TARGET_KINDS,
  COMMENT_VISIBILITIES,
  CommentTargetKind,
  CommentVisibility,
  ObservationKey,
} from '../../domain/comment.events';

export const BODY_PATTERN = /\S/;

// {dimension: value}: up to 20 pairs of non-empty strings (at most 64 and 200 characters).
const IsObservationKey = () =>
  ValidateBy({
    name: 'isObservationKey',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length > 0 &&
        Object.keys(value).length <= 20 &&
        Object.entries(value).every(
          ([k, v]) =>
            k.length > 0 && k.length <= 64 && typeof v === 'string' && v.length > 0 && v.length <= 200,
        ),
      defaultMessage: () =>
        'must be a disaggregation key such as {"sex": "F"} (1-20 dimension: value strings)',
    },
  });

export class CommentTargetDto {
  @ApiProperty({ enum: COMMENT_TARGET_KINDS })
  @IsIn(COMMENT_TARGET_KINDS)
  kind!: CommentTargetKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class PostCommentDto {
  @ApiProperty({ type: CommentTargetDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CommentTargetDto)
  target!: CommentTargetDto;

  @ApiProperty({ maxLength: 10_000, description: 'Plain text; not rendered as markdown' })
  @IsString()
  @Length(1, 10_000)
  @Matches(BODY_PATTERN, { message: 'body must not be blank' })
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The comment this one replies to (same target)' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({
    type: Object,
    example: { sex: 'F' },
    description: 'Only on a submission: the disaggregation key of the observation commented on',
  })
  @IsOptional()
  @IsObservationKey()
  observation?: ObservationKey;

  @ApiPropertyOptional({ format: 'uuid', description: 'The meeting of the city the comment was made in' })
  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @ApiPropertyOptional({ enum: COMMENT_VISIBILITIES, default: 'internal' })
  @IsOptional()
  @IsIn(COMMENT_VISIBILITIES)
  visibility?: CommentVisibility;
}
