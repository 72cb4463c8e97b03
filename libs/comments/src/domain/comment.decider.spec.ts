import { DomainError } from '@rl/kernel';
import { CommentCommand, decideComment, evolveComment, initialCommentState } from './comment.decider';
import { CommentEvent } from './comment.events';

const commentId = '0192f0aa-0000-7000-8000-0000000000c1';
const replyId = '0192f0aa-0000-7000-8000-0000000000c2';
const indicatorId = '0192f0aa-0000-7000-8000-0000000000a1';
const author = { id: '0192f0aa-0000-7000-8000-0000000000u1', role: 'collector', organisationId: 'org-1' };
const researcher = { id: '0192f0aa-0000-7000-8000-0000000000u2', role: 'researcher', organisationId: null };

const posted: CommentEvent = {
  type: 'CommentPosted',
  data: {
    commentId,
    target: { kind: 'indicator', id: indicatorId },
    parentId: null,
    observation: null,
    body: 'Counts rose after the new reporting desk opened.',
    visibility: 'internal',
    author,
  },
};
const retracted: CommentEvent = {
  type: 'CommentRetracted',
  data: { commentId, retractedBy: { id: author.id, role: 'collector' } },
};

const outcome = (command: CommentCommand, events: CommentEvent[]) => {
  try {
    return decideComment(command, events.reduce(evolveComment, initialCommentState));
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};
// Given past events, when a command, then new events (or an error code).
const given = (events: CommentEvent[]) => ({ when: (command: CommentCommand) => outcome(command, events) });
const parentState = (events: CommentEvent[]) => events.reduce(evolveComment, initialCommentState);

describe('comment decider', () => {
  it('posts an internal comment by default, with its author and trimmed body', () => {
    expect(
      given([]).when({
        type: 'PostComment',
        commentId,
        target: { kind: 'indicator', id: indicatorId },
        body: '  Counts rose after the new reporting desk opened.\r\n',
        author,
      }),
    ).toEqual([posted]);
  });

  it('posts a public comment on one observation of a submission', () => {
    const [event] = given([]).when({
      type: 'PostComment',
      commentId,
      target: { kind: 'submission', id: indicatorId },
      observation: { sex: 'F' },
      body: 'Provisional: two districts missing.',
      visibility: 'public',
      author,
    }) as CommentEvent[];
    expect(event.data).toEqual(expect.objectContaining({ observation: { sex: 'F' }, visibility: 'public' }));
  });

  it('refuses an observation on anything but a submission, and a blank or over-long body', () => {
    const base = {
      type: 'PostComment' as const,
      commentId,
      target: { kind: 'period' as const, id: indicatorId },
      author,
    };
    expect(given([]).when({ ...base, body: 'x', observation: { sex: 'F' } })).toBe(
      'COMMENT.OBSERVATION_NOT_ALLOWED',
    );
    expect(given([]).when({ ...base, body: '  \n ' })).toBe('COMMENT.INVALID_BODY');
    expect(given([]).when({ ...base, body: 'x'.repeat(10_001) })).toBe('COMMENT.INVALID_BODY');
  });

  it('threads a reply under a comment on the same target, and refuses one on another target', () => {
    const reply = {
      type: 'PostComment' as const,
      commentId: replyId,
      target: { kind: 'indicator' as const, id: indicatorId },
      parentId: commentId,
      parent: parentState([posted]),
      body: 'Which desk?',
      author: researcher,
    };
    expect(given([]).when(reply)).toEqual([
      expect.objectContaining({
        type: 'CommentPosted',
        data: expect.objectContaining({ parentId: commentId, author: researcher }),
      }),
    ]);
    expect(given([]).when({ ...reply, target: { kind: 'period', id: indicatorId } })).toBe(
      'COMMENT.UNKNOWN_PARENT',
    );
    expect(given([]).when({ ...reply, parent: initialCommentState })).toBe('COMMENT.UNKNOWN_PARENT');
  });

  it('lets only the author edit, recording only what changed', () => {
    expect(
      given([posted]).when({
        type: 'EditComment',
        actor: author,
        body: 'Counts rose after the desk opened in March.',
        visibility: 'internal',
      }),
    ).toEqual([
      {
        type: 'CommentEdited',
        data: { commentId, body: 'Counts rose after the desk opened in March.' },
      },
    ]);
    expect(given([posted]).when({ type: 'EditComment', actor: researcher, body: 'x' })).toBe(
      'COMMENT.NOT_AUTHOR',
    );
    expect(
      given([posted]).when({ type: 'EditComment', actor: { id: 'c', role: 'coordinator' }, body: 'x' }),
    ).toBe('COMMENT.NOT_AUTHOR');
    expect(given([posted]).when({ type: 'EditComment', actor: author, body: posted.data.body })).toEqual([]);
    expect(given([]).when({ type: 'EditComment', actor: author, body: 'x' })).toBe('COMMENT.NOT_FOUND');
  });

  it('changes visibility', () => {
    const events = given([posted]).when({ type: 'EditComment', actor: author, visibility: 'public' });
    expect(events).toEqual([{ type: 'CommentEdited', data: { commentId, visibility: 'public' } }]);
    const state = [posted, ...(events as CommentEvent[])].reduce(evolveComment, initialCommentState);
    expect(state).toEqual(expect.objectContaining({ visibility: 'public', body: posted.data.body }));
  });

  it('is retracted by its author or a coordinator, not by others, and only once', () => {
    expect(given([posted]).when({ type: 'RetractComment', actor: author })).toEqual([retracted]);
    expect(
      given([posted]).when({ type: 'RetractComment', actor: { id: 'coord', role: 'coordinator' } }),
    ).toEqual([
      { type: 'CommentRetracted', data: { commentId, retractedBy: { id: 'coord', role: 'coordinator' } } },
    ]);
    expect(given([posted]).when({ type: 'RetractComment', actor: researcher })).toBe('COMMENT.NOT_AUTHOR');
    expect(given([posted, retracted]).when({ type: 'RetractComment', actor: author })).toBe(
      'COMMENT.RETRACTED',
    );
  });

  it('refuses to edit a retracted comment, whose body is gone from the state', () => {
    expect(given([posted, retracted]).when({ type: 'EditComment', actor: author, body: 'again' })).toBe(
      'COMMENT.RETRACTED',
    );
    expect(parentState([posted, retracted])).toEqual(
      expect.objectContaining({ retracted: true, body: '[retracted]' }),
    );
  });
});
