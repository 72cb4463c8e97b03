import { byActor, PersonalDataDeclarations } from '@rl/event-store';
import { CommentEvent } from './domain/comment.events';

type Posted = Extract<CommentEvent, { type: 'CommentPosted' }>['data'];

// A comment's words are its author's personal data (only the author edits them). Ids, targets and
// visibility are not.
export const COMMENT_PERSONAL_DATA: PersonalDataDeclarations = {
  CommentPosted: { fields: ['body'], subject: ({ data }) => (data as Posted).author.id },
  CommentEdited: { fields: ['body'], subject: byActor },
};
