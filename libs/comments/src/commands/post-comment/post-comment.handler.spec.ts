import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { CommentTarget } from '../../domain/comment.events';
import { InMemoryCommentTargets } from '../../testing/in-memory-comment-targets';
import { PostCommentCommand } from './post-comment.command';
import { PostCommentDto } from './post-comment.dto';
import { PostCommentHandler } from './post-comment.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const indicator: CommentTarget = { kind: 'indicator', id: '0192f0aa-0000-7000-8000-0000000000a1' };
const metadata = commandMetadata({ actorRole: 'collector', organisationId: 'org-1' });

const setUp = () => {
  const aggregates = new InMemoryAggregates();
  const targets = new InMemoryCommentTargets().add(ghent, indicator);
  return { aggregates, handler: new PostCommentHandler(aggregates, targets) };
};
const post = (input: PostCommentDto, idempotencyKey?: string) =>
  new PostCommentCommand(ghent, input, { ...metadata, idempotencyKey });

describe('PostCommentHandler', () => {
  it('posts an internal comment by its author on a new stream named by the id it returns', async () => {
    const { aggregates, handler } = setUp();
    const view = await handler.execute(post({ target: indicator, body: ' Counts rose. ' }));
    expect(view.version).toBe(1);
    expect(aggregates.eventsOf(ghent, `comment-${view.id}`)).toEqual([
      {
        type: 'CommentPosted',
        data: {
          commentId: view.id,
          target: indicator,
          parentId: null,
          observation: null,
          body: 'Counts rose.',
          visibility: 'internal',
          author: { id: metadata.actorId, role: 'collector', organisationId: 'org-1' },
        },
      },
    ]);
  });

  it('threads a reply under a comment on the same target', async () => {
    const { aggregates, handler } = setUp();
    const parent = await handler.execute(post({ target: indicator, body: 'Why?' }));
    const reply = await handler.execute(post({ target: indicator, parentId: parent.id, body: 'Because.' }));
    expect(aggregates.eventsOf(ghent, `comment-${reply.id}`)[0]).toMatchObject({
      data: { parentId: parent.id },
    });
  });

  it('refuses a target the city does not have, and a parent that does not exist', async () => {
    const { handler } = setUp();
    const period: CommentTarget = { kind: 'period', id: indicator.id };
    await expect(handler.execute(post({ target: period, body: 'x' }))).rejects.toMatchObject({
      code: 'COMMENT.UNKNOWN_TARGET',
      errors: [{ field: 'target.id', message: 'is not a period of this city' }],
    });
    await expect(
      handler.execute(post({ target: indicator, parentId: indicator.id, body: 'x' })),
    ).rejects.toMatchObject({ code: 'COMMENT.UNKNOWN_PARENT' });
  });

  it('comments on a glossary term the city has; another id is no glossary term of the city', async () => {
    const { aggregates, handler } = setUp();
    const term: CommentTarget = { kind: 'glossary-term', id: '0192f0aa-0000-7000-8000-0000000000d1' };
    await expect(handler.execute(post({ target: term, body: 'Whose wording?' }))).rejects.toMatchObject({
      code: 'COMMENT.UNKNOWN_TARGET',
      errors: [{ field: 'target.id', message: 'is not a glossary term of this city' }],
    });
    const withTerm = new PostCommentHandler(aggregates, new InMemoryCommentTargets().add(ghent, term));
    const view = await withTerm.execute(post({ target: term, body: 'Whose wording?' }));
    expect(aggregates.eventsOf(ghent, `comment-${view.id}`)[0]).toMatchObject({ data: { target: term } });
  });

  it('records the meeting of the city the comment was made in, and refuses another id', async () => {
    const { aggregates, handler } = setUp();
    const meetingId = '0192f0aa-0000-7000-8000-0000000000e1';
    await expect(
      handler.execute(post({ target: indicator, body: 'In the session', meetingId })),
    ).rejects.toMatchObject({
      code: 'COMMENT.UNKNOWN_MEETING',
      errors: [{ field: 'meetingId', message: 'is not a meeting of this city' }],
    });
    const targets = new InMemoryCommentTargets().add(ghent, indicator).addMeeting(ghent, meetingId);
    const view = await new PostCommentHandler(aggregates, targets).execute(
      post({ target: indicator, body: 'In the session', meetingId }),
    );
    expect(aggregates.eventsOf(ghent, `comment-${view.id}`)[0]).toMatchObject({ data: { meetingId } });
  });

  it('answers a retry under the same idempotency key with the first comment', async () => {
    const { handler } = setUp();
    const first = await handler.execute(post({ target: indicator, body: 'x' }, 'k1'));
    expect(await handler.execute(post({ target: indicator, body: 'x' }, 'k1'))).toEqual(first);
  });
});
