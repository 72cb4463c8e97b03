import { DeciderSpecification } from '@rl/kernel/testing';
import { commentDecider } from './comment.decider';
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

const spec = DeciderSpecification.for(commentDecider);
const parentState = (events: CommentEvent[]) => spec.given(events).state();

const onPeriod = {
  type: 'PostComment' as const,
  commentId,
  target: { kind: 'period' as const, id: indicatorId },
  targetExists: true,
  author,
};

describe('comment decider', () => {
  it('posts an internal comment by default, with its author and trimmed body', () => {
    spec
      .given([])
      .when({
        type: 'PostComment',
        commentId,
        target: { kind: 'indicator', id: indicatorId },
        targetExists: true,
        body: '  Counts rose after the new reporting desk opened.\r\n',
        author,
      })
      .then([posted]);
  });

  it('posts a public comment on one observation of a submission', () => {
    spec
      .given([])
      .when({
        type: 'PostComment',
        commentId,
        target: { kind: 'submission', id: indicatorId },
        targetExists: true,
        observation: { sex: 'F' },
        body: 'Provisional: two districts missing.',
        visibility: 'public',
        author,
      })
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ observation: { sex: 'F' }, visibility: 'public' }),
        }),
      ]);
  });

  it('refuses an observation on anything but a submission, and a blank or over-long body', () => {
    const base = onPeriod;
    spec
      .given([])
      .when({ ...base, body: 'x', observation: { sex: 'F' } })
      .thenThrows('COMMENT.OBSERVATION_NOT_ALLOWED');
    spec
      .given([])
      .when({ ...base, body: '  \n ' })
      .thenThrows('COMMENT.INVALID_BODY');
    spec
      .given([])
      .when({ ...base, body: 'x'.repeat(10_001) })
      .thenThrows('COMMENT.INVALID_BODY');
  });

  it('refuses a target that is not in the city, after checking the body', () => {
    const post = { ...onPeriod, targetExists: false };
    spec
      .given([])
      .when({ ...post, body: 'x' })
      .thenThrows('COMMENT.UNKNOWN_TARGET');
    spec
      .given([])
      .when({ ...post, body: ' ' })
      .thenThrows('COMMENT.INVALID_BODY');
  });

  it('refuses an edit that names nothing, before looking for the comment', () => {
    spec.given([]).when({ type: 'EditComment', actor: author }).thenThrows('COMMENT.NOTHING_TO_CHANGE');
  });

  it('threads a reply under a comment on the same target, and refuses one on another target', () => {
    const reply = {
      type: 'PostComment' as const,
      commentId: replyId,
      target: { kind: 'indicator' as const, id: indicatorId },
      targetExists: true,
      parentId: commentId,
      parent: parentState([posted]),
      body: 'Which desk?',
      author: researcher,
    };
    spec
      .given([])
      .when(reply)
      .then([
        expect.objectContaining({
          type: 'CommentPosted',
          data: expect.objectContaining({ parentId: commentId, author: researcher }),
        }),
      ]);
    spec
      .given([])
      .when({ ...reply, target: { kind: 'period', id: indicatorId } })
      .thenThrows('COMMENT.UNKNOWN_PARENT');
    spec
      .given([])
      .when({ ...reply, parent: commentDecider.initialState() })
      .thenThrows('COMMENT.UNKNOWN_PARENT');
  });

  it('lets only the author edit, recording only what changed', () => {
    spec
      .given([posted])
      .when({
        type: 'EditComment',
        actor: author,
        body: 'Counts rose after the desk opened in March.',
        visibility: 'internal',
      })
      .then([
        {
          type: 'CommentEdited',
          data: { commentId, body: 'Counts rose after the desk opened in March.' },
        },
      ]);
    spec
      .given([posted])
      .when({ type: 'EditComment', actor: researcher, body: 'x' })
      .thenThrows('COMMENT.NOT_AUTHOR');
    spec
      .given([posted])
      .when({ type: 'EditComment', actor: { id: 'c', role: 'coordinator' }, body: 'x' })
      .thenThrows('COMMENT.NOT_AUTHOR');
    spec
      .given([posted])
      .when({ type: 'EditComment', actor: author, body: posted.data.body })
      .thenNothingHappens();
    spec.given([]).when({ type: 'EditComment', actor: author, body: 'x' }).thenThrows('COMMENT.NOT_FOUND');
  });

  it('changes visibility', () => {
    const edited: CommentEvent = { type: 'CommentEdited', data: { commentId, visibility: 'public' } };
    spec.given([posted]).when({ type: 'EditComment', actor: author, visibility: 'public' }).then([edited]);
    const state = parentState([posted, edited]);
    expect(state).toEqual(expect.objectContaining({ visibility: 'public', body: posted.data.body }));
  });

  it('is retracted by its author or a coordinator, not by others, and only once', () => {
    spec.given([posted]).when({ type: 'RetractComment', actor: author }).then([retracted]);
    spec
      .given([posted])
      .when({ type: 'RetractComment', actor: { id: 'coord', role: 'coordinator' } })
      .then([
        { type: 'CommentRetracted', data: { commentId, retractedBy: { id: 'coord', role: 'coordinator' } } },
      ]);
    spec.given([posted]).when({ type: 'RetractComment', actor: researcher }).thenThrows('COMMENT.NOT_AUTHOR');
    spec
      .given([posted, retracted])
      .when({ type: 'RetractComment', actor: author })
      .thenThrows('COMMENT.RETRACTED');
  });

  it('refuses to edit a retracted comment, whose body is gone from the state', () => {
    spec
      .given([posted, retracted])
      .when({ type: 'EditComment', actor: author, body: 'again' })
      .thenThrows('COMMENT.RETRACTED');
    expect(parentState([posted, retracted])).toEqual(
      expect.objectContaining({ retracted: true, body: '[retracted]' }),
    );
  });
});
