import { defineErrors } from '@rl/kernel';

export const CommentErrors = defineErrors('COMMENT', {
  NOT_FOUND: { kind: 'not_found', message: 'No such comment' },
  ALREADY_EXISTS: { kind: 'conflict', message: 'This comment already exists' },
  NOTHING_TO_CHANGE: { kind: 'bad_request', message: 'Give at least one of body, visibility' },
  INVALID_BODY: { kind: 'bad_request', message: 'A comment is 1 to 10,000 characters' },
  OBSERVATION_NOT_ALLOWED: {
    kind: 'invalid',
    message: 'Only a comment on a submission can name one of its observations',
  },
  UNKNOWN_PARENT: { kind: 'invalid', message: 'A reply answers a comment on the same target' },
  UNKNOWN_TARGET: { kind: 'invalid', message: 'No such target in this city' },
  UNKNOWN_MEETING: { kind: 'invalid', message: 'No such meeting in this city' },
  NOT_AUTHOR: { kind: 'forbidden', message: 'Only its author can edit a comment' },
  RETRACTED: { kind: 'conflict', message: 'A retracted comment cannot be edited' },
});
