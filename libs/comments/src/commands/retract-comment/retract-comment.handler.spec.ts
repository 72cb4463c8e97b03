import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { commentPosted } from '../../testing/comment-fixtures';
import { RetractCommentCommand } from './retract-comment.command';
import { RetractCommentHandler } from './retract-comment.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const commentId = '0192f0aa-0000-7000-8000-0000000000c2';
const stream = `comment-${commentId}`;
const authorId = '0192f0aa-0000-7000-8000-0000000000u1';
const posted = commentPosted(commentId, { id: authorId, role: 'collector', organisationId: null });

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [posted]);
  return { aggregates, handler: new RetractCommentHandler(aggregates) };
};
const retract = (actorId: string, actorRole: string) =>
  new RetractCommentCommand(ghent, commentId, commandMetadata({ actorId, actorRole }));

describe('RetractCommentHandler', () => {
  it('lets a coordinator retract, recording who did', async () => {
    const { aggregates, handler } = setUp();
    expect(await handler.execute(retract('coord', 'coordinator'))).toEqual({ version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'CommentRetracted',
      data: { commentId, retractedBy: { id: 'coord', role: 'coordinator' } },
    });
  });

  it('refuses another collector, and a second retraction', async () => {
    const { handler } = setUp();
    await expect(handler.execute(retract('other', 'collector'))).rejects.toMatchObject({
      code: 'COMMENT.NOT_AUTHOR',
    });
    await handler.execute(retract(authorId, 'collector'));
    await expect(handler.execute(retract(authorId, 'collector'))).rejects.toMatchObject({
      code: 'COMMENT.RETRACTED',
    });
  });

  it('says not found for a comment never posted', async () => {
    const handler = new RetractCommentHandler(new InMemoryAggregates());
    await expect(handler.execute(retract(authorId, 'collector'))).rejects.toMatchObject({
      code: 'COMMENT.NOT_FOUND',
    });
  });
});
