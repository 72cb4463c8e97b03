import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';
import {
  COMMENT_TARGET_KINDS,
  COMMENT_VISIBILITIES,
  CommentTargetKind,
  CommentVisibility,
  ObservationKey,
} from './domain/comment.events';

export class CreatedCommentView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class CommentTargetView {
  @ApiProperty({ enum: COMMENT_TARGET_KINDS }) kind!: CommentTargetKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class AuthorOrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Null if the organisation is not (yet) in the read model',
  })
  name!: string | null;
}

export class CommentAuthorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The role held when the comment was posted' })
  role!: string | null;
  @ApiProperty({ nullable: true, type: AuthorOrganisationView }) organisation!: AuthorOrganisationView | null;
}

export class CommentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: CommentTargetView }) target!: CommentTargetView;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Object,
    example: { sex: 'F' },
    description: 'The observation of a submission the comment is about (its disaggregation key)',
  })
  observation!: ObservationKey | null;
  @ApiProperty({
    description:
      'Plain text (not rendered as markdown); "[retracted]" once retracted, "[erased]" once its author was erased',
  })
  body!: string;
  @ApiProperty({ enum: COMMENT_VISIBILITIES }) visibility!: CommentVisibility;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The meeting it was made in' })
  meetingId!: string | null;
  @ApiProperty() retracted!: boolean;
  @ApiProperty({ description: 'Stream version; send it as If-Match to edit' }) version!: number;
  @ApiProperty({ type: CommentAuthorView }) author!: CommentAuthorView;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) editedAt!: string | null;
  @ApiProperty({
    type: () => [CommentView],
    description: 'Replies in time order, nested to any depth',
  })
  replies!: CommentView[];
}
