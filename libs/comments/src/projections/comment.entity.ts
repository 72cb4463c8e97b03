import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CityRow } from '@rl/persistence';
import {
  COMMENT_TARGET_KINDS,
  COMMENT_VISIBILITIES,
  CommentTargetKind,
  CommentVisibility,
  ObservationKey,
} from '../domain/comment.events';

// Read model of the comment-threads projection; written only by it. Authors are kept as ids: names are
// personal data, joined from users and organisations when read.
@Entity('comments')
@Index('IDX_comments_target', ['tenantId', 'targetKind', 'targetId'])
@Index('IDX_comments_created', ['tenantId', 'createdAt', 'id'])
@Index('IDX_comments_parent', ['tenantId', 'parentId'])
@Index('IDX_comments_meeting', ['tenantId', 'meetingId'])
export class CommentRecord extends CityRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'target_kind', type: 'enum', enum: COMMENT_TARGET_KINDS, enumName: 'comment_target_kind' })
  targetKind!: CommentTargetKind;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  observation!: ObservationKey | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'author_role', type: 'varchar', length: 32, nullable: true })
  authorRole!: string | null;

  @Column({ name: 'author_organisation_id', type: 'uuid', nullable: true })
  authorOrganisationId!: string | null;

  // "[retracted]" once retracted; the words stay only in the event log.
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'enum', enum: COMMENT_VISIBILITIES, enumName: 'comment_visibility' })
  visibility!: CommentVisibility;

  // The meeting it was made in, if any.
  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId!: string | null;

  @Column({ type: 'boolean' })
  retracted!: boolean;

  // The stream version this row reflects; replays of older events are ignored.
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt!: Date | null;
}
