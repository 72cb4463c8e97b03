import { DomainError } from '@rl/kernel';
import {
  CommentAuthor,
  CommentEvent,
  CommentTarget,
  CommentVisibility,
  ObservationKey,
} from './comment.events';

export type CommentState =
  | { exists: false }
  | {
      exists: true;
      commentId: string;
      target: CommentTarget;
      parentId: string | null;
      observation: ObservationKey | null;
      body: string;
      visibility: CommentVisibility;
      author: CommentAuthor;
      retracted: boolean;
    };

export interface CommentActor {
  id: string;
  role: string | null;
}

// The parent arrives loaded (its state) so the decider can check the thread stays on one target.
export type CommentCommand =
  | {
      type: 'PostComment';
      commentId: string;
      target: CommentTarget;
      parentId?: string;
      parent?: CommentState;
      observation?: ObservationKey;
      body: string;
      visibility?: CommentVisibility;
      author: CommentAuthor;
    }
  | { type: 'EditComment'; actor: CommentActor; body?: string; visibility?: CommentVisibility }
  | { type: 'RetractComment'; actor: CommentActor };

export const initialCommentState: CommentState = { exists: false };

export const RETRACTED_BODY = '[retracted]';

const notFound = () => new DomainError('not_found', 'COMMENT.NOT_FOUND', 'No such comment');

// Plain text: trailing white space and carriage returns are dropped, the text itself is kept as typed.
const normalise = (body: string) => body.replace(/\r\n?/g, '\n').trim();

function checkBody(body: string): string {
  const text = normalise(body);
  if (text.length === 0 || text.length > 10_000) {
    throw new DomainError('bad_request', 'COMMENT.INVALID_BODY', 'A comment is 1 to 10,000 characters', [
      { field: 'body', message: 'must be 1 to 10,000 characters of text' },
    ]);
  }
  return text;
}

export function decideComment(command: CommentCommand, state: CommentState): CommentEvent[] {
  switch (command.type) {
    case 'PostComment': {
      if (state.exists)
        throw new DomainError('conflict', 'COMMENT.ALREADY_EXISTS', 'This comment already exists');
      const { commentId, target, author } = command;
      if (command.observation !== undefined && target.kind !== 'submission') {
        throw new DomainError(
          'invalid',
          'COMMENT.OBSERVATION_NOT_ALLOWED',
          'Only a comment on a submission can name one of its observations',
          [{ field: 'observation', message: 'is only allowed on a submission' }],
        );
      }
      if (command.parentId !== undefined) {
        const parent = command.parent;
        if (!parent?.exists || parent.target.kind !== target.kind || parent.target.id !== target.id) {
          throw new DomainError(
            'invalid',
            'COMMENT.UNKNOWN_PARENT',
            'A reply answers a comment on the same target',
            [{ field: 'parentId', message: 'is not a comment on this target' }],
          );
        }
      }
      return [
        {
          type: 'CommentPosted',
          data: {
            commentId,
            target: { kind: target.kind, id: target.id },
            parentId: command.parentId ?? null,
            observation: command.observation ?? null,
            body: checkBody(command.body),
            visibility: command.visibility ?? 'internal',
            author,
          },
        },
      ];
    }
    case 'EditComment': {
      if (!state.exists) throw notFound();
      if (command.actor.id !== state.author.id) {
        throw new DomainError('forbidden', 'COMMENT.NOT_AUTHOR', 'Only its author can edit a comment');
      }
      if (state.retracted) {
        throw new DomainError('conflict', 'COMMENT.RETRACTED', 'A retracted comment cannot be edited');
      }
      const body = command.body === undefined ? undefined : checkBody(command.body);
      const changed = {
        ...(body !== undefined && body !== state.body && { body }),
        ...(command.visibility !== undefined &&
          command.visibility !== state.visibility && { visibility: command.visibility }),
      };
      if (Object.keys(changed).length === 0) return [];
      return [{ type: 'CommentEdited', data: { commentId: state.commentId, ...changed } }];
    }
    case 'RetractComment': {
      if (!state.exists) throw notFound();
      if (command.actor.id !== state.author.id && command.actor.role !== 'coordinator') {
        throw new DomainError(
          'forbidden',
          'COMMENT.NOT_AUTHOR',
          'Only its author or a coordinator can retract a comment',
        );
      }
      if (state.retracted) {
        throw new DomainError('conflict', 'COMMENT.RETRACTED', 'This comment is already retracted');
      }
      return [
        {
          type: 'CommentRetracted',
          data: {
            commentId: state.commentId,
            retractedBy: { id: command.actor.id, role: command.actor.role },
          },
        },
      ];
    }
  }
}

export function evolveComment(state: CommentState, event: CommentEvent): CommentState {
  switch (event.type) {
    case 'CommentPosted':
      return { exists: true, ...event.data, retracted: false };
    case 'CommentEdited':
      return state.exists
        ? {
            ...state,
            body: event.data.body ?? state.body,
            visibility: event.data.visibility ?? state.visibility,
          }
        : state;
    case 'CommentRetracted':
      return state.exists ? { ...state, retracted: true, body: RETRACTED_BODY } : state;
  }
}
