import { recorded, rowAfter } from '@rl/projections/testing';
import { CommentEvent } from '../domain/comment.events';
import { CommentThreadsProjection, evolveCommentRow } from './comment-threads.projection';

const commentId = '00000000-0000-7000-8000-0000000000a1';
const submissionId = '00000000-0000-7000-8000-0000000000b1';
const author = { id: '00000000-0000-7000-8000-0000000000c1', role: 'collector', organisationId: null };
const postedData = {
  commentId,
  target: { kind: 'submission' as const, id: submissionId },
  parentId: null,
  observation: { sex: 'f' },
  body: 'Is this the final figure?',
  visibility: 'internal' as const,
  author,
};
const posted = recorded<CommentEvent>({ type: 'CommentPosted', data: postedData });
const edited = recorded<CommentEvent>(
  { type: 'CommentEdited', data: { commentId, body: 'Is this figure final?' } },
  { version: 2 },
);
const retracted = recorded<CommentEvent>(
  { type: 'CommentRetracted', data: { commentId, retractedBy: { id: author.id, role: 'collector' } } },
  { version: 3 },
);

describe('comment-threads projection', () => {
  it('records a posted comment with its author as ids', () => {
    expect(evolveCommentRow(undefined, posted)).toEqual({
      id: commentId,
      targetKind: 'submission',
      targetId: submissionId,
      parentId: null,
      observation: { sex: 'f' },
      authorId: author.id,
      authorRole: 'collector',
      authorOrganisationId: null,
      body: 'Is this the final figure?',
      visibility: 'internal',
      meetingId: null,
      retracted: false,
      version: 1,
      createdAt: posted.recordedAt,
      editedAt: null,
    });
  });

  it('keeps the meeting a comment was made in', () => {
    const meetingId = '00000000-0000-7000-8000-0000000000e1';
    const inMeeting = recorded<CommentEvent>({ type: 'CommentPosted', data: { ...postedData, meetingId } });
    expect(evolveCommentRow(undefined, inMeeting)).toEqual(expect.objectContaining({ meetingId }));
  });

  it('changes only what an edit names, and notes when', () => {
    expect(rowAfter(new CommentThreadsProjection(), [posted, edited])).toEqual(
      expect.objectContaining({
        body: 'Is this figure final?',
        visibility: 'internal',
        version: 2,
        editedAt: edited.recordedAt,
      }),
    );
  });

  it('keeps no words of a retracted comment, and a replayed edit does not bring them back', () => {
    const row = rowAfter(new CommentThreadsProjection(), [posted, edited, retracted, edited]);
    expect(row).toEqual(
      expect.objectContaining({
        retracted: true,
        body: '[retracted]',
        version: 3,
        editedAt: edited.recordedAt,
      }),
    );
  });

  it('ignores events of a comment it never saw posted', () => {
    expect(evolveCommentRow(undefined, edited)).toBeUndefined();
  });
});
