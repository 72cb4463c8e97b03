import { CommentAuthor, CommentEvent } from '../domain/comment.events';

// An internal comment on an indicator, for tests that need one to exist.
export const commentPosted = (commentId: string, author: CommentAuthor): CommentEvent => ({
  type: 'CommentPosted',
  data: {
    commentId,
    target: { kind: 'indicator', id: '0192f0aa-0000-7000-8000-0000000000a1' },
    parentId: null,
    observation: null,
    body: 'Counts rose.',
    visibility: 'internal',
    author,
  },
});
