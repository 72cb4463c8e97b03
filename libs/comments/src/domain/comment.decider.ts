import { Decider } from '@rl/kernel';
import { CommentErrors } from './comment.errors';
import {
  COMMENT_EVENT_TYPES,
  CommentAuthor,
  CommentEvent,
  CommentTarget,
  CommentVisibility,
  ObservationKey,
  PostedComment,
} from './comment.events';

export type CommentState = { exists: false } | (PostedComment & { exists: true; retracted: boolean });

export interface CommentActor {
  id: string;
  role: string | null;
}

// The parent arrives loaded (its state) so the decider can check the thread stays on one target, and
// whether the target (and the meeting, if named) exists in the city's log.
export type CommentCommand =
  | {
      type: 'PostComment';
      commentId: string;
      target: CommentTarget;
      targetExists: boolean;
      parentId?: string;
      parent?: CommentState;
      observation?: ObservationKey;
      body: string;
      visibility?: CommentVisibility;
      author: CommentAuthor;
      meetingId?: string;
      meetingExists?: boolean;
    }
  | { type: 'EditComment'; actor: CommentActor; body?: string; visibility?: CommentVisibility }
  | { type: 'RetractComment'; actor: CommentActor };

const initialState = (): CommentState => ({ exists: false });

export const RETRACTED_BODY = '[retracted]';

// Plain text: trailing white space and carriage returns are dropped, the text itself is kept as typed.
const normalise = (body: string) => body.replace(/\r\n?/g, '\n').trim();

function checkBody(body: string): string {
  const text = normalise(body);
  if (text.length === 0 || text.length > 10_000) {
    throw CommentErrors.INVALID_BODY({
      errors: [{ field: 'body', message: 'must be 1 to 10,000 characters of text' }],
    });
  }
  return text;
}

function decide(command: CommentCommand, state: CommentState): CommentEvent[] {
  switch (command.type) {
    case 'PostComment': {
      if (state.exists) throw CommentErrors.ALREADY_EXISTS();
      const { commentId, target, author } = command;
      if (command.observation !== undefined && target.kind !== 'submission') {
        throw CommentErrors.OBSERVATION_NOT_ALLOWED({
          errors: [{ field: 'observation', message: 'is only allowed on a submission' }],
        });
      }
      if (command.parentId !== undefined) {
        const parent = command.parent;
        if (!parent?.exists || parent.target.kind !== target.kind || parent.target.id !== target.id) {
          throw CommentErrors.UNKNOWN_PARENT({
            errors: [{ field: 'parentId', message: 'is not a comment on this target' }],
          });
        }
      }
      const body = checkBody(command.body);
      if (!command.targetExists) {
        const what = target.kind.replace('-', ' ');
        throw CommentErrors.UNKNOWN_TARGET({
          message: `No such ${what} in this city`,
          errors: [{ field: 'target.id', message: `is not a ${what} of this city` }],
        });
      }
      if (command.meetingId !== undefined && !command.meetingExists) {
        throw CommentErrors.UNKNOWN_MEETING({
          errors: [{ field: 'meetingId', message: 'is not a meeting of this city' }],
        });
      }
      return [
        {
          type: 'CommentPosted',
          data: {
            commentId,
            target: { kind: target.kind, id: target.id },
            parentId: command.parentId ?? null,
            observation: command.observation ?? null,
            body,
            visibility: command.visibility ?? 'internal',
            author,
            ...(command.meetingId !== undefined && { meetingId: command.meetingId.toLowerCase() }),
          },
        },
      ];
    }
    case 'EditComment': {
      if (command.body === undefined && command.visibility === undefined) {
        throw CommentErrors.NOTHING_TO_CHANGE();
      }
      if (!state.exists) throw CommentErrors.NOT_FOUND();
      if (command.actor.id !== state.author.id) throw CommentErrors.NOT_AUTHOR();
      if (state.retracted) throw CommentErrors.RETRACTED();
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
      if (!state.exists) throw CommentErrors.NOT_FOUND();
      if (command.actor.id !== state.author.id && command.actor.role !== 'coordinator') {
        throw CommentErrors.NOT_AUTHOR({ message: 'Only its author or a coordinator can retract a comment' });
      }
      if (state.retracted) throw CommentErrors.RETRACTED({ message: 'This comment is already retracted' });
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

function evolve(state: CommentState, event: CommentEvent): CommentState {
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

export const commentDecider: Decider<CommentState, CommentCommand, CommentEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: COMMENT_EVENT_TYPES,
};
