import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { RETRACTED_BODY } from '../domain/comment.decider';
import { COMMENT_EVENT_TYPES, CommentEvent } from '../domain/comment.events';
import { CommentRecord } from './comment.entity';

export type CommentRow = Omit<CommentRecord, 'tenantId'>;

export const COMMENT_THREADS_PROJECTION = 'comment-threads';

export function evolveCommentRow(
  row: CommentRow | undefined,
  event: RecordedEvent<CommentEvent>,
): CommentRow | undefined {
  const { version, recordedAt } = event;
  switch (event.type) {
    case 'CommentPosted': {
      const { commentId, target, parentId, observation, body, visibility, author } = event.data;
      return {
        id: commentId,
        targetKind: target.kind,
        targetId: target.id,
        parentId,
        observation,
        authorId: author.id,
        authorRole: author.role,
        authorOrganisationId: author.organisationId,
        body,
        visibility,
        meetingId: event.data.meetingId ?? null,
        retracted: false,
        version,
        createdAt: recordedAt,
        editedAt: null,
      };
    }
    case 'CommentEdited': {
      if (!row) return undefined;
      const { body, visibility } = event.data;
      return {
        ...row,
        body: body ?? row.body,
        visibility: visibility ?? row.visibility,
        version,
        editedAt: recordedAt,
      };
    }
    case 'CommentRetracted':
      return row && { ...row, retracted: true, body: RETRACTED_BODY, version };
  }
}

@Injectable()
@ProjectionDefinition()
export class CommentThreadsProjection extends rowProjection<CommentRow, CommentEvent>({
  name: COMMENT_THREADS_PROJECTION,
  table: 'comments',
  handles: COMMENT_EVENT_TYPES,
  columns: {
    id: 'uuid',
    targetKind: 'comment_target_kind',
    targetId: 'uuid',
    parentId: 'uuid',
    observation: 'jsonb',
    authorId: 'uuid',
    authorRole: 'text',
    authorOrganisationId: 'uuid',
    body: 'text',
    visibility: 'comment_visibility',
    meetingId: 'uuid',
    retracted: 'boolean',
    version: 'int',
    createdAt: 'timestamptz',
    editedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.commentId],
  version: 'version',
  evolve: evolveCommentRow,
  // The author's words are gone from the log (their key is deleted): so they go from here.
  personalText: [{ text: 'body', owner: 'authorId', unless: 'retracted' }],
}) {}
